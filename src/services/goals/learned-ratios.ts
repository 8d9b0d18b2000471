// What the team's own log says about its funnel: stage ratios observed over the last 8 weeks of
// non-voided activity, and how a plan's assumptions compare with them (feasibility).
import type { PrismaClient } from '../../generated/prisma/client.js';
import { KINDS, type Kind } from '../../lib/kinds.js';
import { trailingWeeks, type Interval } from '../../lib/time.js';
import { planFromRevenue, type FunnelRatios, type MonthlyTargets, type PlanInput } from './plan-from-revenue.js';

export type RatioKey = keyof FunnelRatios;

/** The four stages, in the order the plan asks for them (worked backwards from closes). */
export const STAGES: ReadonlyArray<{ key: RatioKey; from: Kind; to: Kind }> = [
  { key: 'closeRate', from: 'opportunity', to: 'close' },
  { key: 'presentationToOpportunity', from: 'presentation', to: 'opportunity' },
  { key: 'conversationToPresentation', from: 'conversation', to: 'presentation' },
  { key: 'dialToConversation', from: 'dial', to: 'conversation' },
];

export const LEARNING_WEEKS = 8;
/** Fewer dials than this in the window and the observed ratios are noise. */
export const MIN_DIALS_FOR_LEARNING = 200;
/** A plan ratio more than this many times the observed one is flagged as optimistic. */
export const OPTIMISM_FACTOR = 1.5;

/** Observed ratio per stage: next stage ÷ this stage; null when this stage has nothing logged. */
export type ObservedRatios = Record<RatioKey, number | null>;

export type LearnedRatios =
  | { enough: false; dials: number; needed: number; window: Interval }
  | { enough: true; dials: number; counts: Record<Kind, number>; ratios: ObservedRatios; window: Interval };

/** Pure: the ratios a funnel's counts show. */
export function observedRatios(counts: Record<Kind, number>): ObservedRatios {
  return Object.fromEntries(STAGES.map((s) => [s.key, counts[s.from] > 0 ? counts[s.to] / counts[s.from] : null])) as ObservedRatios;
}

/** The team's observed ratios over the last 8 weeks, or how many dials it has so far when too few. */
export async function learnedRatios(prisma: PrismaClient, input: { teamId: string; now: Date }): Promise<LearnedRatios> {
  const window = trailingWeeks(input.now, LEARNING_WEEKS);
  const groups = await prisma.activity.groupBy({
    by: ['kind'],
    where: { member: { teamId: input.teamId }, voidedAt: null, occurredAt: { gte: window.start, lte: window.end } },
    _sum: { count: true },
  });
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  for (const g of groups) counts[g.kind] = g._sum.count ?? 0;
  if (counts.dial < MIN_DIALS_FOR_LEARNING) return { enough: false, dials: counts.dial, needed: MIN_DIALS_FOR_LEARNING, window };
  return { enough: true, dials: counts.dial, counts, ratios: observedRatios(counts), window };
}

export type StageCheck = {
  key: RatioKey;
  plan: number;
  observed: number | null;
  /** The plan assumes more than OPTIMISM_FACTOR × the observed ratio. */
  optimistic: boolean;
};

export type Feasibility = {
  stages: StageCheck[];
  /**
   * The funnel recomputed with the observed ratio wherever the plan's is optimistic (and some
   * conversion was observed); null when no stage is optimistic.
   */
  realistic: MonthlyTargets | null;
};

/** Pure: compares a plan's ratios with the observed ones. */
export function checkFeasibility(plan: PlanInput, observed: ObservedRatios): Feasibility {
  const stages = STAGES.map(({ key }) => {
    const seen = observed[key];
    return { key, plan: plan[key], observed: seen, optimistic: seen !== null && plan[key] > OPTIMISM_FACTOR * seen };
  });
  if (!stages.some((s) => s.optimistic)) return { stages, realistic: null };
  const ratios = { ...plan };
  for (const s of stages) if (s.optimistic && s.observed! > 0) ratios[s.key] = Math.min(1, s.observed!);
  return { stages, realistic: planFromRevenue(ratios) };
}
