// How a team board ranks reps. Pure: counts and targets in, ranks, movement and streaks out.
//
// Score: the mean, over the team's tracked kinds that have a target, of actual ÷ target, each
// capped at 3 (300%). Ranking by share of each rep's own target is fair to part-timers, ramping
// reps and reps back from PTO (their targets are already prorated); the cap stops one huge day of
// dials from hiding a missed conversation target. A target is taken as people see it (rounded
// half up) when that is at least 1, else as it is (e.g. 0.4 closes): 80 of "80" is 100%.
import type { Kind, KindCounts } from '../../lib/kinds.js';
import { roundHalfUp } from '../../lib/numbers.js';
import type { KindTargets } from '../goals/targets.js';

export const SCORE_CAP = 3;
const EPSILON = 1e-9;

/** The target a rep is measured against for one kind (see above). */
export function shownTarget(target: number): number {
  const rounded = roundHalfUp(target);
  return rounded >= 1 ? rounded : target;
}

/** Whether the rep owes anything at all for these kinds in the period. */
export function hasTarget(target: Partial<KindTargets>, kinds: readonly Kind[]): boolean {
  return kinds.some((k) => (target[k] ?? 0) > EPSILON);
}

/** Mean over kinds with a target of min(actual ÷ target, 3); null when no kind has a target. */
export function scoreOf(actual: KindCounts, target: Partial<KindTargets>, kinds: readonly Kind[]): number | null {
  const ratios = kinds
    .filter((k) => (target[k] ?? 0) > EPSILON)
    .map((k) => Math.min((actual[k] ?? 0) / shownTarget(target[k]!), SCORE_CAP));
  return ratios.length === 0 ? null : ratios.reduce((a, b) => a + b, 0) / ratios.length;
}

/** On target: every tracked kind with a target reached (and at least one had one). */
export function hitTarget(actual: KindCounts, target: Partial<KindTargets>, kinds: readonly Kind[]): boolean {
  const owed = kinds.filter((k) => (target[k] ?? 0) > EPSILON);
  return owed.length > 0 && owed.every((k) => (actual[k] ?? 0) + EPSILON >= shownTarget(target[k]!));
}

/** Whole percent, rounded down, so 100% means the target is met. */
export const percentOf = (score: number): number => Math.floor(score * 100 + EPSILON);

export type Scored = { id: string; name: string; score: number };

/**
 * Best score first; equal scores share a rank (1, 2, 2, 4) and are listed by name. Returns the
 * entries in board order with their rank.
 */
export function rankByScore<T extends Scored>(entries: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...entries].sort((a, b) => (Math.abs(a.score - b.score) > EPSILON ? b.score - a.score : a.name.localeCompare(b.name) || a.id.localeCompare(b.id)));
  const ranked: Array<T & { rank: number }> = [];
  sorted.forEach((entry, index) => {
    const prev = ranked[index - 1];
    const rank = prev && Math.abs(prev.score - entry.score) <= EPSILON ? prev.rank : index + 1;
    ranked.push({ ...entry, rank });
  });
  return ranked;
}

/** Rank then versus now: up 2, down 1, same, or new (not ranked in the previous period). */
export type Movement = { type: 'up'; by: number } | { type: 'down'; by: number } | { type: 'same' } | { type: 'new' };

export function movementOf(rankNow: number, rankBefore: number | undefined): Movement {
  if (rankBefore === undefined) return { type: 'new' };
  if (rankBefore > rankNow) return { type: 'up', by: rankBefore - rankNow };
  if (rankBefore < rankNow) return { type: 'down', by: rankNow - rankBefore };
  return { type: 'same' };
}

/** One week of a rep's record, newest first when passed to streakOf. */
export type WeekRecord = 'hit' | 'miss' | 'no_target';

/**
 * Consecutive weeks on target, newest first: a week without a target (a full week away) is
 * skipped, neither counting nor breaking the streak; the first miss ends it.
 */
export function streakOf(weeksNewestFirst: readonly WeekRecord[]): number {
  let streak = 0;
  for (const week of weeksNewestFirst) {
    if (week === 'no_target') continue;
    if (week === 'miss') break;
    streak++;
  }
  return streak;
}

export function weekRecord(actual: KindCounts, target: Partial<KindTargets>, kinds: readonly Kind[]): WeekRecord {
  if (!hasTarget(target, kinds)) return 'no_target';
  return hitTarget(actual, target, kinds) ? 'hit' : 'miss';
}
