// Pace: actual against the part of a target due by now (finished days plus the elapsed share of
// today's working hours), and what a rep needs today to be on track for the week.
import { roundHalfUp } from '../../../../src/lib/numbers.js';
import { elapsedShareOfDay, localDate, weekInterval, weekOf, type LocalDate } from '../../../../src/lib/time.js';
import { planFromRevenue, SEED_RATIOS } from '../../../../src/services/goals/plan-from-revenue.js';
import { targetsOver, type TargetContext, type TeamCalendar } from '../../../../src/services/goals/targets.js';
import { needToday, paceStatus, periodProgress } from '../../../../src/services/progress/pace.js';

const SEED_MONTHLY = planFromRevenue({ revenueTarget: 100_000, averageDealSize: 10_000, ...SEED_RATIOS }).targets;

function context(calendar: Partial<TeamCalendar> = {}, extra: Partial<TargetContext> = {}): TargetContext {
  return {
    calendar: { workDays: [1, 2, 3, 4, 5], holidays: new Set(), workdayStart: '09:00', workdayEnd: '17:00', ...calendar },
    teamPlans: [{ effectiveFrom: '2026-01-01', monthly: SEED_MONTHLY }],
    repPlans: [],
    absences: [],
    ...extra,
  };
}

const NY = 'America/New_York';
const DEC = 360 / 23; // dials a day in December 2026 (23 workdays)
const NOV = 360 / 21; // in November 2026 (21 workdays)

/** Progress of `days` at the instant `at`, in `zone`, the way repProgress computes it. */
function progressAt(at: string, zone: string, days: (today: LocalDate) => readonly LocalDate[], actual = {}, ctx = context()) {
  const now = new Date(at);
  const today = localDate(now, zone);
  const share = elapsedShareOfDay(now, zone, ctx.calendar.workdayStart, ctx.calendar.workdayEnd);
  return periodProgress(days(today), today, share, actual, ctx);
}
const todayOnly = (today: LocalDate) => [today];
const week = (today: LocalDate) => weekOf(today);

describe('due by now over a working day (09:00–17:00, Wed 2 Dec 2026 in New York)', () => {
  it.each([
    ['07:30, before hours', '2026-12-02T12:30:00Z', 0],
    ['09:00, the start', '2026-12-02T14:00:00Z', 0],
    ['13:00, half way', '2026-12-02T18:00:00Z', 0.5],
    ['15:00, three quarters', '2026-12-02T20:00:00Z', 0.75],
    ['17:00, the end', '2026-12-02T22:00:00Z', 1],
    ['21:00, after hours', '2026-12-03T02:00:00Z', 1],
  ])('at %s the day’s due is that share of its target, the week’s adds Mon and Tue', (_label, at, share) => {
    const day = progressAt(at, NY, todayOnly);
    expect(day.dial.target).toBeCloseTo(DEC, 10);
    expect(day.dial.due).toBeCloseTo(DEC * share, 10);
    const w = progressAt(at, NY, week);
    // Mon 30 Nov at November's rate, Tue 1 Dec at December's, then today's share.
    expect(w.dial.due).toBeCloseTo(NOV + DEC + DEC * share, 10);
    expect(w.dial.target).toBeCloseTo(NOV + 4 * DEC, 10);
  });

  it('pace is actual ÷ due: at 13:00 on Friday 4 Dec, 30 dials against 7.83 due today and 71.93 this week', () => {
    const at = '2026-12-04T18:00:00Z';
    const day = progressAt(at, NY, todayOnly, { dial: 30 });
    expect(day.dial).toEqual({ target: expect.closeTo(DEC, 10), due: expect.closeTo(DEC / 2, 10), actual: 30, pace: expect.closeTo(30 / (DEC / 2), 10) });
    const w = progressAt(at, NY, week, { dial: 65 });
    expect(w.dial.due).toBeCloseTo(NOV + 3.5 * DEC, 10);
    expect(roundHalfUp(w.dial.due)).toBe(72); // 71.93 shown as 72
    expect(w.dial.pace).toBeCloseTo(65 / (NOV + 3.5 * DEC), 10);
  });

  it('pace is null while nothing is due (before the first working hour of the week)', () => {
    const monday = progressAt('2026-11-30T13:00:00Z', NY, week, { dial: 4 }); // Mon 08:00
    expect(monday.dial.due).toBe(0);
    expect(monday.dial.pace).toBeNull();
    expect(paceStatus(monday.dial)).toBe('ahead'); // something done, nothing due yet
    expect(paceStatus(progressAt('2026-11-30T13:00:00Z', NY, week).dial)).toBeNull();
  });

  it('a day off or a weekend has no target, so nothing is due and the week’s due is the days before', () => {
    const saturday = progressAt('2026-12-05T18:00:00Z', NY, todayOnly);
    expect(saturday.dial).toEqual({ target: 0, due: 0, actual: 0, pace: null });
    const w = progressAt('2026-12-05T18:00:00Z', NY, week);
    expect(w.dial.due).toBeCloseTo(w.dial.target, 10);
  });
});

