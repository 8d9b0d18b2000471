// The goal plan in Slack: the modal (inputs, live preview, feasibility against the team's own
// history), the manager's confirmation, and the refusal for non-managers. Pure builders.
import type { KnownBlock, ModalView } from '@slack/types';
import { formatKindCount, formatMoney, formatNumber, formatRatio } from '../lib/goal-numbers.js';
import { KIND_LABELS, KINDS, type Kind } from '../lib/kinds.js';
import { describeLocalDate, formatLocalMonth, type LocalDate } from '../lib/time.js';
import type { GoalFields } from '../listeners/views/goal-plan-form.js';
import {
  LEARNING_WEEKS,
  MIN_DIALS_FOR_LEARNING,
  OPTIMISM_FACTOR,
  STAGES,
  type Feasibility,
  type LearnedRatios,
  type RatioKey,
} from '../services/goals/learned-ratios.js';
import type { MonthlyTargets, PlanInput } from '../services/goals/plan-from-revenue.js';
import type { PlanSummary } from '../services/goals/plan-summary.js';
import type { Reply } from './activity-replies.js';
import { ACTION, CALLBACK, GOAL_MODAL } from './ids.js';
import { LIMITS, truncate } from './slack-limits.js';

export const STAGE_LABELS: Record<RatioKey, string> = {
  closeRate: 'Close rate (opportunity → close)',
  presentationToOpportunity: 'Presentation → opportunity',
  conversationToPresentation: 'Conversation → presentation',
  dialToConversation: 'Dial → conversation',
};

const SHORT_STAGE: Record<RatioKey, string> = {
  closeRate: 'opportunity → close',
  presentationToOpportunity: 'presentation → opportunity',
  conversationToPresentation: 'conversation → presentation',
  dialToConversation: 'dial → conversation',
};

/** What the preview shows: the targets, or what to fix before there can be any. */
export type GoalPreview =
  | { ok: true; plan: PlanInput; summary: PlanSummary; effectiveFrom: LocalDate; feasibility: Feasibility | null }
  | { ok: false; problems: string[] };

export type GoalModalInput = {
  fields: GoalFields;
  teamName: string;
  today: LocalDate;
  earliest: LocalDate;
  /** The team plan in force today, if any (the modal opened pre-filled with it). */
  inForceFrom: LocalDate | null;
  learned: LearnedRatios;
  preview: GoalPreview;
};

const text = (value: string) => ({ type: 'plain_text' as const, text: value });
/** Team names are typed by people: keep them from turning into mentions or links in mrkdwn. */
const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const mrkdwn = (value: string) => ({ type: 'mrkdwn' as const, text: truncate(value, LIMITS.sectionText) });

/** "$100,000 ÷ $10,000 = 10 closes ← 20 opportunities ← 40 presentations ← 120 conversations ← 360 dials". */
export function funnelExplanation(plan: Pick<PlanInput, 'revenueTarget' | 'averageDealSize'>, monthly: MonthlyTargets): string {
  const { targets, computed, overridden } = monthly;
  const set = (kind: Kind) => overridden.includes(kind);
  let line = `${formatMoney(plan.revenueTarget)} ÷ ${formatMoney(plan.averageDealSize)} = ${formatKindCount('close', computed.close)}`;
  if (set('close')) line += ` (set to ${formatNumber(targets.close)})`;
  for (const kind of [...KINDS].reverse().slice(1)) line += ` ← ${formatKindCount(kind, targets[kind])}${set(kind) ? ' (set directly)' : ''}`;
  return line;
}

/** One line per kind: the month's target (marked when set directly), the week's and the day's. */
export function targetLines(summary: PlanSummary): string[] {
  return KINDS.map((kind) => {
    const { targets, computed, overridden } = summary.monthly;
    const set = overridden.includes(kind) ? ` _(set directly; computed ${formatNumber(computed[kind])})_` : '';
    return (
      `${KIND_LABELS[kind].emoji} *${KIND_LABELS[kind].title}*: ${formatNumber(targets[kind])} a month${set}` +
      ` · ${formatNumber(summary.weekly[kind], 1)} a week · ${formatNumber(summary.daily[kind], 1)} a day`
    );
  });
}

function calendarNote(summary: PlanSummary): string {
  return `${formatLocalMonth(summary.month.first)} has ${formatNumber(summary.workdays)} workdays; the team works ${formatNumber(summary.workdaysPerWeek)} days a week.`;
}

export function previewText(preview: GoalPreview, scope: string, today: LocalDate): string {
  if (!preview.ok) return [':pencil2: *Fix these to see the targets:*', ...preview.problems.map((p) => `• ${p}`)].join('\n');
  const { summary } = preview;
  return [
    `*Targets ${scope}, from ${describeLocalDate(preview.effectiveFrom, today)}*`,
    funnelExplanation(preview.plan, summary.monthly),
    '',
    ...targetLines(summary),
    `_${calendarNote(summary)} Daily = monthly ÷ workdays; weekly = daily × ${formatNumber(summary.workdaysPerWeek)}._`,
  ].join('\n');
}

