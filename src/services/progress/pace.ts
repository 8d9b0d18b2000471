// Pace: how a rep stands against the part of a target that was due by now. Pure.
import { KINDS, type Kind, type KindCounts } from '../../lib/kinds.js';
import type { LocalDate } from '../../lib/time.js';
import { dailyTargets, type KindTargets, type TargetContext, zeroTargets } from '../goals/targets.js';

export type KindProgress = {
  target: number;
  /** Targets of finished days plus the elapsed share of today's. */
  due: number;
  actual: number;
  /** actual ÷ due; null while nothing is due yet. */
  pace: number | null;
};

export type PeriodProgress = Record<Kind, KindProgress>;

/**
 * Progress over `days` (a day, a week or a month) at a moment on `today`, `todayShare` of the
 * way through today's working hours.
 */
export function periodProgress(days: readonly LocalDate[], today: LocalDate, todayShare: number, actual: KindCounts, ctx: TargetContext): PeriodProgress {
  const target = zeroTargets();
  const due = zeroTargets();
  for (const day of days) {
    const daily = dailyTargets(day, ctx);
    const weight = day < today ? 1 : day === today ? todayShare : 0;
    for (const k of KINDS) {
      target[k] += daily[k];
      due[k] += daily[k] * weight;
    }
  }
  return Object.fromEntries(
    KINDS.map((k) => {
      const done = actual[k] ?? 0;
      return [k, { target: target[k], due: due[k], actual: done, pace: due[k] > 1e-9 ? done / due[k] : null }];
    }),
  ) as PeriodProgress;
}

/**
 * What the rep must still do today to be back on track for the week: the week's targets up to
 * and including today, less what they have done this week. Whole activities, never negative.
 */
export function needToday(weekDays: readonly LocalDate[], today: LocalDate, weekActual: KindCounts, ctx: TargetContext): KindTargets {
  const need = zeroTargets();
  for (const day of weekDays) {
    if (day > today) continue;
    const daily = dailyTargets(day, ctx);
    for (const k of KINDS) need[k] += daily[k];
  }
  for (const k of KINDS) need[k] = Math.max(0, Math.ceil(need[k] - (weekActual[k] ?? 0) - 1e-9));
  return need;
}

/** How close to what was due counts as on pace: within 10% either side. */
export const PACE_TOLERANCE = 0.1;

export type PaceStatus = 'ahead' | 'on_pace' | 'behind';

/**
 * Where a rep stands on one kind: ahead of, on or behind what was due by now. Null while nothing
 * is due and nothing is done (before the first working hour of a period, or no target at all).
 */
export function paceStatus(progress: Pick<KindProgress, 'due' | 'actual'>): PaceStatus | null {
  if (progress.due <= 1e-9) return progress.actual > 0 ? 'ahead' : null;
  const pace = progress.actual / progress.due;
  if (pace < 1 - PACE_TOLERANCE - 1e-9) return 'behind';
  if (pace > 1 + PACE_TOLERANCE + 1e-9) return 'ahead';
  return 'on_pace';
}