describe('paceStatus', () => {
  it.each([
    [80, 100, 'behind'],
    [89, 100, 'behind'],
    [90, 100, 'on_pace'],
    [100, 100, 'on_pace'],
    [110, 100, 'on_pace'],
    [111, 100, 'ahead'],
    [1, 0, 'ahead'],
    [0, 0, null],
  ] as const)('%d done of %d due is %s', (actual, due, status) => {
    expect(paceStatus({ actual, due })).toBe(status);
  });
});

describe('DST weeks: 5 workdays, and pace counts real working time', () => {
  it.each([
    ['America/New_York', '2026-03-08', '2026-03-08T17:00:00Z'], // spring forward, 13:00 EDT
    ['Europe/Berlin', '2026-03-29', '2026-03-29T11:00:00Z'], // 13:00 CEST
  ])('%s: the week with %s still has its 5 workdays', (zone, dstDay, _at) => {
    const ctx = context();
    const days = weekOf(dstDay);
    expect(days).toHaveLength(7);
    expect(days.filter((d) => targetsOver([d], ctx).dial > 0)).toHaveLength(5);
    // March 2026 has 22 weekdays: the week is 5 of them.
    expect(targetsOver(days, ctx).dial).toBeCloseTo((5 * 360) / 22, 10);
    // …although the week is an hour short in real time.
    const interval = weekInterval(new Date(`${dstDay}T12:00:00Z`), zone);
    expect((interval.end.getTime() - interval.start.getTime()) / 3_600_000).toBe(167);
  });

  it.each([
    ['America/New_York', '2026-03-08T17:00:00Z'],
    ['Europe/Berlin', '2026-03-29T11:00:00Z'],
  ])('%s: on the DST day itself (a workday for a Sun–Thu team), 13:00 is half of 09:00–17:00', (zone, at) => {
    const ctx = context({ workDays: [7, 1, 2, 3, 4] });
    const now = new Date(at);
    expect(elapsedShareOfDay(now, zone, '09:00', '17:00')).toBe(0.5);
    const day = progressAt(at, zone, todayOnly, { dial: 9 }, ctx);
    const daily = 360 / 23; // March 2026 has 23 Sundays–Thursdays (5 Sun, 5 Mon, 5 Tue, 4 Wed, 4 Thu)
    expect(day.dial.target).toBeCloseTo(daily, 10);
    expect(day.dial.due).toBeCloseTo(daily / 2, 10);
    expect(day.dial.pace).toBeCloseTo(9 / (daily / 2), 10);
  });

  it('working hours that span the jump count real hours: 00:00–08:00 on US spring-forward day is 7 hours long', () => {
    // 04:00 EDT is 3 real hours after 00:00 EST.
    expect(elapsedShareOfDay(new Date('2026-03-08T08:00:00Z'), NY, '00:00', '08:00')).toBeCloseTo(3 / 7, 10);
    // On fall-back day (1 Nov 2026) the same hours are 9 long: 04:00 EST is 5 real hours in.
    expect(elapsedShareOfDay(new Date('2026-11-01T09:00:00Z'), NY, '00:00', '08:00')).toBeCloseTo(5 / 9, 10);
  });
});

