// Targets by calendar: a month's target is spread evenly over the team's workdays in that month;
// a week or month target is the sum of its days' targets, each day taking its own month's rate
// and the plan in force that day. Absent days count zero; ramp days count their percentage.
// Pure: the caller loads plans, holidays and absences.
import { KINDS, type Kind } from '../../lib/kinds.js';
import { eachDay, isoWeekday, monthOf, type LocalDate } from '../../lib/time.js';

export type TeamCalendar = {
  workDays: readonly number[];
  holidays: ReadonlySet<LocalDate>;
  workdayStart: string;
  workdayEnd: string;
};

/** A plan's monthly targets from the day it takes effect. */
/** A team's calendar as stored (work week, hours, holiday rows). */
export type TeamCalendarSource = { workDays: number[]; workdayStart: string; workdayEnd: string; holidays: readonly { date: LocalDate }[] };

/** A stored team's calendar; without a team, the default Monday–Friday, 09:00–17:00. */
export function teamCalendar(team: TeamCalendarSource | null | undefined): TeamCalendar {
  return {
    workDays: team?.workDays ?? [1, 2, 3, 4, 5],
    holidays: new Set(team?.holidays.map((h) => h.date) ?? []),
    workdayStart: team?.workdayStart ?? '09:00',
    workdayEnd: team?.workdayEnd ?? '17:00',
  };
}

export type PlanPeriod = { effectiveFrom: LocalDate; monthly: Record<Kind, number>; overridden?: readonly Kind[] };

export type AbsenceSpan = { kind: 'pto' | 'sick' | 'ramp'; startDate: LocalDate; endDate: LocalDate; rampPercent: number | null };

export type TargetContext = {
  calendar: TeamCalendar;
  /** The team's plans. */
  teamPlans: readonly PlanPeriod[];
  /** The rep's own plans; in force, they win over the team's. */
  repPlans: readonly PlanPeriod[];
  absences: readonly AbsenceSpan[];
};

export type KindTargets = Record<Kind, number>;

export const zeroTargets = (): KindTargets => Object.fromEntries(KINDS.map((k) => [k, 0])) as KindTargets;

export function isWorkday(date: LocalDate, calendar: TeamCalendar): boolean {
  return calendar.workDays.includes(isoWeekday(date)) && !calendar.holidays.has(date);
}

/** The team's workdays in the month containing `date` (holidays excluded, absences not). */
export function workdaysInMonth(date: LocalDate, calendar: TeamCalendar): number {
  const { first, last } = monthOf(date);
  return eachDay(first, last).filter((d) => isWorkday(d, calendar)).length;
}

function latest(plans: readonly PlanPeriod[], date: LocalDate): PlanPeriod | undefined {
  let found: PlanPeriod | undefined;
  for (const plan of plans) if (plan.effectiveFrom <= date && (!found || plan.effectiveFrom >= found.effectiveFrom)) found = plan;
  return found;
}

/** The plan in force on `date`: the rep's own if they have one by then, else the team's. */
export function planOn(date: LocalDate, ctx: Pick<TargetContext, 'teamPlans' | 'repPlans'>): PlanPeriod | undefined {
  return latest(ctx.repPlans, date) ?? latest(ctx.teamPlans, date);
}

/** The share of a normal day's target the rep owes on `date`: 0 when away, the ramp share when ramping. */
export function attendance(date: LocalDate, absences: readonly AbsenceSpan[]): number {
  let share = 1;
  for (const a of absences) {
    if (date < a.startDate || date > a.endDate) continue;
    if (a.kind !== 'ramp') return 0;
    share = Math.min(share, Math.max(0, Math.min(100, a.rampPercent ?? 100)) / 100);
  }
  return share;
}

/** The absence that sets the rep's attendance on `date` (time off wins over a ramp), if any. */
export function absenceOn(date: LocalDate, absences: readonly AbsenceSpan[]): AbsenceSpan | undefined {
  const covering = absences.filter((a) => date >= a.startDate && date <= a.endDate);
  return covering.find((a) => a.kind !== 'ramp') ?? covering.find((a) => a.kind === 'ramp');
}

/** One day's target per kind (fractional: 360 dials over 21 workdays is 17.14 a day). */
export function dailyTargets(date: LocalDate, ctx: TargetContext): KindTargets {
  const plan = planOn(date, ctx);
  if (!plan || !isWorkday(date, ctx.calendar)) return zeroTargets();
  const share = attendance(date, ctx.absences);
  const workdays = workdaysInMonth(date, ctx.calendar);
  if (share === 0 || workdays === 0) return zeroTargets();
  return Object.fromEntries(KINDS.map((k) => [k, (plan.monthly[k] / workdays) * share])) as KindTargets;
}

/** The sum of the days' targets. */
export function targetsOver(days: readonly LocalDate[], ctx: TargetContext): KindTargets {
  const total = zeroTargets();
  for (const day of days) {
    const daily = dailyTargets(day, ctx);
    for (const k of KINDS) total[k] += daily[k];
  }
  return total;
}