/** How the plan's ratios compare with what the team's history shows. */
export function feasibilityText(learned: LearnedRatios, preview: GoalPreview): string {
  if (!learned.enough) {
    return (
      `*Your team’s history:* not enough history yet (${formatNumber(learned.dials)} of ${formatNumber(MIN_DIALS_FOR_LEARNING)} dials in the last ${LEARNING_WEEKS} weeks). ` +
      'Observed ratios show here once the team has logged enough.'
    );
  }
  const { counts } = learned;
  const lines = [`*Plan vs your team’s last ${LEARNING_WEEKS} weeks* (${formatKindCount('dial', learned.dials)} logged)`];
  const feasibility = preview.ok ? preview.feasibility : null;
  for (const { key, from, to } of STAGES) {
    const observed = learned.ratios[key];
    const seen = observed === null ? `none observed (no ${KIND_LABELS[from].many} logged)` : `${formatRatio(observed)} observed (${formatNumber(counts[to])} of ${formatNumber(counts[from])})`;
    const check = feasibility?.stages.find((s) => s.key === key);
    const plan = preview.ok ? `plan ${formatRatio(preview.plan[key])} · ` : '';
    lines.push(`${check?.optimistic ? ':warning:' : '•'} ${STAGE_LABELS[key]}: ${plan}${seen}`);
  }
  if (feasibility?.realistic && preview.ok) {
    const optimistic = feasibility.stages.filter((s) => s.optimistic);
    const named = optimistic.map((s) => `${SHORT_STAGE[s.key]} ${formatRatio(s.plan)} vs ${formatRatio(s.observed!)}`).join(', ');
    const planned = preview.summary.monthly.targets;
    const realistic = feasibility.realistic.targets;
    lines.push(
      '',
      `:warning: *This plan assumes better conversion than your team shows* (more than ${formatNumber(OPTIMISM_FACTOR, 1)}× the observed rate): ${named}.`,
    );
    if (optimistic.some((s) => s.observed! > 0)) {
      lines.push(
        `At the observed rates, ${formatKindCount('close', realistic.close)} really need *${formatKindCount('dial', realistic.dial)} a month* (the plan says ${formatNumber(planned.dial)}): ` +
          `${funnelExplanation(preview.plan, feasibility.realistic)}.`,
      );
    }
    if (optimistic.some((s) => s.observed === 0)) {
      lines.push(`Stages with nothing converted yet can’t be estimated: ${optimistic.filter((s) => s.observed === 0).map((s) => SHORT_STAGE[s.key]).join(', ')}.`);
    }
  }
  return lines.join('\n');
}

