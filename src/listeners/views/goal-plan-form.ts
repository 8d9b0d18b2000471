// Reads the goal modal's state into a plan, or into field errors keyed by block id. Pure.
// The same reading serves the live preview (block_actions) and the submission (view_submission);
// a submission can be forged, so everything is checked here again whatever the inputs allowed.
import { z } from 'zod';
import { ACTION, GOAL_MODAL } from '../../blocks/ids.js';
import type { GoalPlan } from '../../generated/prisma/client.js';
import { formatKindCount, formatMoney, formatNumber, formatRatio, MAX_TARGET, parseAmount, parseRatio, parseTargetCount, type Parsed } from '../../lib/goal-numbers.js';
import { KIND_LABELS, KINDS, isKind, type Kind, type KindCounts } from '../../lib/kinds.js';
import { parseLocalDate, type LocalDate } from '../../lib/time.js';
import { STAGES, type RatioKey } from '../../services/goals/learned-ratios.js';
import { planFromRevenue, SEED_RATIOS, type FunnelRatios, type PlanInput } from '../../services/goals/plan-from-revenue.js';

type StateValue = { value?: string | null; selected_date?: string | null; selected_user?: string | null };
export type StateValues = Record<string, Record<string, StateValue | undefined> | undefined>;

/** The modal's inputs as typed (empty string when empty). */
export type GoalFields = {
  revenue: string;
  deal: string;
  ratios: Record<RatioKey, string>;
  overrides: Record<Kind, string>;
  effectiveFrom: string;
  repUserId: string;
};

export type GoalForm = PlanInput & {
  ratios: FunnelRatios;
  effectiveFrom: LocalDate;
  /** A plan for one rep; undefined for the whole team. */
  repUserId: string | undefined;
};

export type GoalFormResult = { ok: true; form: GoalForm } | { ok: false; errors: Record<string, string> };

export type GoalFormRules = {
  /** The earliest effective date allowed: the first of the current month in the manager's zone. */
  earliest: LocalDate;
  /** The latest effective date allowed. */
  latest: LocalDate;
};

export const SEED_REVENUE = 100_000;
export const SEED_DEAL_SIZE = 10_000;

export function readGoalFields(values: StateValues): GoalFields {
  const at = (block: string) => values[block]?.[ACTION.goalPreview];
  const text = (block: string) => at(block)?.value ?? '';
  return {
    revenue: text(GOAL_MODAL.revenueBlock),
    deal: text(GOAL_MODAL.dealBlock),
    ratios: Object.fromEntries(STAGES.map((s) => [s.key, text(GOAL_MODAL.ratioBlock(s.key))])) as Record<RatioKey, string>,
    overrides: Object.fromEntries(KINDS.map((k) => [k, text(GOAL_MODAL.overrideBlock(k))])) as Record<Kind, string>,
    effectiveFrom: at(GOAL_MODAL.effectiveBlock)?.selected_date ?? '',
    repUserId: at(GOAL_MODAL.repBlock)?.selected_user ?? '',
  };
}

/** What the modal opens with: the plan in force (or the seed's example), taking effect today. */
export function defaultGoalFields(plan: GoalPlan | null, today: LocalDate): GoalFields {
  const ratios: FunnelRatios = plan ?? SEED_RATIOS;
  const overrides = (plan?.overrides ?? {}) as Record<string, unknown>;
  return {
    revenue: formatMoney(plan?.revenueTarget ?? SEED_REVENUE),
    deal: formatMoney(plan?.averageDealSize ?? SEED_DEAL_SIZE),
    ratios: Object.fromEntries(STAGES.map((s) => [s.key, formatRatio(ratios[s.key], { exact: true })])) as Record<RatioKey, string>,
    overrides: Object.fromEntries(
      KINDS.map((k) => [k, typeof overrides[k] === 'number' && isKind(k) ? String(overrides[k]) : '']),
    ) as Record<Kind, string>,
    effectiveFrom: today,
    repUserId: '',
  };
}

