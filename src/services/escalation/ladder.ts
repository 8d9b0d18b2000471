// The escalation ladder (the seed's third rule), as pure functions. A week's verdict compares the
// week's actuals with its prorated targets on the team's escalated kinds: below the threshold on
// any of them is a miss; a week with no target at all (full PTO, no goal) pauses the ladder, and
// so does a week a manager excused. A miss climbs one level (at most 3); a hit resets to 0.
import type { Kind, KindCounts } from '../../lib/kinds.js';
import type { LocalDate } from '../../lib/time.js';
import type { KindTargets } from '../goals/targets.js';

export type EscalationLevel = 0 | 1 | 2 | 3;

export const TOP_LEVEL: EscalationLevel = 3;

export type WeekVerdict = 'hit' | 'miss' | 'paused' | 'excused';

/** How one escalated kind went in a week. */
export type KindResult = { kind: Kind; actual: number; target: number; share: number; missed: boolean };

export type WeekEvaluation = { verdict: Exclude<WeekVerdict, 'excused'>; kinds: KindResult[] };

/** Targets below this count as none (fractions of a dial left by prorating). */
const NO_TARGET = 1e-9;

/**
 * The verdict on one week: `threshold` is the share of target that counts as a hit (1 = 100%).
 * Kinds with no target that week are left out; if none has a target, the week is paused.
 */
export function evaluateWeek(actual: KindCounts, target: Partial<KindTargets>, kinds: readonly Kind[], threshold: number): WeekEvaluation {
  const results = kinds
    .filter((kind) => (target[kind] ?? 0) > NO_TARGET)
    .map((kind) => {
      const done = actual[kind] ?? 0;
      const goal = target[kind]!;
      const share = done / goal;
      // A whole-number target met exactly is a hit, whatever floating point makes of the division.
      return { kind, actual: done, target: goal, share, missed: share < threshold - NO_TARGET };
    });
  if (results.length === 0) return { verdict: 'paused', kinds: [] };
  return { verdict: results.some((r) => r.missed) ? 'miss' : 'hit', kinds: results };
}

export type LadderWeek = { week: LocalDate; verdict: WeekVerdict };

export type LadderStep = LadderWeek & { level: EscalationLevel; change: 'up' | 'reset' | 'none' };

/** Walks the weeks oldest first from level 0: the level after each, and what changed. */
export function climbLadder(weeks: readonly LadderWeek[]): LadderStep[] {
  let level: EscalationLevel = 0;
  return weeks.map((w) => {
    const before = level;
    if (w.verdict === 'miss') level = Math.min(TOP_LEVEL, level + 1) as EscalationLevel;
    if (w.verdict === 'hit') level = 0;
    const change = level > before ? 'up' : level < before ? 'reset' : 'none';
    return { ...w, level, change };
  });
}

/** The level after all of `weeks` (0 when there are none). */
export function levelAfter(weeks: readonly LadderWeek[]): EscalationLevel {
  return climbLadder(weeks).at(-1)?.level ?? 0;
}

/** The consecutive misses behind the current level, newest last (skipping paused and excused weeks). */
export function weeksBehindLevel(weeks: readonly LadderWeek[]): LadderWeek[] {
  const steps = climbLadder(weeks);
  const lastReset = steps.findLastIndex((s) => s.verdict === 'hit');
  return steps.slice(lastReset + 1).filter((s) => s.verdict === 'miss');
}
