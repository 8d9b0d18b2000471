// The team-wide query path must give every rep exactly what the one-rep path gives: across
// timezones whose dates differ, a month end, a DST week, absences, rep plans and voided entries.
import { openDatabase, type Database } from '../../../../src/db/client.js';
import { deployMigrations } from '../../../../src/db/migrate.js';
import type { ActivityKind, Member, PrismaClient } from '../../../../src/generated/prisma/client.js';
import { SEED_RATIOS } from '../../../../src/services/goals/plan-from-revenue.js';
import { repProgress } from '../../../../src/services/progress/rep-progress.js';
import { teamProgress } from '../../../../src/services/progress/team-progress.js';

let db: Database;
let prisma: PrismaClient;
let members: Member[];

/** The seed's plan ($100k a month, $10k deals, its ratios), with changes. */
const plan = (over: Record<string, unknown>) => ({ revenueTarget: 100_000, averageDealSize: 10_000, ...SEED_RATIOS, ...over });

beforeAll(async () => {
  db = await openDatabase('pglite://memory://');
  prisma = db.prisma;
  await deployMigrations(db);
  await prisma.workspace.create({ data: { id: 'T1' } });
  const team = await prisma.team.create({ data: { workspaceId: 'T1', name: 'Sales', workDays: [1, 2, 3, 4, 5], holidays: { create: [{ date: '2026-11-26', name: 'Thanksgiving' }] } } });
  const zones = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'America/Los_Angeles'];
  members = await Promise.all(
    zones.map((timezone, i) =>
      prisma.member.create({ data: { workspaceId: 'T1', slackUserId: `U${i}`, displayName: `rep ${i}`, timezone, teamId: team.id, createdAt: new Date('2026-10-01T00:00:00Z') } }),
    ),
  );
  await prisma.goalPlan.create({ data: { teamId: team.id, effectiveFrom: '2026-10-01', ...plan({}) } });
  await prisma.goalPlan.create({ data: { teamId: team.id, memberId: members[1]!.id, effectiveFrom: '2026-11-15', ...plan({ revenueTarget: 50_000, overrides: { dial: 500 } }) } });
  await prisma.absence.create({ data: { memberId: members[2]!.id, kind: 'pto', startDate: '2026-11-02', endDate: '2026-11-03' } });
  await prisma.absence.create({ data: { memberId: members[3]!.id, kind: 'ramp', startDate: '2026-10-26', endDate: '2026-11-06', rampPercent: 50 } });
  // Entries every 7 hours from mid-October into December, some voided.
  const kinds: ActivityKind[] = ['dial', 'conversation', 'presentation', 'opportunity', 'close'];
  const rows = [];
  for (let t = Date.parse('2026-10-15T00:00:00Z'), n = 0; t < Date.parse('2026-12-06T00:00:00Z'); t += 7 * 3600_000, n++) {
    const member = members[n % members.length]!;
    rows.push({
      entryId: `e${n}`,
      workspaceId: 'T1',
      memberId: member.id,
      kind: kinds[n % kinds.length]!,
      count: (n % 13) + 1,
      occurredAt: new Date(t),
      source: 'slash' as const,
      ...(n % 11 === 0 ? { voidedAt: new Date(t + 60_000) } : {}),
    });
  }
  await prisma.activity.createMany({ data: rows });
}, 60_000);
afterAll(() => db.close());

describe('teamProgress', () => {
  it.each([
    ['a weekday afternoon in New York', '2026-12-03T20:00:00Z'],
    ['late evening in Los Angeles: Tokyo and London are already on the next day', '2026-11-30T07:30:00Z'],
    ['the last evening of a month in New York (1 December in Tokyo)', '2026-12-01T03:00:00Z'],
    ['the week the US leaves daylight saving time, with a holiday and absences around it', '2026-11-02T16:00:00Z'],
    ['the Thanksgiving week', '2026-11-26T18:00:00Z'],
  ])('gives each rep what repProgress gives: %s', async (_name, at) => {
    const now = new Date(at);
    const team = await prisma.team.findFirstOrThrow({ include: { holidays: true } });
    const together = await teamProgress(prisma, team, members, now);
    expect(together.size).toBe(members.length);
    for (const member of members) expect(together.get(member.id)).toEqual(await repProgress(prisma, member, now));
    // Not a vacuous comparison: reps have activity and targets in this period.
    expect([...together.values()].some((p) => p.month.dial.actual > 0 && p.month.dial.target > 0)).toBe(true);
  });
});
