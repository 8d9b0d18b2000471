// A team's board for a period: every rep's actuals against their own prorated targets, ranked by
// share of target (see board-ranking.ts for the score), with movement against the previous period
// of the same kind and, on week boards, streaks of weeks on target. Called by `/dial board` and by
// the weekly board job with (prisma, teamId, period, now); returns plain data.
//
// Dates: the period's calendar dates are the team's (Team.timezone, else the configured default);
// each rep's targets and actuals cover those dates in the rep's own timezone. Voided activity never
// counts. Actuals are one groupBy per period over all the team's reps.
import type { Member, PrismaClient } from '../../generated/prisma/client.js';
import type { Kind, KindCounts } from '../../lib/kinds.js';
import { addDays, dayInterval, localDate, weekOf, type LocalDate } from '../../lib/time.js';
import { absenceOn, isWorkday, planOn, targetsOver, teamCalendar, type KindTargets, type TargetContext } from '../goals/targets.js';
import { planPeriod } from '../progress/rep-progress.js';
import { boardSpan, previousSpan, type BoardPeriod } from './board-period.js';
import { hasTarget, hitTarget, movementOf, percentOf, rankByScore, scoreOf, streakOf, weekRecord, type Movement, type WeekRecord } from './board-ranking.js';

/** How far back a streak is followed. */
export const STREAK_LOOKBACK_WEEKS = 26;

export type BoardRep = { memberId: string; slackUserId: string; name: string };

export type BoardRow = BoardRep & {
  rank: number;
  /** See board-ranking.ts: mean over tracked kinds of min(actual ÷ target, 3). */
  score: number;
  /** The score as a whole percent, rounded down. */
  percent: number;
  actual: Record<Kind, number>;
  /** Prorated targets for the period (fractional; people see them rounded). */
  target: Record<Kind, number>;
  hitTarget: boolean;
  movement: Movement;
  /** Weeks on target in a row ending with this week (week boards only), else null. */
  streak: number | null;
};

/** Why a rep has no target this period: time off, no goal in force, or no workdays in it. */
export type NoTargetReason = 'pto' | 'sick' | 'no_goal' | 'no_workdays';

export type NoTargetRep = BoardRep & { actual: Record<Kind, number>; reason: NoTargetReason };

export { BOARD_PERIODS, type BoardPeriod } from './board-period.js';

export type TeamBoard = {
  teamId: string;
  teamName: string;
  period: BoardPeriod;
  key: string;
  timezone: string;
  /** Today in the team's timezone. */
  today: LocalDate;
  from: LocalDate;
  to: LocalDate;
  /** Whether the period is over (last week), or still running. */
  complete: boolean;
  trackedKinds: Kind[];
  /** Board order: rank, then name. */
  rows: BoardRow[];
  noTarget: NoTargetRep[];
};

/** A rep with what their targets depend on. */
export type Rep = BoardRep & { timezone: string; ctx: TargetContext };

const byAge = [{ effectiveFrom: 'asc' as const }, { createdAt: 'asc' as const }, { id: 'asc' as const }];

/**
 * The team's measured reps: its members except its named managers and workspace admins who have
 * never logged anything (admins manage every team; one who logs is measured like anyone).
 */
export async function loadReps(prisma: PrismaClient, teamId: string, managerIds: ReadonlySet<string>): Promise<Member[]> {
  const members = (await prisma.member.findMany({ where: { teamId, role: 'rep' } })).filter((m) => !managerIds.has(m.id));
  const adminIds = members.filter((m) => m.isWorkspaceAdmin).map((m) => m.id);
  if (adminIds.length === 0) return members;
  const logged = await prisma.activity.groupBy({ by: ['memberId'], where: { memberId: { in: adminIds }, voidedAt: null } });
  const loggers = new Set(logged.map((g) => g.memberId));
  return members.filter((m) => !m.isWorkspaceAdmin || loggers.has(m.id));
}

