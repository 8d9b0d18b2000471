// A rep's progress as plain JSON for operators and scripts (`dialbot targets`): every fractional
// number rounded to 2 decimals, pace null while nothing is due.
import { KINDS, type Kind } from '../../lib/kinds.js';
import { roundHalfUp } from '../../lib/numbers.js';
import type { KindProgress, PeriodProgress } from './pace.js';
import type { RepProgress } from './rep-progress.js';

export type KindProgressJson = { target: number; due: number; actual: number; pace: number | null };

export type ProgressJson = {
  today: string;
  timezone: string;
  isWorkday: boolean;
  attendanceToday: number;
  absenceToday: RepProgress['absenceToday'];
  monthly: Record<Kind, number> | null;
  overridden: Kind[];
  day: Record<Kind, KindProgressJson>;
  week: Record<Kind, KindProgressJson>;
  month: Record<Kind, KindProgressJson>;
  needToday: Record<Kind, number>;
};

const r2 = (value: number) => roundHalfUp(value, 2);

function kindJson(p: KindProgress): KindProgressJson {
  return { target: r2(p.target), due: r2(p.due), actual: p.actual, pace: p.pace === null ? null : r2(p.pace) };
}

const perKind = <T>(fn: (kind: Kind) => T) => Object.fromEntries(KINDS.map((k) => [k, fn(k)])) as Record<Kind, T>;
const periodJson = (period: PeriodProgress) => perKind((k) => kindJson(period[k]));

export function progressJson(progress: RepProgress, timezone: string): ProgressJson {
  return {
    today: progress.today,
    timezone,
    isWorkday: progress.isWorkday,
    attendanceToday: r2(progress.attendanceToday),
    absenceToday: progress.absenceToday,
    monthly: progress.monthly ? perKind((k) => r2(progress.monthly![k])) : null,
    overridden: [...progress.overridden],
    day: periodJson(progress.day),
    week: periodJson(progress.week),
    month: periodJson(progress.month),
    needToday: perKind((k) => progress.needToday[k]),
  };
}
