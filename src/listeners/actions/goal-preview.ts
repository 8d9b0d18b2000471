// Any goal-modal input changed (dispatch_action): rebuild the modal from what is typed, with the
// preview recomputed, and put it back with views.update (the hash drops updates that lost a race).
import type { App, BlockAction } from '@slack/bolt';
import { ACTION } from '../../blocks/ids.js';
import { goalAccess, loadGoalSetup } from '../../services/goals/goal-setup.js';
import type { ListenerDeps } from '../deps.js';
import { goalModalView, managerToday, repForPlan } from '../goal-plan-modal.js';
import { memberFor } from '../members.js';
import { readGoalFields, type StateValues } from '../views/goal-plan-form.js';

export function registerGoalPreviewAction(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(ACTION.goalPreview, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    const workspaceId = body.team?.id ?? body.user.team_id;
    if (!view || !workspaceId) return;
    const context = { action: ACTION.goalPreview, user: body.user.id, view: view.id };
    try {
      const now = deps.clock();
      const member = await memberFor(deps, client, workspaceId, body.user.id, now);
      const access = await goalAccess(deps.prisma, member);
      if (!access.ok) {
        deps.logger.warn(context, 'goal preview from someone who may not set goals; ignored');
        return;
      }
      const today = managerToday(member, now);
      const fields = readGoalFields(view.state.values as StateValues);
      const [setup, rep] = await Promise.all([
        loadGoalSetup(deps.prisma, { teamId: access.team.id, today, now }),
        repForPlan(deps, client, { manager: member, team: access.team, repUserId: fields.repUserId || undefined, now, preview: true }),
      ]);
      const updated = goalModalView({
        fields,
        team: access.team,
        calendar: access.calendar,
        setup,
        today,
        ...(rep.ok ? {} : { repError: rep.error }),
      });
      await client.views.update({ view_id: view.id, hash: view.hash, view: updated });
    } catch (error) {
      // A newer keystroke already updated the view: this preview is stale, nothing to do.
      if ((error as { data?: { error?: string } }).data?.error === 'hash_conflict') return;
      deps.logger.error({ err: error, ...context }, 'could not refresh the goal preview');
    }
  });
}
