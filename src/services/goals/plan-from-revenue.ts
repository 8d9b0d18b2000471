// The seed's method: monthly targets worked backwards from revenue through the funnel.
// $100k ÷ $10k deals = 10 closes ← 20 opportunities ← 40 presentations ← 120 conversations ← 360 dials.
import { KINDS, type Kind, type KindCounts } from '../../lib/kinds.js';

/** Stage ratios, each in (0, 1]. */
export type FunnelRatios = {
  closeRate: number; // opportunity → close
  presentationToOpportunity: number;
  conversationToPresentation: number;
  dialToConversation: number;
};

export type PlanInput = FunnelRatios & {
  revenueTarget: number;
  averageDealSize: number;
  /** Monthly targets set directly; they replace the computed number and feed the stages before it. */
  overrides?: KindCounts;
};

export type MonthlyTargets = {
  /** What applies: computed, or the override where there is one. */
  targets: Record<Kind, number>;
  /** What the funnel alone gives, for showing beside overrides. */
  computed: Record<Kind, number>;
  overridden: Kind[];
};

/** The seed's ratios: 50% of opportunities close, 50% of presentations become opportunities, a third each before. */
export const SEED_RATIOS: FunnelRatios = {
  closeRate: 0.5,
  presentationToOpportunity: 0.5,
  conversationToPresentation: 1 / 3,
  dialToConversation: 1 / 3,
};

/** ceil that ignores floating-point dust: 40 ÷ (1/3) is 120, not 121. */
function ceilCount(value: number): number {
  return Math.ceil(value - 1e-9 * Math.max(1, Math.abs(value)));
}

/** The ratio that turns the stage before `kind` into `kind` (closes come from revenue instead). */
const RATIO_INTO: Record<Exclude<Kind, 'close'>, keyof FunnelRatios> = {
  opportunity: 'closeRate',
  presentation: 'presentationToOpportunity',
  conversation: 'conversationToPresentation',
  dial: 'dialToConversation',
};

export function planFromRevenue(plan: PlanInput): MonthlyTargets {
  const targets = {} as Record<Kind, number>;
  const computed = {} as Record<Kind, number>;
  const overridden: Kind[] = [];
  // Walk the funnel backwards: close, opportunity, presentation, conversation, dial.
  let next: number | undefined;
  for (const kind of [...KINDS].reverse()) {
    const fromFunnel =
      kind === 'close' ? ceilCount(plan.revenueTarget / plan.averageDealSize) : ceilCount(next! / plan[RATIO_INTO[kind as Exclude<Kind, 'close'>]]);
    // The stage after this one is the number that applies to it (override included).
    const override = plan.overrides?.[kind];
    computed[kind] = fromFunnel;
    if (override !== undefined) overridden.push(kind);
    targets[kind] = override ?? fromFunnel;
    next = targets[kind];
  }
  return { targets, computed, overridden: KINDS.filter((k) => overridden.includes(k)) };
}
