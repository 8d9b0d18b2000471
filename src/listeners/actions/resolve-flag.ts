// Accept / Void on a flagged entry (App Home or `/dial stats @rep`): open the modal for the reason.
// Only the rep's managers may; anyone else is told so and nothing opens.
import type { App, BlockButtonAction } from '@slack/bolt';
import { errorReply } from '../../blocks/activity-replies.js';
import { flagResolutionModal } from '../../blocks/flags.js';
import { ACTION } from '../../blocks/ids.js';
import { decidesForRep } from '../../services/members/manager-rights.js';
import { openFlag } from '../../services/flags/open-flags.js';
import { FLAG_RESOLUTIONS } from '../../services/flags/resolve-flag.js';
import type { ListenerDeps } from '../deps.js';
import { memberFor } from '../members.js';
import { publishHome } from '../publish-home.js';

export function registerResolveFlagAction(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(new RegExp(`^${ACTION.resolveFlag}_(${FLAG_RESOLUTIONS.join('|')})$`), async ({ ack, body, action, client }) => {
    await ack();
    const resolution = FLAG_RESOLUTIONS.find((r) => action.action_id === `${ACTION.resolveFlag}_${r}`);
    const workspaceId = body.team?.id ?? body.user.team_id;
    if (!resolution || !workspaceId) return;
    const now = deps.clock();
    const [actor, flag] = await Promise.all([memberFor(deps, client, workspaceId, body.user.id, now), openFlag(deps.prisma, action.value ?? '')]);
    // App Home buttons carry no response_url: the answer goes by DM.
    const tell = (message: string) => client.chat.postMessage({ channel: actor.slackUserId, ...errorReply(message) });
    if (!flag) {
      await tell('That entry has already been reviewed, so there is nothing left to do.');
      await publishHome(deps, client, actor, now);
      return;
    }
    const rep = await deps.prisma.member.findUniqueOrThrow({ where: { id: flag.rep.id } });
    if (rep.workspaceId !== workspaceId || !(await decidesForRep(deps.prisma, actor, rep))) {
      await tell('Only this rep’s managers can accept or void their entries.');
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: flagResolutionModal(flag, resolution) });
  });
}