describe('a rep in Asia/Kolkata (UTC+5:30) on a team whose plans and holidays are team-wide', () => {
  const zone = 'Asia/Kolkata';

  it('today, the week and today’s working hours are the rep’s own', () => {
    // 06:30 UTC on Monday 7 Dec is 12:00 in Kolkata (but 01:30 in New York).
    const at = '2026-12-07T06:30:00Z';
    const day = progressAt(at, zone, todayOnly);
    expect(elapsedShareOfDay(new Date(at), zone, '09:00', '17:00')).toBeCloseTo(3 / 8, 10);
    expect(day.dial.due).toBeCloseTo(DEC * (3 / 8), 10);
    const w = progressAt(at, zone, week);
    expect(w.dial.target).toBeCloseTo(5 * DEC, 10); // Mon 7 – Fri 11 Dec, all December
    expect(w.dial.due).toBeCloseTo(DEC * (3 / 8), 10);
  });

  it('late on Friday in UTC is already the weekend for the rep: the whole week is due', () => {
    const at = '2026-12-04T20:00:00Z'; // Sat 5 Dec 01:30 IST
    expect(localDate(new Date(at), zone)).toBe('2026-12-05');
    const w = progressAt(at, zone, week);
    expect(w.dial.due).toBeCloseTo(w.dial.target, 10);
  });

  it('a team holiday is the rep’s own calendar date', () => {
    const ctx = context({ holidays: new Set(['2026-12-07']) });
    const day = progressAt('2026-12-06T19:00:00Z', zone, todayOnly, {}, ctx); // Mon 7 Dec 00:30 IST
    expect(day.dial.target).toBe(0);
  });
});

describe('needToday', () => {
  const ctx = context();
  const weekDays = weekOf('2026-12-04');

  it('is the week’s targets up to and including today, less what was done this week, rounded up', () => {
    // Mon 30 Nov … Fri 4 Dec: 17.14 + 4 × 15.65 = 79.75 dials; 65 done → 14.75 → 15.
    expect(needToday(weekDays, '2026-12-04', { dial: 65 }, ctx).dial).toBe(15);
    // Thursday: 17.14 + 3 × 15.65 = 64.10; 64 done → 0.10 → 1.
    expect(needToday(weekDays, '2026-12-03', { dial: 64 }, ctx).dial).toBe(1);
  });

  it('counts all of today’s target, whatever the hour', () => {
    expect(needToday(weekDays, '2026-11-30', {}, ctx).dial).toBe(Math.ceil(NOV));
  });

  it('is never negative: ahead for the week needs nothing today', () => {
    const need = needToday(weekDays, '2026-12-02', { dial: 500, conversation: 200, presentation: 50, opportunity: 20, close: 10 }, ctx);
    expect(need).toEqual({ dial: 0, conversation: 0, presentation: 0, opportunity: 0, close: 0 });
  });

  it('is whole for every kind, and exact whole numbers stay as they are', () => {
    const need = needToday(weekDays, '2026-12-04', {}, ctx);
    for (const value of Object.values(need)) expect(Number.isInteger(value)).toBe(true);
    const flat = context({}, { teamPlans: [{ effectiveFrom: '2026-01-01', monthly: { ...SEED_MONTHLY, dial: 21 * 10 } }] });
    expect(needToday(weekOf('2026-11-11'), '2026-11-11', { dial: 5 }, flat).dial).toBe(25); // 3 × 10 − 5
  });

  it('leaves the days after today out, and PTO days count nothing', () => {
    const off = context({}, { absences: [{ kind: 'pto', startDate: '2026-12-01', endDate: '2026-12-02', rampPercent: null }] });
    // Mon 30 Nov (17.14) + Thu 3 Dec (15.65) = 32.80 → 33.
    expect(needToday(weekDays, '2026-12-03', {}, off).dial).toBe(33);
  });
});
