// App Home opened: publish the rep's dashboard.
import type { App } from '@slack/bolt';
import { buildRepHome } from '../../blocks/home.js';
import { formatLocalDate, localDate } from '../../lib/time.js';
import { activityTotals } from '../../services/progress/activity-totals.js';
import type { ListenerDeps } from '../deps.js';
import { memberFor } from '../members.js';

export function registerAppHomeOpened(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const workspaceId = body.team_id;
    const now = deps.clock();
    const member = await memberFor(deps, client, workspaceId, event.user, now);
    const totals = await activityTotals(deps.prisma, member.id, member.timezone, now);
    const todayLabel = formatLocalDate(localDate(now, member.timezone));
    await client.views.publish({ user_id: event.user, view: buildRepHome({ displayName: member.displayName, totals, todayLabel }) });
  });
}
