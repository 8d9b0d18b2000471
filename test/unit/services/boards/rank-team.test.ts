// Streaks followed back past the weeks read together (six at a time): a long streak, one that
// ends exactly at a batch boundary, and one broken last week.
import { openDatabase, type Database } from '../../../../src/db/client.js';
import { deployMigrations } from '../../../../src/db/migrate.js';
import type { PrismaClient } from '../../../../src/generated/prisma/client.js';
import { addDays, instantAt } from '../../../../src/lib/time.js';
import { rankTeam } from '../../../../src/services/boards/rank-team.js';
import { SEED_RATIOS } from '../../../../src/services/goals/plan-from-revenue.js';

const ZONE = 'America/New_York';
let db: Database;
let prisma: PrismaClient;
let teamId: string;

/** Mondays from `first` to `last`, skipping `except`. */
function mondays(first: string, last: string, except: string[] = []): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 7)) if (!except.includes(d)) out.push(d);
  return out;
}

beforeAll(async () => {
  db = await openDatabase('pglite://memory://');
  prisma = db.prisma;
  await deployMigrations(db);
  await prisma.workspace.create({ data: { id: 'T1' } });
  const team = await prisma.team.create({ data: { workspaceId: 'T1', name: 'Sales', timezone: ZONE, trackedKinds: ['dial'] } });
  teamId = team.id;
  await prisma.goalPlan.create({ data: { teamId, effectiveFrom: '2026-09-01', revenueTarget: 100_000, averageDealSize: 10_000, ...SEED_RATIOS } });
  const weeks: Record<string, string[]> = {
    ULONG: mondays('2026-09-28', '2026-11-23'), // 9 weeks on target
    USIX: mondays('2026-10-05', '2026-11-23', ['2026-10-12']), // 6 weeks, then a miss
    UBROKE: mondays('2026-09-28', '2026-11-16'), // missed last week
  };
  let n = 0;
  for (const [slackUserId, days] of Object.entries(weeks)) {
    const member = await prisma.member.create({ data: { workspaceId: 'T1', slackUserId, displayName: slackUserId, timezone: ZONE, teamId, createdAt: new Date('2026-09-01T00:00:00Z') } });
    await prisma.activity.createMany({
      data: days.map((day) => ({ entryId: `e${n++}`, workspaceId: 'T1', memberId: member.id, kind: 'dial' as const, count: 500, occurredAt: instantAt(day, '10:00', ZONE), source: 'slash' as const })),
    });
  }
}, 60_000);
afterAll(() => db.close());

it('follows each streak back as far as it goes, across the weeks read together', async () => {
  const board = await rankTeam(prisma, teamId, 'last-week', new Date('2026-12-04T15:00:00Z'));
  expect(Object.fromEntries(board.rows.map((r) => [r.slackUserId, r.streak]))).toEqual({ ULONG: 9, USIX: 6, UBROKE: 0 });
});
