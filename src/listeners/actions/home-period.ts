// App Home period buttons (Today / This week / This month): republish the manager's view for it.
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../blocks/ids.js';
import type { ListenerDeps } from '../deps.js';
import { memberFor } from '../members.js';
import { publishHome } from '../publish-home.js';

const PERIODS = ['day', 'week', 'month'] as const;

export function registerHomePeriodAction(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(new RegExp(`^${ACTION.homePeriod}_(day|week|month)$`), async ({ ack, body, action, client }) => {
    await ack();
    const period = PERIODS.find((p) => p === action.value);
    const workspaceId = body.team?.id ?? body.user.team_id;
    if (!period || !workspaceId) return;
    const now = deps.clock();
    const member = await memberFor(deps, client, workspaceId, body.user.id, now);
    await publishHome(deps, client, member, now, period);
  });
}