function textInput(block: string, label: string, value: string, options: { hint?: string; placeholder: string; optional?: boolean }): KnownBlock {
  return {
    type: 'input',
    block_id: block,
    dispatch_action: true,
    ...(options.optional ? { optional: true } : {}),
    label: text(label),
    ...(options.hint ? { hint: text(truncate(options.hint, 2000)) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: ACTION.goalPreview,
      ...(value ? { initial_value: truncate(value, 150) } : {}),
      placeholder: text(options.placeholder),
      max_length: 150,
      dispatch_action_config: { trigger_actions_on: ['on_enter_pressed', 'on_character_entered'] },
    },
  };
}

function ratioHint(key: RatioKey, learned: LearnedRatios): string {
  const forms = 'e.g. 50%, 33⅓%, 1/3, 1 in 3 or 0.5';
  if (!learned.enough) return forms;
  const observed = learned.ratios[key];
  const stage = STAGES.find((s) => s.key === key)!;
  if (observed === null) return `Your team logged no ${KIND_LABELS[stage.from].many} in the last ${LEARNING_WEEKS} weeks. ${forms}.`;
  return `Your team’s last ${LEARNING_WEEKS} weeks: ${formatRatio(observed)} (${formatNumber(learned.counts[stage.to])} of ${formatNumber(learned.counts[stage.from])}). ${forms}.`;
}

export function buildGoalModal(input: GoalModalInput): ModalView {
  const { fields } = input;
  const teamName = escape(input.teamName);
  const scope = fields.repUserId ? `for <@${fields.repUserId}>` : `for each rep on ${teamName}`;
  const intro = input.inForceFrom
    ? `Goals for *${teamName}*, worked back from revenue. Filled in from the plan in force since ${describeLocalDate(input.inForceFrom, input.today)}.`
    : `Goals for *${teamName}*, worked back from revenue. No goal is set yet: this is the classic example, change it to yours.`;
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [mrkdwn(`${intro} The preview below updates as you type.`)] },
    textInput(GOAL_MODAL.revenueBlock, 'Monthly revenue target (per rep)', fields.revenue, {
      placeholder: '$100,000',
      hint: 'Whole currency units, e.g. $100,000 or 100k.',
    }),
    textInput(GOAL_MODAL.dealBlock, 'Average deal size', fields.deal, { placeholder: '$10,000', hint: 'Whole currency units, e.g. $10,000 or 10k.' }),
    { type: 'section', text: mrkdwn('*Stage ratios* — how many of one stage turn into the next.') },
    ...STAGES.map((s) => textInput(GOAL_MODAL.ratioBlock(s.key), STAGE_LABELS[s.key], fields.ratios[s.key], { placeholder: '50%', hint: ratioHint(s.key, input.learned) })),
    {
      type: 'section',
      text: mrkdwn('*Direct monthly targets* (optional) — a number here replaces the computed target, and the stages before it are worked back from it.'),
    },
    ...KINDS.map((kind) =>
      textInput(GOAL_MODAL.overrideBlock(kind), `${KIND_LABELS[kind].title} a month`, fields.overrides[kind], {
        placeholder: 'computed',
        optional: true,
      }),
    ),
    {
      type: 'input',
      block_id: GOAL_MODAL.effectiveBlock,
      dispatch_action: true,
      label: text('Takes effect on'),
      hint: text(`From ${input.earliest} (the first of this month) onwards; earlier months keep the targets they had.`),
      element: { type: 'datepicker', action_id: ACTION.goalPreview, ...(fields.effectiveFrom ? { initial_date: fields.effectiveFrom } : {}) },
    },
    {
      type: 'input',
      block_id: GOAL_MODAL.repBlock,
      dispatch_action: true,
      optional: true,
      label: text('Only for one rep'),
      hint: text(`Leave empty for the whole team (${truncate(input.teamName, 100)}). A rep’s own plan wins over the team’s.`),
      element: {
        type: 'users_select',
        action_id: ACTION.goalPreview,
        placeholder: text('Whole team'),
        ...(fields.repUserId ? { initial_user: fields.repUserId } : {}),
      },
    },
    { type: 'divider' },
    { type: 'section', block_id: GOAL_MODAL.previewBlock, text: mrkdwn(previewText(input.preview, scope, input.today)) },
    { type: 'section', block_id: GOAL_MODAL.feasibilityBlock, text: mrkdwn(feasibilityText(input.learned, input.preview)) },
  ];
  return {
    type: 'modal',
    callback_id: CALLBACK.goalPlan,
    title: text(truncate('Goal plan', LIMITS.modalTitle)),
    submit: text('Save plan'),
    close: text('Cancel'),
    blocks,
  };
}

/** The manager's confirmation (by DM) once a plan is stored. */
export function goalSavedMessage(input: {
  teamName: string;
  repUserId: string | undefined;
  today: LocalDate;
  preview: Extract<GoalPreview, { ok: true }>;
}): Reply {
  const { preview } = input;
  const who = input.repUserId ? `<@${input.repUserId}>` : `each rep on ${escape(input.teamName)}`;
  const when = describeLocalDate(preview.effectiveFrom, input.today);
  const headline = `:dart: Goal plan saved: targets for ${who} from ${when}.`;
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`${headline}\n${funnelExplanation(preview.plan, preview.summary.monthly)}`) },
    { type: 'section', text: mrkdwn(targetLines(preview.summary).join('\n')) },
    {
      type: 'context',
      elements: [mrkdwn(`${calendarNote(preview.summary)} Each rep’s own holidays, time off and ramp-up lower their targets. Change the plan any time with \`/dial goal\`.`)],
    },
  ];
  const optimistic = preview.feasibility?.stages.filter((s) => s.optimistic) ?? [];
  if (optimistic.length > 0) {
    const named = optimistic.map((s) => `${SHORT_STAGE[s.key]} ${formatRatio(s.plan)} vs ${formatRatio(s.observed!)} observed`).join(', ');
    const realistic = preview.feasibility?.realistic;
    const need = realistic && optimistic.some((s) => s.observed! > 0) ? ` At the observed rates it really needs ${formatKindCount('dial', realistic.targets.dial)} a month.` : '';
    blocks.push({ type: 'section', text: mrkdwn(`:warning: This plan assumes better conversion than your team shows: ${named}.${need}`) });
  }
  return { text: truncate(headline, LIMITS.messageText), blocks };
}

/** Why someone who is not a manager can't set goals, and who can. */
export function goalRefusalReply(input: { teamName: string | null; managerUserIds: string[] }): Reply {
  const managers = input.managerUserIds.map((id) => `<@${id}>`).join(', ');
  const teamName = input.teamName === null ? null : escape(input.teamName);
  const whoElse =
    teamName === null
      ? 'You aren’t on a team yet, so there is no team to set goals for.'
      : managers
        ? `${teamName}’s managers are ${managers}.`
        : `${teamName} has no managers named yet (an admin can add them with \`/dial team\`).`;
  const message = `:no_entry: Only managers can set goals: workspace admins and owners, and the managers named for a team in \`/dial team\`. ${whoElse} Ask one of them to run \`/dial goal\`.`;
  return { text: message, blocks: [{ type: 'section', text: mrkdwn(message) }] };
}
