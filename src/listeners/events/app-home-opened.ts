// App Home opened: publish the member's dashboard.
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { memberFor } from '../members.js';
import { publishHome } from '../publish-home.js';

export function registerAppHomeOpened(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const now = deps.clock();
    const member = await memberFor(deps, client, body.team_id, event.user, now);
    await publishHome(deps, client, member, now);
  });
}
