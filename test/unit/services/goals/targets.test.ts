// The pure targets engine: monthly targets from revenue, spread over the team's workdays, each
// day at its own month's rate and the plan in force that day, absences and ramps applied.
import { KINDS } from '../../../../src/lib/kinds.js';
import { roundHalfUp } from '../../../../src/lib/numbers.js';
import { eachDay, localDate, monthOf, weekOf, type LocalDate } from '../../../../src/lib/time.js';
import { planFromRevenue, SEED_RATIOS, type PlanInput } from '../../../../src/services/goals/plan-from-revenue.js';
import {
  absenceOn,
  attendance,
  dailyTargets,
  isWorkday,
  planOn,
  targetsOver,
  workdaysInMonth,
  type AbsenceSpan,
  type PlanPeriod,
  type TargetContext,
  type TeamCalendar,
} from '../../../../src/services/goals/targets.js';

const SEED: PlanInput = { revenueTarget: 100_000, averageDealSize: 10_000, ...SEED_RATIOS };

function calendar(overrides: Partial<TeamCalendar> = {}): TeamCalendar {
  return { workDays: [1, 2, 3, 4, 5], holidays: new Set(), workdayStart: '09:00', workdayEnd: '17:00', ...overrides };
}

function plan(effectiveFrom: LocalDate, input: Partial<PlanInput> = {}): PlanPeriod {
  const { targets, overridden } = planFromRevenue({ ...SEED, ...input });
  return { effectiveFrom, monthly: targets, overridden };
}

function context(overrides: Partial<TargetContext> = {}): TargetContext {
  return { calendar: calendar(), teamPlans: [plan('2026-01-01')], repPlans: [], absences: [], ...overrides };
}

const monthDays = (date: LocalDate) => eachDay(monthOf(date).first, monthOf(date).last);

// November 2026 starts on a Sunday: 21 weekdays. December 2026 starts on a Tuesday: 23 weekdays.
const NOV = 21;
const DEC = 23;

describe('planFromRevenue (the seed’s example)', () => {
  it('works $100k ÷ $10k deals backwards to 10 closes ← 20 opps ← 40 presentations ← 120 conversations ← 360 dials', () => {
    const plan = planFromRevenue(SEED);
    expect(plan.targets).toEqual({ close: 10, opportunity: 20, presentation: 40, conversation: 120, dial: 360 });
    expect(plan.computed).toEqual(plan.targets);
    expect(plan.overridden).toEqual([]);
  });

  it('rounds each stage up to a whole activity (9.5 closes are 10), ignoring floating-point dust (40 ÷ ⅓ is 120)', () => {
    expect(planFromRevenue({ ...SEED, revenueTarget: 95_000 }).targets).toEqual({ close: 10, opportunity: 20, presentation: 40, conversation: 120, dial: 360 });
    expect(planFromRevenue({ ...SEED, revenueTarget: 101_000 }).targets).toEqual({ close: 11, opportunity: 22, presentation: 44, conversation: 132, dial: 396 });
    expect(planFromRevenue({ ...SEED, dialToConversation: 0.3 }).targets.dial).toBe(400);
  });

  it('an override replaces a stage and feeds the stages before it, the computed number kept alongside', () => {
    const plan = planFromRevenue({ ...SEED, overrides: { conversation: 150 } });
    expect(plan.targets).toEqual({ close: 10, opportunity: 20, presentation: 40, conversation: 150, dial: 450 });
    expect(plan.computed.conversation).toBe(120);
    expect(plan.overridden).toEqual(['conversation']);
  });
});

