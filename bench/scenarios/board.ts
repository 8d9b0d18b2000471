// Weekly leaderboard (`/dial board`: rankTeam) and a manager's App Home (homeDashboard) for one
// team of the generated data, against one hand-written SQL query each that computes the same
// per-rep totals. Both run in this process on the same database; plans are printed.
import type pg from 'pg';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { rankTeam } from '../../src/services/boards/rank-team.js';
import { homeDashboard } from '../../src/services/progress/home-dashboard.js';
import { benchId, WORKSPACE_ID } from '../lib/generate.js';
import type { Figure, ScenarioResult } from '../lib/report.js';
import { medianOf } from '../lib/stats.js';

// The UTC instant of a local midnight, as the naive UTC timestamps Prisma stores.
const utc = (localMidnight: string, zone: string) => `((${localMidnight})::timestamp AT TIME ZONE ${zone}) AT TIME ZONE 'UTC'`;

/** This week's and last week's totals per rep and tracked kind, the team's week in each rep's zone. */
const BOARD_SQL = `
WITH team AS (SELECT id, "trackedKinds", date_trunc('week', $2::timestamptz AT TIME ZONE coalesce(timezone, 'UTC'))::date AS monday FROM "Team" WHERE id = $1),
reps AS (
  SELECT m.id, m.timezone, team.monday FROM "Member" m JOIN team ON m."teamId" = team.id
  WHERE m.role = 'rep' AND NOT EXISTS (SELECT 1 FROM "TeamManager" tm WHERE tm."teamId" = team.id AND tm."memberId" = m.id)
)
SELECT reps.id AS "memberId", a.kind::text AS kind,
       coalesce(sum(a.count) FILTER (WHERE a."occurredAt" >= ${utc('reps.monday', 'reps.timezone')}), 0)::int AS "thisWeek",
       coalesce(sum(a.count) FILTER (WHERE a."occurredAt" < ${utc('reps.monday', 'reps.timezone')}), 0)::int AS "lastWeek"
FROM reps JOIN "Activity" a ON a."memberId" = reps.id
WHERE a."voidedAt" IS NULL AND a.kind = ANY ((SELECT "trackedKinds" FROM team)::"ActivityKind"[])
  AND a."occurredAt" >= ${utc('reps.monday - 7', 'reps.timezone')} AND a."occurredAt" < ${utc('reps.monday + 7', 'reps.timezone')}
GROUP BY reps.id, a.kind
ORDER BY "thisWeek" DESC, reps.id`;

/** Today's, this week's and this month's totals per rep and kind, each in the rep's own zone. */
const HOME_SQL = `
WITH reps AS (
  SELECT m.id, m.timezone, ($2::timestamptz AT TIME ZONE m.timezone) AS local FROM "Member" m
  WHERE m."teamId" = $1 AND m.role = 'rep' AND NOT EXISTS (SELECT 1 FROM "TeamManager" tm WHERE tm."teamId" = $1 AND tm."memberId" = m.id)
),
bounds AS (
  SELECT id, ${utc("date_trunc('day', local)", 'timezone')} AS day, ${utc("date_trunc('week', local)", 'timezone')} AS week,
         ${utc("date_trunc('month', local)", 'timezone')} AS month, ${utc("date_trunc('month', local) + interval '1 month'", 'timezone')} AS month_end,
         ${utc("date_trunc('day', local) + interval '1 day'", 'timezone')} AS day_end, ${utc("date_trunc('week', local) + interval '7 days'", 'timezone')} AS week_end
  FROM reps
)
SELECT b.id AS "memberId", a.kind::text AS kind,
       coalesce(sum(a.count) FILTER (WHERE a."occurredAt" >= b.day AND a."occurredAt" < b.day_end), 0)::int AS today,
       coalesce(sum(a.count) FILTER (WHERE a."occurredAt" >= b.week AND a."occurredAt" < b.week_end), 0)::int AS week,
       coalesce(sum(a.count) FILTER (WHERE a."occurredAt" >= b.month AND a."occurredAt" < b.month_end), 0)::int AS month
FROM bounds b JOIN "Activity" a ON a."memberId" = b.id
WHERE a."voidedAt" IS NULL AND a."occurredAt" >= least(b.week, b.month) AND a."occurredAt" < greatest(b.week_end, b.month_end)
GROUP BY b.id, a.kind
ORDER BY b.id, a.kind`;

/** The shape of the app's per-rep totals query (activity-totals.ts totalsIn), for its plan. */
const APP_TOTALS_SQL = `
SELECT kind, sum(count) FROM "Activity"
WHERE "memberId" = $1 AND "voidedAt" IS NULL AND "occurredAt" >= $2 AND "occurredAt" < $3
GROUP BY kind`;

/** The shape of the board's actuals query (rank-team.ts actualsOver) for one zone's reps, for its plan. */
const APP_ACTUALS_SQL = `
SELECT "memberId", kind, sum(count) FROM "Activity"
WHERE "voidedAt" IS NULL AND kind = ANY ($1::"ActivityKind"[]) AND "memberId" = ANY ($2::text[]) AND "occurredAt" >= $3 AND "occurredAt" < $4
GROUP BY "memberId", kind`;