/** Every rep's target context, as loadTargetContext builds it, in three queries for the team. */
export async function loadContexts(
  prisma: PrismaClient,
  team: { id: string; workDays: number[]; workdayStart: string; workdayEnd: string; holidays: { date: string }[] },
  members: readonly Member[],
): Promise<Rep[]> {
  const ids = members.map((m) => m.id);
  const [teamPlans, repPlans, absences] = await Promise.all([
    prisma.goalPlan.findMany({ where: { teamId: team.id, memberId: null }, orderBy: byAge }),
    prisma.goalPlan.findMany({ where: { memberId: { in: ids } }, orderBy: byAge }),
    prisma.absence.findMany({ where: { memberId: { in: ids }, cancelledAt: null } }),
  ]);
  const calendar = teamCalendar(team);
  const teamPeriods = teamPlans.map(planPeriod);
  return members.map((m) => ({
    memberId: m.id,
    slackUserId: m.slackUserId,
    name: m.displayName,
    timezone: m.timezone,
    ctx: {
      calendar,
      teamPlans: teamPeriods,
      repPlans: repPlans.filter((p) => p.memberId === m.id).map(planPeriod),
      absences: absences
        .filter((a) => a.memberId === m.id)
        .map((a) => ({ kind: a.kind, startDate: a.startDate, endDate: a.endDate, rampPercent: a.rampPercent })),
    },
  }));
}

/** Each rep's non-voided counts of `kinds` over `days` in their own timezone: one query. */
export async function actualsOver(prisma: PrismaClient, reps: readonly Rep[], days: readonly LocalDate[], kinds: readonly Kind[]): Promise<Map<string, KindCounts>> {
  const result = new Map<string, KindCounts>();
  if (reps.length === 0 || days.length === 0) return result;
  const byZone = new Map<string, string[]>();
  for (const rep of reps) byZone.set(rep.timezone, [...(byZone.get(rep.timezone) ?? []), rep.memberId]);
  const groups = await prisma.activity.groupBy({
    by: ['memberId', 'kind'],
    where: {
      voidedAt: null,
      kind: { in: [...kinds] },
      OR: [...byZone].map(([zone, memberIds]) => ({
        memberId: { in: memberIds },
        occurredAt: { gte: dayInterval(days[0]!, zone).start, lt: dayInterval(days.at(-1)!, zone).end },
      })),
    },
    _sum: { count: true },
  });
  for (const g of groups) {
    const counts = result.get(g.memberId) ?? {};
    counts[g.kind] = (counts[g.kind] ?? 0) + (g._sum.count ?? 0);
    result.set(g.memberId, counts);
  }
  return result;
}

const pick = (values: Partial<Record<Kind, number>> | undefined, kinds: readonly Kind[]) =>
  Object.fromEntries(kinds.map((k) => [k, values?.[k] ?? 0])) as Record<Kind, number>;

function noTargetReason(days: readonly LocalDate[], ctx: TargetContext): NoTargetReason {
  if (!days.some((d) => planOn(d, ctx))) return 'no_goal';
  const workdays = days.filter((d) => isWorkday(d, ctx.calendar));
  if (workdays.length === 0) return 'no_workdays';
  const away = workdays.map((d) => absenceOn(d, ctx.absences)).find((a) => a && a.kind !== 'ramp');
  return away?.kind === 'sick' ? 'sick' : away?.kind === 'pto' ? 'pto' : 'no_goal';
}

type Evaluated = { rep: Rep; actual: KindCounts; target: KindTargets };

function evaluate(reps: readonly Rep[], days: readonly LocalDate[], actuals: Map<string, KindCounts>): Evaluated[] {
  return reps.map((rep) => ({ rep, actual: actuals.get(rep.memberId) ?? {}, target: targetsOver(days, rep.ctx) }));
}

function rankEvaluated(evaluated: readonly Evaluated[], kinds: readonly Kind[]) {
  const scored = evaluated.flatMap((e) => {
    const score = scoreOf(e.actual, e.target, kinds);
    return score === null ? [] : [{ id: e.rep.memberId, name: e.rep.name, score, e }];
  });
  return rankByScore(scored);
}

/** Weeks whose actuals are read together (in parallel) while streaks are followed back. */
const STREAK_BATCH_WEEKS = 6;

/**
 * Streaks for week boards: weeks newest first from the board's week, at most 26, one actuals query
 * per week and only while some rep's streak is still alive; the queries go out a few weeks at a
 * time, in parallel, so a long streak costs a few round trips rather than one per week. A week
 * still running counts once its target is met and is skipped (not a miss) until then.
 */