describe('workdays and daily targets', () => {
  it('counts 21 workdays in November 2026 and 23 in December 2026 (Mon–Fri)', () => {
    expect(workdaysInMonth('2026-11-15', calendar())).toBe(NOV);
    expect(workdaysInMonth('2026-12-04', calendar())).toBe(DEC);
  });

  it('spreads a 21-workday month evenly: daily = monthly ÷ 21, and the month sums back to the monthly target', () => {
    const ctx = context();
    const monday = dailyTargets('2026-11-02', ctx);
    expect(monday.dial).toBeCloseTo(360 / NOV, 10);
    expect(monday.conversation).toBeCloseTo(120 / NOV, 10);
    expect(monday.close).toBeCloseTo(10 / NOV, 10);
    const month = targetsOver(monthDays('2026-11-15'), ctx);
    for (const kind of KINDS) expect(month[kind]).toBeCloseTo(plan('2026-01-01').monthly[kind], 9);
  });

  it('spreads a 23-workday month evenly: daily = monthly ÷ 23, and the month sums back to the monthly target', () => {
    const ctx = context();
    expect(dailyTargets('2026-12-04', ctx).dial).toBeCloseTo(360 / DEC, 10);
    const month = targetsOver(monthDays('2026-12-04'), ctx);
    expect(month).toEqual({
      dial: expect.closeTo(360, 9),
      conversation: expect.closeTo(120, 9),
      presentation: expect.closeTo(40, 9),
      opportunity: expect.closeTo(20, 9),
      close: expect.closeTo(10, 9),
    });
    // Shown as whole numbers, the month is exactly the plan.
    expect(roundHalfUp(month.dial)).toBe(360);
  });

  it('gives weekends nothing', () => {
    const ctx = context();
    for (const day of ['2026-12-05', '2026-12-06']) expect(dailyTargets(day, ctx)).toEqual({ dial: 0, conversation: 0, presentation: 0, opportunity: 0, close: 0 });
  });

  it('shows fractional targets as whole numbers rounded half up (17.14 → 17 a day, 85.71 → 86 a week)', () => {
    const ctx = context();
    const day = dailyTargets('2026-11-10', ctx);
    const week = targetsOver(weekOf('2026-11-10'), ctx);
    expect(day.dial).toBeCloseTo(17.142857, 5);
    expect(roundHalfUp(day.dial)).toBe(17);
    expect(week.dial).toBeCloseTo(85.714286, 5);
    expect(roundHalfUp(week.dial)).toBe(86);
    // Closes: 10 ÷ 21 = 0.48 a day shows as 0; the week's 2.38 as 2.
    expect(roundHalfUp(day.close)).toBe(0);
    expect(roundHalfUp(week.close)).toBe(2);
    // Exactly half goes up: 105 dials over a 21-workday month are 5 a day, 2.5 for half a day.
    const daily5 = context({ teamPlans: [plan('2026-01-01', { overrides: { dial: 105 } })] });
    expect(roundHalfUp(dailyTargets('2026-11-10', daily5).dial * 0.5)).toBe(3);
    expect(roundHalfUp(targetsOver(weekOf('2026-11-10'), daily5).dial * 0.5)).toBe(13); // 12.5
  });

  it('a week crossing a month end takes each day at its own month’s rate', () => {
    const ctx = context();
    const week = weekOf('2026-12-04'); // Mon 30 Nov – Sun 6 Dec
    expect(week[0]).toBe('2026-11-30');
    expect(dailyTargets('2026-11-30', ctx).dial).toBeCloseTo(360 / NOV, 10);
    expect(dailyTargets('2026-12-01', ctx).dial).toBeCloseTo(360 / DEC, 10);
    expect(targetsOver(week, ctx).dial).toBeCloseTo(360 / NOV + (4 * 360) / DEC, 10);
    expect(roundHalfUp(targetsOver(week, ctx).dial)).toBe(80); // 17.14 + 4 × 15.65 = 79.75
  });
});

describe('holidays', () => {
  const christmas = calendar({ holidays: new Set(['2026-12-25']) });

  it('a team holiday is not a workday: the month has one workday fewer and the others take its share', () => {
    const ctx = context({ calendar: christmas });
    expect(isWorkday('2026-12-25', christmas)).toBe(false);
    expect(workdaysInMonth('2026-12-01', christmas)).toBe(DEC - 1);
    expect(dailyTargets('2026-12-25', ctx).dial).toBe(0);
    expect(dailyTargets('2026-12-24', ctx).dial).toBeCloseTo(360 / 22, 10);
    expect(targetsOver(monthDays('2026-12-01'), ctx).dial).toBeCloseTo(360, 9);
    expect(targetsOver(weekOf('2026-12-25'), ctx).dial).toBeCloseTo((4 * 360) / 22, 10);
  });

  it('a holiday on a weekend changes nothing', () => {
    expect(workdaysInMonth('2026-12-01', calendar({ holidays: new Set(['2026-12-26']) }))).toBe(DEC);
  });
});

describe('absences', () => {
  const pto = (startDate: LocalDate, endDate: LocalDate): AbsenceSpan => ({ kind: 'pto', startDate, endDate, rampPercent: null });

  it('PTO mid-week zeroes those days; the week’s target drops and is NOT spread over the other days', () => {
    const ctx = context({ absences: [pto('2026-12-09', '2026-12-10')] }); // Wed–Thu
    const week = weekOf('2026-12-09');
    expect(dailyTargets('2026-12-09', ctx).dial).toBe(0);
    expect(dailyTargets('2026-12-10', ctx).dial).toBe(0);
    // The rest keep the normal daily rate: the month still has 23 workdays for the team.
    expect(dailyTargets('2026-12-08', ctx).dial).toBeCloseTo(360 / DEC, 10);
    expect(dailyTargets('2026-12-11', ctx).dial).toBeCloseTo(360 / DEC, 10);
    expect(targetsOver(week, ctx).dial).toBeCloseTo((3 * 360) / DEC, 10);
    expect(targetsOver(week, context()).dial).toBeCloseTo((5 * 360) / DEC, 10);
    expect(targetsOver(monthDays('2026-12-01'), ctx).dial).toBeCloseTo(360 - (2 * 360) / DEC, 9);
    expect(attendance('2026-12-09', ctx.absences)).toBe(0);
    expect(attendance('2026-12-11', ctx.absences)).toBe(1);
  });

  it('sick days count like PTO', () => {
    const ctx = context({ absences: [{ kind: 'sick', startDate: '2026-12-04', endDate: '2026-12-04', rampPercent: null }] });
    expect(dailyTargets('2026-12-04', ctx).dial).toBe(0);
    expect(absenceOn('2026-12-04', ctx.absences)?.kind).toBe('sick');
    expect(absenceOn('2026-12-03', ctx.absences)).toBeUndefined();
  });

  it('a 50% ramp halves every day’s target in its span', () => {
    const ramp: AbsenceSpan = { kind: 'ramp', startDate: '2026-12-01', endDate: '2026-12-31', rampPercent: 50 };
    const ctx = context({ absences: [ramp] });
    expect(dailyTargets('2026-12-04', ctx).dial).toBeCloseTo(360 / DEC / 2, 10);
    expect(targetsOver(monthDays('2026-12-01'), ctx).dial).toBeCloseTo(180, 9);
    expect(targetsOver(weekOf('2026-12-04'), ctx).dial).toBeCloseTo(360 / NOV + (4 * 360) / DEC / 2, 10); // 30 Nov is before the ramp
    expect(attendance('2026-12-04', ctx.absences)).toBe(0.5);
    // PTO inside a ramp: the day is off, and time off is what the day is marked as.
    const both = [ramp, pto('2026-12-04', '2026-12-04')];
    expect(attendance('2026-12-04', both)).toBe(0);
    expect(absenceOn('2026-12-04', both)?.kind).toBe('pto');
    expect(absenceOn('2026-12-03', both)?.kind).toBe('ramp');
  });
});