const key = (memberId: string, kind: string) => `${memberId}:${kind}`;

async function explain(client: pg.Client, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  // A team's member ids make lines thousands of characters long: show how many instead.
  return rows.map((r) => r['QUERY PLAN'].replace(/'\{[^}]{200,}\}'/g, (ids) => `'{…${ids.split(',').length} ids…}'`)).join('\n');
}

export type BoardOptions = { prisma: PrismaClient; sql: pg.Client; now: Date; repsPerTeam: number; runs: number };

export async function boardScenario({ prisma, sql, now, repsPerTeam, runs }: BoardOptions): Promise<ScenarioResult> {
  const teamId = benchId('team-1');
  const manager = await prisma.member.findUniqueOrThrow({ where: { workspaceId_slackUserId: { workspaceId: WORKSPACE_ID, slackUserId: 'UMGR1' } } });
  const params = [teamId, now.toISOString()];

  const board = await medianOf(runs, () => rankTeam(prisma, teamId, 'week', now, { defaultTimezone: 'UTC' }));
  const boardBase = await medianOf(runs, () => sql.query<{ memberId: string; kind: string; thisWeek: number }>(BOARD_SQL, params));
  const home = await medianOf(runs, () => homeDashboard(prisma, manager, now, 'week', 'UTC'));
  const homeBase = await medianOf(runs, () => sql.query<{ memberId: string; kind: string; week: number }>(HOME_SQL, params));

  // The same numbers on both sides: every rep's this-week total per tracked kind.
  const boardExpected = new Map(boardBase.result.rows.map((r) => [key(r.memberId, r.kind), r.thisWeek]));
  const boardMismatches = board.result.rows
    .flatMap((row) => board.result.trackedKinds.map((kind) => [key(row.memberId, kind), row.actual[kind]] as const))
    .filter(([k, actual]) => (boardExpected.get(k) ?? 0) !== actual).length;
  const homeExpected = new Map(homeBase.result.rows.map((r) => [key(r.memberId, r.kind), r.week]));
  const homeReps = home.result.teams.flatMap((t) => t.reps);
  const memberIds = new Map((await prisma.member.findMany({ where: { teamId }, select: { id: true, slackUserId: true } })).map((m) => [m.slackUserId, m.id]));
  const homeMismatches = homeReps
    .flatMap((rep) => Object.entries(rep.progress.week).map(([kind, p]) => [key(memberIds.get(rep.slackUserId) ?? '', kind), p.actual] as const))
    .filter(([k, actual]) => (homeExpected.get(k) ?? 0) !== actual).length;

  const figure = (metric: string, app: number, baseline: number, why: string): Figure => {
    const met = app <= 1.2 * baseline && app < 200;
    return {
      scenario: 'read paths',
      metric,
      unit: 'ms',
      app,
      baseline,
      goal: '≤ 1.2× SQL and < 200 ms',
      met,
      ...(met ? {} : { note: why }),
    };
  };
  const zoneReps = await prisma.member.findMany({ where: { teamId, role: 'rep', timezone: 'America/New_York' }, select: { id: true } });
  const weekStart = new Date(now.getTime() - 4 * 86_400_000);
  return {
    name: 'read paths',
    figures: [
      figure(
        `weekly leaderboard, ${repsPerTeam} reps (median of ${runs})`,
        board.ms,
        boardBase.ms,
        'rankTeam reads members, plans and absences, then one actuals query per week (this, last, and back while any streak lives, up to 26, six weeks at a time in parallel) and ranks in JavaScript; each query is an index scan (plans below), the cost is the round trips and the rows Prisma turns into objects',
      ),
      figure(
        `manager App Home, ${repsPerTeam} reps (median of ${runs})`,
        home.ms,
        homeBase.ms,
        'teamOverviews reads the whole team at once (teamProgress: plans and absences in 3 queries, day/week/month totals in 3 grouped queries per local date), plus the team, its reps and their judged weeks: about a dozen round trips, then every rep’s targets day by day in JavaScript; the SQL baseline does all of it in one statement',
      ),
    ],
    checks: {
      boardReps: board.result.rows.length + board.result.noTarget.length,
      homeReps: homeReps.length,
      repsPerTeam,
      boardMismatches,
      homeMismatches,
      boardTotal: board.result.rows.reduce((sum, row) => sum + Object.values(row.actual).reduce((a, b) => a + b, 0), 0),
      baselineBoardTotal: [...boardExpected.values()].reduce((a, b) => a + b, 0),
    },
    details: [
      { title: 'Baseline: weekly leaderboard in one query', text: await explain(sql, BOARD_SQL, params) },
      { title: 'Baseline: manager App Home in one query', text: await explain(sql, HOME_SQL, params) },
      { title: "App: the board's actuals for one zone's reps (rank-team.ts actualsOver)", text: await explain(sql, APP_ACTUALS_SQL, [['dial', 'conversation'], zoneReps.map((r) => r.id), weekStart.toISOString(), now.toISOString()]) },
      { title: "App: one rep's totals for one period (activity-totals.ts totalsIn; a rep's own Home and /dial replies)", text: await explain(sql, APP_TOTALS_SQL, [zoneReps[0]?.id, weekStart.toISOString(), now.toISOString()]) },
    ],
  };
}