/** A zod string schema that runs one of the goal-number parsers, its message as the issue. */
function parsed<T>(parse: (text: string) => Parsed<T>) {
  return z.string().transform((text, ctx) => {
    const result = parse(text);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error });
      return z.NEVER;
    }
    return result.value;
  });
}

const optional = <T>(schema: z.ZodType<T, string>) =>
  z.string().transform((text, ctx) => {
    if (text.trim() === '') return undefined;
    const result = schema.safeParse(text);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    }
    return result.data;
  });

function fieldSchemas(rules: GoalFormRules) {
  return {
    revenue: parsed((t) => parseAmount(t, 'monthly revenue target')),
    deal: parsed((t) => parseAmount(t, 'average deal size')),
    ratio: parsed(parseRatio),
    override: (kind: Kind) => optional(parsed((t) => parseTargetCount(t, KIND_LABELS[kind].many))),
    effectiveFrom: z
      .string()
      .transform((text) => parseLocalDate(text))
      .pipe(z.string({ error: 'Pick the day this plan takes effect.' }))
      .refine((date) => date >= rules.earliest, {
        error: `Pick ${rules.earliest} or later: a plan can start on the first of this month at the earliest, so past months keep the targets they had.`,
      })
      .refine((date) => date <= rules.latest, { error: `Pick a date up to ${rules.latest}: plans can be set at most a year ahead.` }),
    rep: z
      .string()
      .regex(/^$|^[UW][A-Z0-9]{2,}$/, { error: 'Pick a rep from the list, or leave it empty for the whole team.' })
      .transform((id) => id || undefined),
  };
}

/** Field errors keyed by block id, or the plan. */
export function validateGoalFields(fields: GoalFields, rules: GoalFormRules): GoalFormResult {
  const schemas = fieldSchemas(rules);
  const errors: Record<string, string> = {};
  const check = <T>(block: string, schema: z.ZodType<T, string>, text: string): T | undefined => {
    const result = schema.safeParse(text);
    if (result.success) return result.data;
    errors[block] = result.error.issues[0]?.message ?? 'Check this value.';
    return undefined;
  };

  const revenueTarget = check(GOAL_MODAL.revenueBlock, schemas.revenue, fields.revenue);
  const averageDealSize = check(GOAL_MODAL.dealBlock, schemas.deal, fields.deal);
  if (revenueTarget !== undefined && averageDealSize !== undefined && averageDealSize > revenueTarget) {
    errors[GOAL_MODAL.dealBlock] = `The average deal size (${formatMoney(averageDealSize)}) is more than the monthly revenue target (${formatMoney(revenueTarget)}).`;
  }
  const ratios: Partial<FunnelRatios> = {};
  for (const { key } of STAGES) ratios[key] = check(GOAL_MODAL.ratioBlock(key), schemas.ratio, fields.ratios[key]);
  const overrides: KindCounts = {};
  for (const kind of KINDS) {
    const value = check(GOAL_MODAL.overrideBlock(kind), schemas.override(kind), fields.overrides[kind]);
    if (value !== undefined) overrides[kind] = value;
  }
  const effectiveFrom = check(GOAL_MODAL.effectiveBlock, schemas.effectiveFrom, fields.effectiveFrom);
  const repUserId = check(GOAL_MODAL.repBlock, schemas.rep, fields.repUserId);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const plan: PlanInput = {
    revenueTarget: revenueTarget!,
    averageDealSize: averageDealSize!,
    ...(ratios as FunnelRatios),
    overrides: Object.keys(overrides).length > 0 ? overrides : undefined,
  };
  // Tiny ratios can work back to absurd numbers; say so rather than store a plan nobody can meet.
  const { targets } = planFromRevenue(plan);
  const absurd = KINDS.find((k) => targets[k] > MAX_TARGET);
  if (absurd) {
    return {
      ok: false,
      errors: {
        [GOAL_MODAL.revenueBlock]: `These numbers work back to ${formatKindCount(absurd, targets[absurd])} a month, more than ${formatNumber(MAX_TARGET)}. Check the amounts and ratios.`,
      },
    };
  }
  return { ok: true, form: { ...plan, ratios: ratios as FunnelRatios, effectiveFrom: effectiveFrom!, repUserId } };
}
