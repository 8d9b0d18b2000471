// How an absence change moves a rep's targets: the month and week a reply shows, and their
// targets per kind before and after. Pure: the caller loads the target contexts.
import { KINDS, type Kind } from '../../lib/kinds.js';
import { eachDay, monthOf, weekOf, type LocalDate } from '../../lib/time.js';
import { isWorkday, targetsOver, type KindTargets, type TargetContext, type TeamCalendar } from '../goals/targets.js';
import { overlaps, type DateRange } from './absence-rules.js';

export type TargetWindow = {
  period: 'month' | 'week';
  /** True when it is the rep's current month or week. */
  current: boolean;
  first: LocalDate;
  days: LocalDate[];
};

export type WindowChange = { window: TargetWindow; before: KindTargets; after: KindTargets };

export type TargetChange = {
  month: WindowChange;
  week: WindowChange;
  /** Kinds with a target in either window, before or after (the kinds a goal covers). */
  kinds: Kind[];
};

const span = (days: readonly LocalDate[]): DateRange => ({ startDate: days[0]!, endDate: days.at(-1)! });

/**
 * The month and week to report for a change over `range`: the current ones when the range reaches
 * into them, otherwise the month and the week the range starts in.
 */
export function reportWindows(range: DateRange, today: LocalDate): { month: TargetWindow; week: TargetWindow } {
  const thisMonth = monthOf(today);
  const monthCurrent = overlaps(range, { startDate: thisMonth.first, endDate: thisMonth.last });
  const month = monthCurrent ? thisMonth : monthOf(range.startDate);
  const thisWeek = weekOf(today);
  const weekCurrent = overlaps(range, span(thisWeek));
  const week = weekCurrent ? thisWeek : weekOf(range.startDate);
  return {
    month: { period: 'month', current: monthCurrent, first: month.first, days: eachDay(month.first, month.last) },
    week: { period: 'week', current: weekCurrent, first: week[0]!, days: week },
  };
}

export function targetChange(range: DateRange, today: LocalDate, before: TargetContext, after: TargetContext): TargetChange {
  const windows = reportWindows(range, today);
  const change = (window: TargetWindow): WindowChange => ({ window, before: targetsOver(window.days, before), after: targetsOver(window.days, after) });
  const month = change(windows.month);
  const week = change(windows.week);
  const kinds = KINDS.filter((k) => [month, week].some((w) => w.before[k] > 1e-9 || w.after[k] > 1e-9));
  return { month, week, kinds };
}

/** The team's workdays among the days of `ranges` (weekends and holidays don't count). */
export function workdaysIn(ranges: readonly DateRange[], calendar: TeamCalendar): number {
  return ranges.reduce((sum, r) => sum + eachDay(r.startDate, r.endDate).filter((d) => isWorkday(d, calendar)).length, 0);
}
