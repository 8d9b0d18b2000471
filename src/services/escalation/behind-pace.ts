// "Catch problems early": which of the escalated kinds a rep is behind on this week, measured as
// week-to-date actual ÷ what was due by now. Pure.
import type { Kind } from '../../lib/kinds.js';
import type { RepProgress } from '../progress/rep-progress.js';

export type BehindKind = { kind: Kind; actual: number; due: number; pace: number; needToday: number };

/** Kinds under `threshold` of pace (0.7 = 70%); none while nothing is due yet or the rep is off today. */
export function behindPace(progress: RepProgress, kinds: readonly Kind[], threshold: number): BehindKind[] {
  if (!progress.isWorkday || progress.attendanceToday === 0) return [];
  return kinds.flatMap((kind) => {
    const week = progress.week[kind];
    if (week.pace === null || week.pace >= threshold) return [];
    return [{ kind, actual: week.actual, due: week.due, pace: week.pace, needToday: progress.needToday[kind] }];
  });
}
