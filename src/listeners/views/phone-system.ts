// Phone-system modal submitted: the connected-call threshold is saved, and when a label was given
// a token is created and shown — once — in the view that replaces the modal. Without a label the
// modal closes, back to team settings. A forged or stale submission stores nothing.
import type { App } from '@slack/bolt';
import { CALLBACK, PHONE_MODAL } from '../../blocks/ids.js';
import { phoneNoticeModal, tokenCreatedModal } from '../../blocks/phone-system-modal.js';
import { createApiToken } from '../../services/api-tokens/create-api-token.js';
import { managesTeam } from '../../services/members/manager-rights.js';
import { updateConnectedCallSeconds } from '../../services/teams/update-connected-call-seconds.js';
import type { ListenerDeps } from '../deps.js';
import { messageForFailure } from '../failures.js';
import { memberFor } from '../members.js';
import { NOT_A_PHONE_MANAGER } from '../actions/phone-system.js';
import { readPhoneForm } from './phone-system-form.js';
import { teamModalMetadata } from './team-settings-form.js';

export function registerPhoneSystemView(app: App, deps: ListenerDeps): void {
  app.view(CALLBACK.phoneSystem, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const workspaceId = body.team?.id ?? body.user.team_id;
    const refuse = (message: string, block: string = PHONE_MODAL.connectedSecondsBlock) => ack({ response_action: 'errors', errors: { [block]: message } });
    const metadata = teamModalMetadata(view.private_metadata);
    if (!workspaceId || !metadata) return refuse('This form is out of date. Close it and open it again from `/dial team`. Nothing was saved.');
    const form = readPhoneForm(view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });

    try {
      const now = deps.clock();
      const member = await memberFor(deps, client, workspaceId, userId, now);
      const team = await deps.prisma.team.findUnique({ where: { id: metadata.teamId } });
      if (!team || team.workspaceId !== workspaceId || !(await managesTeam(deps.prisma, member, team.id))) {
        deps.logger.warn({ user: userId, teamId: metadata.teamId }, 'phone-system settings submitted by someone who does not manage the team');
        return await refuse(`${NOT_A_PHONE_MANAGER} Nothing was saved.`);
      }
      const requestKey = `view:${workspaceId}:${view.id}`;
      await updateConnectedCallSeconds(deps.prisma, { actor: member, teamId: team.id, seconds: form.form.connectedCallSeconds, requestKey, now });
      const label = form.form.tokenLabel;
      if (!label) return await ack();
      const created = await createApiToken(deps.prisma, { creator: member, teamId: team.id, label, requestKey: `${requestKey}:token`, now });
      deps.logger.info({ user: userId, teamId: team.id, apiToken: created.apiToken.id, replay: created.secret === undefined }, 'API token created');
      const shown = created.secret
        ? tokenCreatedModal({ teamName: team.name, label, secret: created.secret })
        : phoneNoticeModal(`*${created.apiToken.label}* (\`${created.apiToken.prefix}…\`) was created by this form already; its token was shown then and cannot be shown again. If it was not copied, revoke it and create another.`);
      await ack({ response_action: 'update', view: shown });
    } catch (error) {
      const block = form.form.tokenLabel ? PHONE_MODAL.tokenLabelBlock : PHONE_MODAL.connectedSecondsBlock;
      await refuse(messageForFailure(error, deps.logger, { view: CALLBACK.phoneSystem, user: userId }), block);
    }
  });
}
