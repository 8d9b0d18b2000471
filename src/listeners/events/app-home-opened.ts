// App Home opened: publish the rep's dashboard (day, week and month against target, need today).
import type { App } from '@slack/bolt';
import { buildRepHome } from '../../blocks/home.js';
import { repProgress } from '../../services/progress/rep-progress.js';
import type { ListenerDeps } from '../deps.js';
import { memberFor } from '../members.js';

export function registerAppHomeOpened(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const workspaceId = body.team_id;
    const now = deps.clock();
    const member = await memberFor(deps, client, workspaceId, event.user, now);
    const progress = await repProgress(deps.prisma, member, now);
    await client.views.publish({ user_id: event.user, view: buildRepHome({ displayName: member.displayName, progress }) });
  });
}
