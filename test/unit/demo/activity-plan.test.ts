// The demo's pure parts: the seeded generator, the history it plans (entries as logActivity stores
// them, only on days with a target, inside each rep's working hours, nothing after the cut-off)
// and the instant the demo is shown as at.
import { apportion, performanceIn, planActivity, type ActivityPlanRep, type ActivityRow } from '../../../src/demo/activity-plan.js';
import { demoMoment } from '../../../src/demo/demo-moment.js';
import { seededRandom } from '../../../src/demo/random.js';
import { KINDS } from '../../../src/lib/kinds.js';
import { eachDay, instantAt, localDate } from '../../../src/lib/time.js';
import { teamCalendar, zeroTargets, type KindTargets } from '../../../src/services/goals/targets.js';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const draw = (seed: string) => {
      const r = seededRandom(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('stays in range: next in [0, 1), int inclusive, binomial within 0…n, uuids shaped like v4', () => {
    const r = seededRandom(42);
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      ints.add(r.int(2, 4));
      const b = r.binomial(10, 0.3);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(10);
    }
    expect([...ints].sort()).toEqual([2, 3, 4]);
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('averages near its probabilities', () => {
    const r = seededRandom('mean');
    let hits = 0;
    for (let i = 0; i < 10_000; i++) hits += r.binomial(3, 1 / 3);
    expect(hits / 10_000).toBeCloseTo(1, 1);
  });
});

describe('apportion', () => {
  it('shares a total in proportion, in whole units that add up', () => {
    expect(apportion(10, [1, 1])).toEqual([5, 5]);
    expect(apportion(7, [1, 1, 1])).toEqual([3, 2, 2]);
    expect(apportion(1, [0.7, 1.3])).toEqual([0, 1]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    expect(apportion(5, [0, 0])).toEqual([3, 2]);
    const r = seededRandom('apportion');
    for (let i = 0; i < 200; i++) {
      const weights = Array.from({ length: r.int(1, 5) }, () => r.between(0.6, 1.4));
      const total = r.int(0, 40);
      const shares = apportion(total, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      expect(shares.every((s) => Number.isInteger(s) && s >= 0)).toBe(true);
    }
  });
});

describe('planActivity', () => {
  // Mon 23 Nov – Fri 4 Dec 2026; the cut-off is 16:30 New York on Friday.
  const FIRST = '2026-11-23';
  const LAST = '2026-12-04';
  const UNTIL = new Date('2026-12-04T21:30:00Z');
  const DAILY = 360 / 21;
  const weekday = (date: string) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());
  /** 17.14 dials and a third as many conversations on weekdays; nothing on `off` days. */
  const targetOn =
    (off: readonly string[] = [], share = 1) =>
    (date: string): KindTargets =>
      weekday(date) && !off.includes(date) ? { ...zeroTargets(), dial: DAILY * share, conversation: (DAILY / 3) * share } : zeroTargets();
  const rep = (over: Partial<ActivityPlanRep> = {}): ActivityPlanRep => ({
    memberId: 'm1',
    slackUserId: 'U1',
    timezone: 'America/New_York',
    weeklyPerformance: [1],
    conversationRate: 1 / 3,
    presentationRate: 1 / 3,
    modalShare: 0.25,
    targetOn: targetOn(),
    ...over,
  });
  const plan = (reps: ActivityPlanRep[], seed = 'plan') =>
    planActivity({ workspaceId: 'T1', reps, firstDay: FIRST, lastDay: LAST, workdayStart: '09:00', workdayEnd: '17:00', until: UNTIL, random: seededRandom(seed) });
  const dialsByDay = (rows: ActivityRow[], zone: string) => {
    const byDay = new Map<string, number>();
    for (const row of rows) if (row.kind === 'dial') byDay.set(localDate(row.occurredAt, zone), (byDay.get(localDate(row.occurredAt, zone)) ?? 0) + row.count);
    return byDay;
  };

  it('is reproducible: the same seed plans the same rows', () => {
    expect(plan([rep()])).toEqual(plan([rep()]));
    expect(plan([rep()], 'other')).not.toEqual(plan([rep()]));
  });

  it('stores rows the way logActivity does: one per kind, an entry id and a request key per entry', () => {
    const rows = plan([rep()]);
    expect(rows.length).toBeGreaterThan(0);
    const entries = new Map<string, ActivityRow[]>();
    for (const row of rows) entries.set(row.entryId, [...(entries.get(row.entryId) ?? []), row]);
    for (const [, entry] of entries) {
      const kinds = entry.map((r) => r.kind);
      expect(new Set(kinds).size).toBe(kinds.length);
      const key = entry[0]!.idempotencyKey.replace(/#\w+$/, '');
      expect(key).toMatch(entry[0]!.source === 'slash' ? /^slash:T1:/ : /^view:T1:V/);
      for (const row of entry) {
        expect(row.idempotencyKey).toBe(`${key}#${row.kind}`);
        expect(row.occurredAt).toEqual(entry[0]!.occurredAt);
        expect(row).toMatchObject({ workspaceId: 'T1', memberId: 'm1', authorUserId: 'U1', note: null, loggedAt: row.occurredAt });
        expect(row.count).toBeGreaterThan(0);
      }
    }
    expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['slash', 'modal']));
    expect(rows.every((r) => KINDS.includes(r.kind))).toBe(true);
  });

  it('logs only on days with a target, inside working hours in the rep’s own zone, and nothing after the cut-off', () => {
    const zone = 'America/Los_Angeles';
    const rows = plan([rep({ timezone: zone, targetOn: targetOn(['2026-11-26']) })]);
    const days = [...dialsByDay(rows, zone).keys()].sort();
    expect(days).toEqual(eachDay(FIRST, LAST).filter((d) => weekday(d) && d !== '2026-11-26'));
    for (const row of rows) {
      const day = localDate(row.occurredAt, zone);
      expect(row.occurredAt.getTime()).toBeGreaterThanOrEqual(instantAt(day, '09:00', zone).getTime());
      expect(row.occurredAt.getTime()).toBeLessThan(instantAt(day, '17:00', zone).getTime());
      expect(row.occurredAt.getTime()).toBeLessThanOrEqual(UNTIL.getTime());
    }
    // 16:30 New York is 13:30 in Los Angeles: Friday's morning is logged, its afternoon not yet.
    const friday = rows.filter((r) => localDate(r.occurredAt, zone) === LAST);
    expect(friday.length).toBeGreaterThan(0);
  });

  it('does the week’s share of the rep’s own target, give or take a fifth a day, with conversions near the rate', () => {
    const rows = plan([rep({ weeklyPerformance: [1.2, 0.5] })]);
    const byDay = dialsByDay(rows, 'America/New_York');
    for (const [day, dials] of byDay) {
      if (day === LAST) continue; // cut off at 16:30
      const expected = DAILY * (day < '2026-11-30' ? 1.2 : 0.5);
      expect(dials).toBeGreaterThanOrEqual(Math.floor(expected * 0.8));
      expect(dials).toBeLessThanOrEqual(Math.ceil(expected * 1.2));
    }
    const sum = (kind: string) => rows.filter((r) => r.kind === kind).reduce((a, r) => a + r.count, 0);
    expect(sum('conversation') / sum('dial')).toBeGreaterThan(0.28);
    expect(sum('conversation') / sum('dial')).toBeLessThan(0.39);
    expect(sum('presentation')).toBeLessThanOrEqual(sum('conversation'));
    expect(sum('close')).toBeLessThanOrEqual(sum('opportunity'));
  });

  it('follows ramp-up through the target: half the target, half the dials', () => {
    const full = dialsByDay(plan([rep()]), 'America/New_York');
    const ramp = dialsByDay(plan([rep({ targetOn: targetOn([], 0.5) })]), 'America/New_York');
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(total(ramp) / total(full)).toBeGreaterThan(0.4);
    expect(total(ramp) / total(full)).toBeLessThan(0.6);
  });

  it('holds the last week’s performance after the list ends', () => {
    expect(performanceIn({ weeklyPerformance: [1, 0.8, 0.6] }, 0)).toBe(1);
    expect(performanceIn({ weeklyPerformance: [1, 0.8, 0.6] }, 2)).toBe(0.6);
    expect(performanceIn({ weeklyPerformance: [1, 0.8, 0.6] }, 7)).toBe(0.6);
  });
});

describe('demoMoment', () => {
  const team = { timezone: 'America/New_York', dailyPostTime: '16:30', calendar: teamCalendar(null) };

  it('is today’s post time in the team’s zone on a workday, history starting on the Monday three weeks before', () => {
    expect(demoMoment(new Date('2026-12-04T22:00:00Z'), team, 4)).toEqual({
      at: new Date('2026-12-04T21:30:00Z'),
      date: '2026-12-04',
      firstDay: '2026-11-09',
    });
    // Early on Friday morning it is still Friday's post (the demo shows the day complete to 16:30).
    expect(demoMoment(new Date('2026-12-04T12:00:00Z'), team, 4).date).toBe('2026-12-04');
  });

  it('goes back to the last workday on a weekend, by the team’s date', () => {
    expect(demoMoment(new Date('2026-12-06T12:00:00Z'), team, 4)).toMatchObject({ date: '2026-12-04', firstDay: '2026-11-09' });
    // 02:00 UTC on Saturday is still Friday evening in New York.
    expect(demoMoment(new Date('2026-12-05T02:00:00Z'), team, 4).date).toBe('2026-12-04');
    // Monday: its own week is the fourth.
    expect(demoMoment(new Date('2026-12-07T15:00:00Z'), team, 4)).toMatchObject({ date: '2026-12-07', firstDay: '2026-11-16' });
  });

  it('skips holidays', () => {
    const withHoliday = { ...team, calendar: teamCalendar({ workDays: [1, 2, 3, 4, 5], workdayStart: '09:00', workdayEnd: '17:00', holidays: [{ date: '2026-12-04' }] }) };
    expect(demoMoment(new Date('2026-12-04T22:00:00Z'), withHoliday, 4).date).toBe('2026-12-03');
  });
});
