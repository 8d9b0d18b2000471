// `/dial goal`: managers get the goal modal, pre-filled from the plan in force (or the seed's
// example), with a live preview; everyone else is told who can set goals.
import { goalRefusalReply } from '../../blocks/goal-plan.js';
import { goalAccess, loadGoalSetup } from '../../services/goals/goal-setup.js';
import { goalModalView, managerToday } from '../goal-plan-modal.js';
import { defaultGoalFields } from '../views/goal-plan-form.js';
import type { DialContext } from './dial-context.js';

export async function handleGoalCommand(ctx: DialContext): Promise<void> {
  const { deps, member, now } = ctx;
  const access = await goalAccess(deps.prisma, member);
  if (!access.ok) return ctx.reply(goalRefusalReply(access));

  // Slack's trigger id lasts 3 s: load what the modal needs in one go, then open it.
  const today = managerToday(member, now);
  const setup = await loadGoalSetup(deps.prisma, { teamId: access.team.id, today, now });
  const view = goalModalView({ fields: defaultGoalFields(setup.planInForce, today), team: access.team, calendar: access.calendar, setup, today });
  await ctx.client.views.open({ trigger_id: ctx.command.trigger_id, view });
}