async function streaks(
  prisma: PrismaClient,
  reps: readonly Rep[],
  kinds: readonly Kind[],
  weeks: Array<{ days: LocalDate[]; actuals?: Map<string, KindCounts>; running: boolean }>,
): Promise<Map<string, number>> {
  const records = new Map<string, WeekRecord[]>(reps.map((r) => [r.memberId, []]));
  let alive = [...reps];
  for (let from = 0; from < weeks.length && alive.length > 0; from += STREAK_BATCH_WEEKS) {
    const batch = weeks.slice(from, from + STREAK_BATCH_WEEKS);
    const readFor = alive;
    const actualsByWeek = await Promise.all(batch.map((week) => week.actuals ?? actualsOver(prisma, readFor, week.days, kinds)));
    batch.forEach((week, i) => {
      for (const rep of alive) {
        let record = weekRecord(actualsByWeek[i]!.get(rep.memberId) ?? {}, targetsOver(week.days, rep.ctx), kinds);
        if (week.running && record === 'miss') record = 'no_target';
        records.get(rep.memberId)!.push(record);
      }
      alive = alive.filter((rep) => records.get(rep.memberId)!.at(-1) !== 'miss');
    });
  }
  return new Map([...records].map(([id, weekRecords]) => [id, streakOf(weekRecords)]));
}

export type RankTeamOptions = {
  /** The timezone for a team without one (the configured DEFAULT_TIMEZONE). */
  defaultTimezone?: string;
  /** Follow streaks back for this member only (App Home); the others' streaks are then 0. */
  streakFor?: string;
};

export async function rankTeam(prisma: PrismaClient, teamId: string, period: BoardPeriod, now: Date, options: RankTeamOptions = {}): Promise<TeamBoard> {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId }, include: { holidays: true, managers: true } });
  const timezone = team.timezone ?? options.defaultTimezone ?? 'UTC';
  const kinds = [...team.trackedKinds];
  const today = localDate(now, timezone);
  const span = boardSpan(period, today);
  const before = previousSpan(period, today);

  const members = await loadReps(prisma, team.id, new Set(team.managers.map((m) => m.memberId)));
  const reps = await loadContexts(prisma, team, members);
  const [actualNow, actualBefore] = await Promise.all([actualsOver(prisma, reps, span.days, kinds), actualsOver(prisma, reps, before.days, kinds)]);

  const evaluated = evaluate(reps, span.days, actualNow);
  const ranked = rankEvaluated(evaluated, kinds);
  const rankBefore = new Map(rankEvaluated(evaluate(reps, before.days, actualBefore), kinds).map((r) => [r.id, r.rank]));

  const isWeek = period === 'week' || period === 'last-week';
  let streakBy = new Map<string, number>();
  if (isWeek) {
    const rankedReps = ranked.map((r) => r.e.rep).filter((rep) => options.streakFor === undefined || rep.memberId === options.streakFor);
    const weeks: Array<{ days: LocalDate[]; actuals?: Map<string, KindCounts>; running: boolean }> = [
      { days: span.days, actuals: actualNow, running: period === 'week' },
      { days: before.days, actuals: actualBefore, running: false },
    ];
    for (let i = 2; i < STREAK_LOOKBACK_WEEKS; i++) weeks.push({ days: weekOf(addDays(span.days[0]!, -7 * i)), running: false });
    streakBy = await streaks(prisma, rankedReps, kinds, weeks);
  }

  const rows: BoardRow[] = ranked.map((r) => ({
    memberId: r.e.rep.memberId,
    slackUserId: r.e.rep.slackUserId,
    name: r.e.rep.name,
    rank: r.rank,
    score: r.score,
    percent: percentOf(r.score),
    actual: pick(r.e.actual, kinds),
    target: pick(r.e.target, kinds),
    hitTarget: hitTarget(r.e.actual, r.e.target, kinds),
    movement: movementOf(r.rank, rankBefore.get(r.id)),
    streak: isWeek ? (streakBy.get(r.id) ?? 0) : null,
  }));
  const noTarget: NoTargetRep[] = evaluated
    .filter((e) => !hasTarget(e.target, kinds))
    .map((e) => ({
      memberId: e.rep.memberId,
      slackUserId: e.rep.slackUserId,
      name: e.rep.name,
      actual: pick(e.actual, kinds),
      reason: noTargetReason(span.days, e.rep.ctx),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    teamId: team.id,
    teamName: team.name,
    period,
    key: span.key,
    timezone,
    today,
    from: span.days[0]!,
    to: span.days.at(-1)!,
    complete: span.days.at(-1)! < today,
    trackedKinds: kinds,
    rows,
    noTarget,
  };
}
