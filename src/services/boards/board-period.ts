// Board periods: today, this week, this month, last week (the full week before the current one),
// as calendar dates in the team's timezone, and the period of the same kind just before. Pure.
import { addDays, eachDay, monthOf, weekOf, type LocalDate } from '../../lib/time.js';

export const BOARD_PERIODS = ['today', 'week', 'month', 'last-week'] as const;
export type BoardPeriod = (typeof BOARD_PERIODS)[number];

export type BoardSpan = {
  /** Stable name of the period, e.g. `week:2026-11-30`, `month:2026-12`, `day:2026-12-04`. */
  key: string;
  days: LocalDate[];
};

/** The period's dates, given today's date in the team's timezone. */
export function boardSpan(period: BoardPeriod, today: LocalDate): BoardSpan {
  switch (period) {
    case 'today':
      return { key: `day:${today}`, days: [today] };
    case 'week':
    case 'last-week': {
      const days = weekOf(period === 'week' ? today : addDays(today, -7));
      return { key: `week:${days[0]!}`, days };
    }
    case 'month': {
      const { first, last } = monthOf(today);
      return { key: `month:${first.slice(0, 7)}`, days: eachDay(first, last) };
    }
  }
}

/** The period of the same kind just before: yesterday, the week before, last month. */
export function previousSpan(period: BoardPeriod, today: LocalDate): BoardSpan {
  switch (period) {
    case 'today':
      return boardSpan('today', addDays(today, -1));
    case 'week':
    case 'last-week':
      return boardSpan(period, addDays(today, -7));
    case 'month':
      return boardSpan('month', addDays(monthOf(today).first, -1));
  }
}

