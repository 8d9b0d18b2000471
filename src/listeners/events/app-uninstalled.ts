// The app was uninstalled from a workspace, or its bot token revoked: forget the token at once.
// Bolt delivers these two events without authorising them (the token is already dead).
import type { App } from '@slack/bolt';
import { APP_UNINSTALLED, BOT_TOKEN_REVOKED, removeInstallation, type RemovalReason } from '../../services/installations/remove-installation.js';
import type { ListenerDeps } from '../deps.js';

export function registerAppUninstalled(app: App, deps: ListenerDeps): void {
  const remove = async (workspaceId: string, reason: RemovalReason) => {
    const removed = await removeInstallation(deps.prisma, { workspaceId, reason, now: deps.clock() });
    deps.logger.warn(
      { workspaceId, reason, removed },
      removed ? 'dialbot was removed from a workspace; its bot token is deleted' : 'dialbot was removed from a workspace; install it again and update SLACK_BOT_TOKEN to resume',
    );
  };
  app.event('app_uninstalled', async ({ body }) => remove(body.team_id, APP_UNINSTALLED));
  app.event('tokens_revoked', async ({ event, body }) => {
    // User tokens may be revoked too; dialbot holds none, so only the bot's matters.
    if ((event.tokens.bot ?? []).length > 0) await remove(body.team_id, BOT_TOKEN_REVOKED);
  });
}
