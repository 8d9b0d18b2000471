// A rep's day, week and month against target, with pace and what they need today, in their
// own timezone and their team's calendar. Voided activity never counts.
import type { GoalPlan, Member, PrismaClient } from '../../generated/prisma/client.js';
import type { Kind, KindCounts } from '../../lib/kinds.js';
import { dayInterval, elapsedShareOfDay, localDate, monthOf, eachDay, weekOf, type Interval, type LocalDate } from '../../lib/time.js';
import { planFromRevenue } from '../goals/plan-from-revenue.js';
import { absenceOn, attendance, isWorkday, planOn, teamCalendar, type AbsenceSpan, type KindTargets, type PlanPeriod, type TargetContext } from '../goals/targets.js';
import { totalsIn } from './activity-totals.js';
import { needToday, periodProgress, type PeriodProgress } from './pace.js';

export type RepProgress = {
  today: LocalDate;
  isWorkday: boolean;
  /** 0 when away today, the ramp share when ramping, else 1. */
  attendanceToday: number;
  /** Why attendance differs today: time off (pto, sick) or a ramp; null on a normal day. */
  absenceToday: AbsenceSpan['kind'] | null;
  /** Monthly targets of the plan in force today, or null before any goal is set. */
  monthly: Record<Kind, number> | null;
  overridden: readonly Kind[];
  day: PeriodProgress;
  week: PeriodProgress;
  month: PeriodProgress;
  needToday: KindTargets;
};

export function planPeriod(plan: GoalPlan): PlanPeriod {
  const { targets, overridden } = planFromRevenue({ ...plan, overrides: (plan.overrides ?? undefined) as KindCounts | undefined });
  return { effectiveFrom: plan.effectiveFrom, monthly: targets, overridden };
}

/** Everything targets depend on for one rep: team calendar, plans, absences. */
export async function loadTargetContext(prisma: PrismaClient, member: Member): Promise<TargetContext & { timezone: string }> {
  const team = member.teamId ? await prisma.team.findUnique({ where: { id: member.teamId }, include: { holidays: true } }) : null;
  // Oldest first: of two plans taking effect the same day, planOn keeps the later one, so the one
  // saved last (a manager correcting today's plan) is the one in force.
  const byAge = [{ effectiveFrom: 'asc' as const }, { createdAt: 'asc' as const }, { id: 'asc' as const }];
  const [teamPlans, repPlans, absences] = await Promise.all([
    team ? prisma.goalPlan.findMany({ where: { teamId: team.id, memberId: null }, orderBy: byAge }) : [],
    prisma.goalPlan.findMany({ where: { memberId: member.id }, orderBy: byAge }),
    prisma.absence.findMany({ where: { memberId: member.id, cancelledAt: null } }),
  ]);
  return {
    timezone: member.timezone,
    calendar: teamCalendar(team),
    teamPlans: teamPlans.map(planPeriod),
    repPlans: repPlans.map(planPeriod),
    absences: absences.map((a) => ({ kind: a.kind, startDate: a.startDate, endDate: a.endDate, rampPercent: a.rampPercent })),
  };
}

const spanning = (days: readonly LocalDate[], zone: string): Interval => ({
  start: dayInterval(days[0]!, zone).start,
  end: dayInterval(days.at(-1)!, zone).end,
});

export type PeriodActuals = { day: KindCounts; week: KindCounts; month: KindCounts };

/** The rep's day, week and month, the calendar and actuals given (pure: what repProgress returns). */
export function composeProgress(ctx: TargetContext, zone: string, now: Date, actual: PeriodActuals): RepProgress {
  const today = localDate(now, zone);
  const week = weekOf(today);
  const { first, last } = monthOf(today);
  const share = elapsedShareOfDay(now, zone, ctx.calendar.workdayStart, ctx.calendar.workdayEnd);
  const plan = planOn(today, ctx);
  return {
    today,
    isWorkday: isWorkday(today, ctx.calendar),
    attendanceToday: attendance(today, ctx.absences),
    absenceToday: absenceOn(today, ctx.absences)?.kind ?? null,
    monthly: plan?.monthly ?? null,
    overridden: plan?.overridden ?? [],
    day: periodProgress([today], today, share, actual.day, ctx),
    week: periodProgress(week, today, share, actual.week, ctx),
    month: periodProgress(eachDay(first, last), today, share, actual.month, ctx),
    needToday: needToday(week, today, actual.week, ctx),
  };
}

export async function repProgress(prisma: PrismaClient, member: Member, now: Date): Promise<RepProgress> {
  const ctx = await loadTargetContext(prisma, member);
  const zone = member.timezone;
  const today = localDate(now, zone);
  const { first, last } = monthOf(today);
  const [day, week, month] = await Promise.all([
    totalsIn(prisma, member.id, dayInterval(today, zone)),
    totalsIn(prisma, member.id, spanning(weekOf(today), zone)),
    totalsIn(prisma, member.id, spanning(eachDay(first, last), zone)),
  ]);
  return composeProgress(ctx, zone, now, { day, week, month });
}
