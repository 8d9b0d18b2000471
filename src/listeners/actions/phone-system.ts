// Buttons of the phone-system feature: "Phone system…" in team settings pushes the phone-system
// modal; "Revoke" in it revokes a token and redraws the modal. Only the team's managers (or a
// workspace admin) may; anyone else sees why in place of the modal.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { ACTION } from '../../blocks/ids.js';
import { buildPhoneSystemModal, phoneNoticeModal } from '../../blocks/phone-system-modal.js';
import type { Member } from '../../generated/prisma/client.js';
import { loadPhoneSystemSettings } from '../../services/api-tokens/phone-system-settings.js';
import { revokeApiToken } from '../../services/api-tokens/revoke-api-token.js';
import { managesTeam } from '../../services/members/manager-rights.js';
import type { ListenerDeps } from '../deps.js';
import { messageForFailure } from '../failures.js';
import { memberFor } from '../members.js';

export const NOT_A_PHONE_MANAGER = 'Only this team’s managers or a workspace admin can see and change its phone-system settings.';

/** The team's phone-system modal for `member`, or why they may not see it. */
async function phoneSystemView(deps: ListenerDeps, member: Member, teamId: string, notice?: string): Promise<ModalView> {
  const settings = await loadPhoneSystemSettings(deps.prisma, teamId);
  if (!settings || !(await managesTeam(deps.prisma, member, teamId))) {
    deps.logger.warn({ user: member.slackUserId, teamId }, 'phone-system settings asked for by someone who does not manage the team');
    return phoneNoticeModal(NOT_A_PHONE_MANAGER);
  }
  return buildPhoneSystemModal(settings, notice);
}

export function registerPhoneSystemActions(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(ACTION.openPhoneSystem, async ({ ack, body, action, client }) => {
    await ack();
    try {
      const member = await memberFor(deps, client, body.team?.id ?? body.user.team_id ?? '', body.user.id, deps.clock());
      await client.views.push({ trigger_id: body.trigger_id, view: await phoneSystemView(deps, member, action.value ?? '') });
    } catch (error) {
      deps.logger.error({ err: error, action: ACTION.openPhoneSystem, user: body.user.id }, 'could not open the phone-system settings');
    }
  });

  app.action<BlockButtonAction>(ACTION.revokeApiToken, async ({ ack, body, action, client }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const context = { action: ACTION.revokeApiToken, user: body.user.id };
    try {
      const now = deps.clock();
      const actor = await memberFor(deps, client, body.team?.id ?? body.user.team_id ?? '', body.user.id, now);
      let update: ModalView;
      try {
        const token = await revokeApiToken(deps.prisma, { actor, tokenId: action.value ?? '', now });
        update = await phoneSystemView(deps, actor, token.teamId, `:no_entry: Revoked *${token.label}* (\`${token.prefix}…\`): requests with it are refused.`);
      } catch (error) {
        update = phoneNoticeModal(messageForFailure(error, deps.logger, context));
      }
      await client.views.update({ view_id: view.id, hash: view.hash, view: update });
    } catch (error) {
      deps.logger.error({ err: error, ...context }, 'could not revoke the API token');
    }
  });
}
