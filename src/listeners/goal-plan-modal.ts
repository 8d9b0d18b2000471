// Shared by `/dial goal`, the live preview and the submission: the rules for the effective date,
// the preview computed from the modal's fields, and the modal itself.
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { buildGoalModal, STAGE_LABELS, type GoalPreview } from '../blocks/goal-plan.js';
import { GOAL_MODAL } from '../blocks/ids.js';
import type { Member, Team } from '../generated/prisma/client.js';
import { KIND_LABELS, KINDS } from '../lib/kinds.js';
import { addYears, localDate, monthOf, type LocalDate } from '../lib/time.js';
import { findMember, mayPlanFor, type GoalSetup } from '../services/goals/goal-setup.js';
import { checkFeasibility, STAGES } from '../services/goals/learned-ratios.js';
import { summarizePlan } from '../services/goals/plan-summary.js';
import type { TeamCalendar } from '../services/goals/targets.js';
import type { ListenerDeps } from './deps.js';
import { lookUpMember } from './members.js';
import { validateGoalFields, type GoalFields, type GoalForm, type GoalFormRules } from './views/goal-plan-form.js';

/** A plan may start from the first of the current month (in the manager's zone) to a year ahead. */
export function goalRules(today: LocalDate): GoalFormRules {
  return { earliest: monthOf(today).first, latest: addYears(today, 1) };
}

export function managerToday(member: Member, now: Date): LocalDate {
  return localDate(now, member.timezone);
}

/** Each field's name, in the modal's order, for listing problems in the preview. */
const FIELD_LABELS: Array<[string, string]> = [
  [GOAL_MODAL.revenueBlock, 'Monthly revenue target'],
  [GOAL_MODAL.dealBlock, 'Average deal size'],
  ...STAGES.map((s): [string, string] => [GOAL_MODAL.ratioBlock(s.key), STAGE_LABELS[s.key]]),
  ...KINDS.map((k): [string, string] => [GOAL_MODAL.overrideBlock(k), `${KIND_LABELS[k].title} a month`]),
  [GOAL_MODAL.effectiveBlock, 'Takes effect on'],
  [GOAL_MODAL.repBlock, 'Only for one rep'],
];

export function problemsFrom(errors: Record<string, string>): string[] {
  return FIELD_LABELS.filter(([block]) => errors[block]).map(([block, label]) => `${label}: ${errors[block]}`);
}

/** The preview of a valid form: its targets by the team calendar, and how it compares with history. */
export function previewOf(form: GoalForm, calendar: TeamCalendar, setup: GoalSetup): Extract<GoalPreview, { ok: true }> {
  return {
    ok: true,
    plan: form,
    effectiveFrom: form.effectiveFrom,
    summary: summarizePlan(form, form.effectiveFrom, calendar),
    feasibility: setup.learned.enough ? checkFeasibility(form, setup.learned.ratios) : null,
  };
}

export type RepCheck = { ok: true; rep: Member | null } | { ok: false; error: string };

/**
 * The rep a plan is for, who must be on the manager's team. Someone who never used dialbot yet is
 * added the way their first `/dial` would add them, but only when that puts them on this team
 * (and not for a preview, which stores nothing).
 */
export async function repForPlan(
  deps: ListenerDeps,
  client: WebClient,
  args: { manager: Member; team: Team; repUserId: string | undefined; now: Date; preview?: boolean },
): Promise<RepCheck> {
  if (!args.repUserId) return { ok: true, rep: null };
  // Field errors are plain text (a mention would show as its raw id): name the rep instead.
  const notOnTeam = (who: string) => ({
    ok: false as const,
    error: `${who} isn’t on your team (${args.team.name}); pick one of your reps, or leave it empty for the whole team.`,
  });
  let rep = await findMember(deps.prisma, args.manager.workspaceId, args.repUserId);
  if (!rep) {
    if (!args.team.isDefault) return notOnTeam('That person');
    if (args.preview) return { ok: true, rep: null }; // a preview stores nothing: saving will add them
    const info = await client.users.info({ user: args.repUserId }).catch(() => undefined);
    if (!info?.user || info.user.is_bot || info.user.deleted) return { ok: false, error: 'That user can’t be found in Slack (or is a bot); pick one of your reps.' };
    rep = await lookUpMember(deps, client, args.manager.workspaceId, args.repUserId, args.now);
  }
  return (await mayPlanFor(deps.prisma, args.manager, args.team.id, rep)) ? { ok: true, rep } : notOnTeam(rep.displayName);
}

/** The modal for `fields`: validated, previewed (or the problems listed), with the team's history beside it. */
export function goalModalView(args: {
  fields: GoalFields;
  team: Team;
  calendar: TeamCalendar;
  setup: GoalSetup;
  today: LocalDate;
  /** Found while checking the rep (the preview lists it with the rest). */
  repError?: string;
}): View {
  const rules = goalRules(args.today);
  const result = validateGoalFields(args.fields, rules);
  let preview: GoalPreview;
  if (!result.ok) preview = { ok: false, problems: problemsFrom(result.errors) };
  else if (args.repError) preview = { ok: false, problems: problemsFrom({ [GOAL_MODAL.repBlock]: args.repError }) };
  else preview = previewOf(result.form, args.calendar, args.setup);
  return buildGoalModal({
    fields: args.fields,
    teamName: args.team.name,
    today: args.today,
    earliest: rules.earliest,
    inForceFrom: args.setup.planInForce?.effectiveFrom ?? null,
    learned: args.setup.learned,
    preview,
  });
}
