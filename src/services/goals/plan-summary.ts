// A plan's targets for the month it takes effect, split into weekly and daily ones by the team's
// calendar: daily = monthly ÷ the month's workdays, weekly = daily × the team's workdays per week. Pure.
import { KINDS, type Kind } from '../../lib/kinds.js';
import { monthOf, type LocalDate } from '../../lib/time.js';
import { planFromRevenue, type MonthlyTargets, type PlanInput } from './plan-from-revenue.js';
import { workdaysInMonth, type TeamCalendar } from './targets.js';

export type PlanSummary = {
  /** The month whose calendar splits the targets (the month `date` falls in). */
  month: { first: LocalDate; last: LocalDate };
  workdays: number;
  workdaysPerWeek: number;
  monthly: MonthlyTargets;
  /** Fractional, like the targets progress is measured against. */
  weekly: Record<Kind, number>;
  daily: Record<Kind, number>;
};

export function summarizePlan(plan: PlanInput, date: LocalDate, calendar: TeamCalendar): PlanSummary {
  const monthly = planFromRevenue(plan);
  const workdays = workdaysInMonth(date, calendar);
  const workdaysPerWeek = new Set(calendar.workDays).size;
  const daily = Object.fromEntries(KINDS.map((k) => [k, workdays > 0 ? monthly.targets[k] / workdays : 0])) as Record<Kind, number>;
  const weekly = Object.fromEntries(KINDS.map((k) => [k, daily[k] * workdaysPerWeek])) as Record<Kind, number>;
  return { month: monthOf(date), workdays, workdaysPerWeek, monthly, weekly, daily };
}