describe('plans over time', () => {
  it('a plan changed mid-month: days before effectiveFrom keep the old plan’s rate, days from it the new one’s', () => {
    const ctx = context({ teamPlans: [plan('2026-11-01'), plan('2026-12-15', { revenueTarget: 200_000 })] });
    expect(dailyTargets('2026-12-14', ctx).dial).toBeCloseTo(360 / DEC, 10);
    expect(dailyTargets('2026-12-15', ctx).dial).toBeCloseTo(720 / DEC, 10);
    // 10 workdays (1–14 Dec) at the old rate, 13 (15–31 Dec) at the new one.
    expect(targetsOver(monthDays('2026-12-01'), ctx).dial).toBeCloseTo((10 * 360 + 13 * 720) / DEC, 9);
    // A past week keeps the targets it had.
    expect(targetsOver(weekOf('2026-12-07'), ctx).dial).toBeCloseTo((5 * 360) / DEC, 10);
  });

  it('of two plans taking effect the same day, the later one (saved last) is in force', () => {
    const ctx = context({ teamPlans: [plan('2026-12-01'), plan('2026-12-01', { revenueTarget: 200_000 })] });
    expect(planOn('2026-12-04', ctx)?.monthly.dial).toBe(720);
  });

  it('no plan in force yet: nothing is due (a plan starting 1 Dec gives 30 Nov nothing)', () => {
    const ctx = context({ teamPlans: [plan('2026-12-01')] });
    expect(planOn('2026-11-30', ctx)).toBeUndefined();
    expect(dailyTargets('2026-11-30', ctx).dial).toBe(0);
    expect(targetsOver(weekOf('2026-12-04'), ctx).dial).toBeCloseTo((4 * 360) / DEC, 10);
  });

  it('a rep’s own plan beats the team’s from the day it takes effect, even when the team’s is newer', () => {
    const ctx = context({
      teamPlans: [plan('2026-11-01'), plan('2026-12-10', { revenueTarget: 300_000 })],
      repPlans: [plan('2026-12-01', { revenueTarget: 50_000 })],
    });
    expect(dailyTargets('2026-11-30', ctx).dial).toBeCloseTo(360 / NOV, 10);
    expect(dailyTargets('2026-12-01', ctx).dial).toBeCloseTo(180 / DEC, 10);
    expect(dailyTargets('2026-12-10', ctx).dial).toBeCloseTo(180 / DEC, 10);
    expect(planOn('2026-12-10', ctx)?.monthly.dial).toBe(180);
  });
});

describe('a rep whose zone is far from the team’s (Asia/Kolkata, UTC+5:30)', () => {
  // Plans and holidays are team-wide calendar dates; each rep reads them in their own zone.
  const ctx = context({ calendar: calendar({ holidays: new Set(['2026-12-07']) }) });
  const zone = 'Asia/Kolkata';

  it('“today” and the week are the rep’s: Sunday 19:00 UTC is already Monday in Kolkata', () => {
    const now = new Date('2026-12-06T19:00:00Z'); // Mon 7 Dec 00:30 IST
    const today = localDate(now, zone);
    expect(today).toBe('2026-12-07');
    expect(localDate(now, 'America/New_York')).toBe('2026-12-06');
    expect(weekOf(today)[0]).toBe('2026-12-07');
    // The team holiday is the rep's Monday 7 Dec.
    expect(isWorkday(today, ctx.calendar)).toBe(false);
    expect(targetsOver(weekOf(today), ctx).dial).toBeCloseTo((4 * 360) / (DEC - 1), 10);
  });
});
