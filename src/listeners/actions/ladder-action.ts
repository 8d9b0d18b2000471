// A ladder button (in a level-3 alert, or "Excuse" in `/dial why`): open the modal for the note.
// Only the rep's managers may; anyone else is told so and nothing opens.
import type { App, BlockButtonAction } from '@slack/bolt';
import { errorReply } from '../../blocks/activity-replies.js';
import { ACTION } from '../../blocks/ids.js';
import { ladderActionModal } from '../../blocks/ladder-action-modal.js';
import { decidesForRep } from '../../services/members/manager-rights.js';
import { LADDER_OUTCOMES } from '../../services/escalation/record-ladder-action.js';
import type { ListenerDeps } from '../deps.js';
import { memberFor } from '../members.js';

export function registerLadderAction(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(new RegExp(`^${ACTION.ladderAction}_(${LADDER_OUTCOMES.join('|')})$`), async ({ ack, body, action, client, respond }) => {
    await ack();
    const outcome = LADDER_OUTCOMES.find((o) => action.action_id === `${ACTION.ladderAction}_${o}`);
    const workspaceId = body.team?.id ?? body.user.team_id;
    if (!outcome || !workspaceId) return;
    const now = deps.clock();
    const [actor, evaluation] = await Promise.all([
      memberFor(deps, client, workspaceId, body.user.id, now),
      deps.prisma.weekEvaluation.findUnique({ where: { id: action.value ?? '' }, include: { member: true } }),
    ]);
    if (!evaluation || evaluation.member.workspaceId !== workspaceId || !(await decidesForRep(deps.prisma, actor, evaluation.member))) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...errorReply('Only this rep’s managers can record what was done about their week.') });
      return;
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: ladderActionModal({ evaluationId: evaluation.id, outcome, repUserId: evaluation.member.slackUserId, week: evaluation.week }),
    });
  });
}
