// Goal modal submitted: re-check the submitter may set goals, validate (field errors, nothing
// stored), store the plan once per view, close the modal, and confirm to the manager by DM.
import type { App } from '@slack/bolt';
import type { Reply } from '../../blocks/activity-replies.js';
import { goalSavedMessage } from '../../blocks/goal-plan.js';
import { CALLBACK, GOAL_MODAL } from '../../blocks/ids.js';
import { goalAccess, loadGoalSetup } from '../../services/goals/goal-setup.js';
import { saveGoalPlan, type SavedGoalPlan } from '../../services/goals/save-goal-plan.js';
import { registerGoalPreviewAction } from '../actions/goal-preview.js';
import type { ListenerDeps } from '../deps.js';
import { messageForFailure } from '../failures.js';
import { goalRules, managerToday, previewOf, repForPlan } from '../goal-plan-modal.js';
import { memberFor } from '../members.js';
import { readGoalFields, validateGoalFields, type StateValues } from './goal-plan-form.js';

/** The goal modal's listeners: the live preview and the submission. */
export function registerGoalPlanListeners(app: App, deps: ListenerDeps): void {
  registerGoalPreviewAction(app, deps);
  registerGoalPlanView(app, deps);
}

export function registerGoalPlanView(app: App, deps: ListenerDeps): void {
  app.view(CALLBACK.goalPlan, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const workspaceId = body.team?.id ?? body.user.team_id;
    const context = { view: CALLBACK.goalPlan, user: userId };
    const fail = (message: string, block: string = GOAL_MODAL.revenueBlock) => ack({ response_action: 'errors', errors: { [block]: message } });
    const now = deps.clock();

    let saved: SavedGoalPlan;
    let reply: Reply;
    try {
      if (!workspaceId) throw new Error('view_submission without a team id');
      const member = await memberFor(deps, client, workspaceId, userId, now);
      // The modal is only opened for managers, but a submission can be forged: check again.
      const access = await goalAccess(deps.prisma, member);
      if (!access.ok) {
        deps.logger.warn(context, 'goal plan submitted by someone who may not set goals; nothing stored');
        return await fail('Only managers can set goals: workspace admins and owners, and the managers named for your team in /dial team. Nothing was saved.');
      }
      const today = managerToday(member, now);
      const result = validateGoalFields(readGoalFields(view.state.values as StateValues), goalRules(today));
      if (!result.ok) return await ack({ response_action: 'errors', errors: result.errors });
      const { form } = result;
      const rep = await repForPlan(deps, client, { manager: member, team: access.team, repUserId: form.repUserId, now });
      if (!rep.ok) return await fail(rep.error, GOAL_MODAL.repBlock);

      const setup = await loadGoalSetup(deps.prisma, { teamId: access.team.id, today, now });
      const preview = previewOf(form, access.calendar, setup);
      saved = await saveGoalPlan(deps.prisma, {
        workspaceId,
        teamId: access.team.id,
        memberId: rep.rep?.id ?? null,
        effectiveFrom: form.effectiveFrom,
        revenueTarget: form.revenueTarget,
        averageDealSize: form.averageDealSize,
        ratios: form.ratios,
        overrides: form.overrides,
        createdBy: userId,
        summary: preview.summary,
        requestKey: `goal:${workspaceId}:${view.id}`,
        now,
      });
      reply = goalSavedMessage({ teamName: access.team.name, repUserId: form.repUserId, today, preview });
    } catch (error) {
      return await fail(messageForFailure(error, deps.logger, context).replace('nothing was logged', 'nothing was saved'));
    }
    await ack();
    // A double-submitted view was confirmed by the request that stored it.
    if (saved.duplicate) return;
    await client.chat
      .postMessage({ channel: userId, ...reply })
      .catch((error: unknown) => deps.logger.error({ err: error, ...context }, 'could not deliver the goal plan confirmation'));
  });
}
