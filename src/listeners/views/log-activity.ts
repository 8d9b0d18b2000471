// "Log activity" modal submitted: field errors back to the modal, or store and confirm.
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { errorReply, type Reply } from '../../blocks/activity-replies.js';
import { CALLBACK, LOG_MODAL } from '../../blocks/ids.js';
import type { ListenerDeps } from '../deps.js';
import { messageForFailure } from '../failures.js';
import { logEntryAndReply } from '../log-entry.js';
import { memberFor } from '../members.js';
import { modalChannel, readLogForm } from './log-activity-form.js';

/** Confirms in the channel the modal came from, or in the rep's DM with the app when that fails. */
async function confirm(client: WebClient, userId: string, channelId: string | undefined, reply: Reply): Promise<void> {
  if (channelId) {
    try {
      await client.chat.postEphemeral({ channel: channelId, user: userId, ...reply });
      return;
    } catch {
      // Not in that channel (or it is gone): fall back to the DM.
    }
  }
  await client.chat.postMessage({ channel: userId, ...reply });
}

export function registerLogActivityView(app: App, deps: ListenerDeps): void {
  app.view(CALLBACK.logActivity, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const workspaceId = body.team?.id ?? body.user.team_id;
    const now = deps.clock();
    let member;
    try {
      if (!workspaceId) throw new Error('view_submission without a team id');
      member = await memberFor(deps, client, workspaceId, userId, now);
    } catch (error) {
      const message = messageForFailure(error, deps.logger, { view: CALLBACK.logActivity, user: userId });
      return ack({ response_action: 'errors', errors: { [LOG_MODAL.kindBlock('dial')]: message } });
    }

    const result = readLogForm(view.state.values, { ...deps.config, now, timezone: member.timezone });
    if (!result.ok) return ack({ response_action: 'errors', errors: result.errors });
    await ack();

    const channelId = modalChannel(view.private_metadata);
    let reply: Reply;
    try {
      reply = await logEntryAndReply(deps, { member, ...result.form, source: 'modal', requestKey: `view:${workspaceId}:${view.id}`, now, client });
    } catch (error) {
      reply = errorReply(messageForFailure(error, deps.logger, { view: CALLBACK.logActivity, user: userId }));
    }
    await confirm(client, userId, channelId, reply).catch((error) =>
      deps.logger.error({ err: error, user: userId }, 'could not deliver the log confirmation'),
    );
  });
}
