// Observed ratios from the team's own log (against a real embedded database), and the pure
// feasibility check that compares a plan with them.
import { openDatabase, type Database } from '../../../../src/db/client.js';
import { deployMigrations } from '../../../../src/db/migrate.js';
import type { ActivityKind } from '../../../../src/generated/prisma/enums.js';
import { checkFeasibility, learnedRatios, observedRatios } from '../../../../src/services/goals/learned-ratios.js';
import { SEED_RATIOS } from '../../../../src/services/goals/plan-from-revenue.js';

const NOW = new Date('2026-12-04T15:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const EIGHT_WEEKS = 56 * DAY;
const SEED = { revenueTarget: 100_000, averageDealSize: 10_000, ...SEED_RATIOS };

describe('learnedRatios', () => {
  let db: Database;
  let teamId: string;
  let otherTeamId: string;
  let reps: string[];
  let outsider: string;
  let n = 0;

  beforeAll(async () => {
    db = await openDatabase('pglite://memory://');
    await deployMigrations(db);
    await db.prisma.workspace.create({ data: { id: 'T1' } });
    teamId = (await db.prisma.team.create({ data: { workspaceId: 'T1', name: 'Sales', isDefault: true } })).id;
    otherTeamId = (await db.prisma.team.create({ data: { workspaceId: 'T1', name: 'Enterprise' } })).id;
    const member = (slackUserId: string, team: string) =>
      db.prisma.member.create({ data: { workspaceId: 'T1', slackUserId, displayName: slackUserId, timezone: 'America/New_York', teamId: team } });
    reps = [(await member('U1', teamId)).id, (await member('U2', teamId)).id];
    outsider = (await member('U9', otherTeamId)).id;
  });
  afterAll(() => db.close());
  beforeEach(() => db.prisma.activity.deleteMany());

  const log = (memberId: string, kind: ActivityKind, count: number, occurredAt: Date, voided = false) =>
    db.prisma.activity.create({
      data: {
        entryId: `e${++n}`,
        workspaceId: 'T1',
        memberId,
        kind,
        count,
        occurredAt,
        source: 'slash',
        ...(voided ? { voidedAt: NOW, voidedBy: 'U1', voidReason: 'undo' } : {}),
      },
    });
  const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

  it('sums the team’s reps over 8 weeks: ratio = next stage ÷ this stage', async () => {
    await log(reps[0]!, 'dial', 150, daysAgo(1));
    await log(reps[1]!, 'dial', 100, daysAgo(30));
    await log(reps[0]!, 'conversation', 12, daysAgo(2));
    await log(reps[1]!, 'conversation', 8, daysAgo(40));
    await log(reps[1]!, 'presentation', 5, daysAgo(3));
    await log(reps[0]!, 'opportunity', 2, daysAgo(3));
    const learned = await learnedRatios(db.prisma, { teamId, now: NOW });
    expect(learned).toMatchObject({
      enough: true,
      dials: 250,
      counts: { dial: 250, conversation: 20, presentation: 5, opportunity: 2, close: 0 },
      ratios: { dialToConversation: 0.08, conversationToPresentation: 0.25, presentationToOpportunity: 0.4, closeRate: 0 },
    });
  });

  it('says how many dials there are when fewer than 200', async () => {
    await log(reps[0]!, 'dial', 199, daysAgo(1));
    await log(reps[0]!, 'conversation', 50, daysAgo(1));
    expect(await learnedRatios(db.prisma, { teamId, now: NOW })).toMatchObject({ enough: false, dials: 199, needed: 200 });
  });

  it('ignores voided entries and other teams’ reps', async () => {
    await log(reps[0]!, 'dial', 150, daysAgo(1));
    await log(reps[0]!, 'dial', 100, daysAgo(1), true);
    await log(outsider, 'dial', 500, daysAgo(1));
    expect(await learnedRatios(db.prisma, { teamId, now: NOW })).toMatchObject({ enough: false, dials: 150 });
    await log(reps[1]!, 'dial', 50, daysAgo(1));
    expect(await learnedRatios(db.prisma, { teamId, now: NOW })).toMatchObject({ enough: true, dials: 200 });
  });

  it('counts exactly the 8 weeks ending now: the first instant is in, a millisecond earlier and anything later than now are out', async () => {
    await log(reps[0]!, 'dial', 200, new Date(NOW.getTime() - EIGHT_WEEKS));
    await log(reps[0]!, 'dial', 1000, new Date(NOW.getTime() - EIGHT_WEEKS - 1));
    await log(reps[0]!, 'dial', 1000, new Date(NOW.getTime() + 1));
    await log(reps[0]!, 'conversation', 20, NOW);
    const learned = await learnedRatios(db.prisma, { teamId, now: NOW });
    expect(learned).toMatchObject({ enough: true, dials: 200, ratios: { dialToConversation: 0.1 } });
    expect(learned.window).toEqual({ start: new Date('2026-10-09T15:00:00Z'), end: NOW });
  });
});

describe('observedRatios and checkFeasibility', () => {
  const counts = { dial: 250, conversation: 20, presentation: 10, opportunity: 5, close: 0 };

  it('leaves a stage unknown when the stage before it has nothing logged', () => {
    expect(observedRatios({ ...counts, opportunity: 0 })).toMatchObject({ closeRate: null, presentationToOpportunity: 0 });
  });

  it('flags a plan ratio more than 1.5× the observed one and reworks the dials with the observed rate', () => {
    const observed = { dialToConversation: 0.08, conversationToPresentation: 0.3, presentationToOpportunity: 0.5, closeRate: 0.5 };
    const result = checkFeasibility(SEED, observed);
    expect(result.stages.map((s) => [s.key, s.optimistic])).toEqual([
      ['closeRate', false],
      ['presentationToOpportunity', false],
      ['conversationToPresentation', false], // 33⅓% vs 30%: within 1.5×
      ['dialToConversation', true], // 33⅓% vs 8%
    ]);
    // 120 conversations ÷ 8% = 1,500 dials; the rest of the funnel is the plan's.
    expect(result.realistic?.targets).toEqual({ close: 10, opportunity: 20, presentation: 40, conversation: 120, dial: 1500 });
  });

  it('is not optimistic at exactly 1.5×, and has nothing to rework when nothing is', () => {
    const observed = { dialToConversation: 2 / 9, conversationToPresentation: 1 / 3, presentationToOpportunity: 0.5, closeRate: 0.5 };
    expect(checkFeasibility(SEED, observed)).toEqual({ stages: expect.any(Array), realistic: null });
  });

  it('keeps the plan’s ratio where nothing converted (it can’t work back from 0%) and skips unknown stages', () => {
    const observed = { dialToConversation: 0.08, conversationToPresentation: 0, presentationToOpportunity: null, closeRate: null };
    const result = checkFeasibility(SEED, observed);
    expect(result.stages.filter((s) => s.optimistic).map((s) => s.key)).toEqual(['conversationToPresentation', 'dialToConversation']);
    expect(result.realistic?.targets.dial).toBe(1500);
  });
});
