// "Log activity" button (App Home): open the modal while the trigger id is fresh.
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../blocks/ids.js';
import type { ListenerDeps } from '../deps.js';
import { memberFor } from '../members.js';
import { openLogModal } from '../open-log-modal.js';

export function registerOpenLogModalAction(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(ACTION.openLogModal, async ({ ack, body, client }) => {
    await ack();
    const workspaceId = body.team?.id ?? body.user.team_id;
    if (!workspaceId) return;
    const now = deps.clock();
    const member = await memberFor(deps, client, workspaceId, body.user.id, now);
    await openLogModal(deps, client, { member, triggerId: body.trigger_id, channelId: body.channel?.id, now });
  });
}
