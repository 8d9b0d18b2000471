import type { KindTargets, TargetContext } from '../../../../src/services/goals/targets.js';
import { reportWindows, targetChange, workdaysIn } from '../../../../src/services/absences/target-change.js';

const calendar = { workDays: [1, 2, 3, 4, 5], holidays: new Set<string>(), workdayStart: '09:00', workdayEnd: '17:00' };
const plan = { effectiveFrom: '2026-12-01', monthly: { dial: 360, conversation: 120, presentation: 40, opportunity: 20, close: 10 } };
const ctx = (absences: TargetContext['absences'] = [], teamPlans = [plan]): TargetContext => ({ calendar, teamPlans, repPlans: [], absences });
const round = (t: KindTargets) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));

describe('reportWindows', () => {
  const today = '2026-12-04'; // Friday; this week is Mon 30 Nov – Sun 6 Dec
  it('uses this month and this week when the absence reaches into them', () => {
    const w = reportWindows({ startDate: '2026-12-03', endDate: '2026-12-08' }, today);
    expect([w.month.current, w.month.first, w.month.days.length]).toEqual([true, '2026-12-01', 31]);
    expect([w.week.current, w.week.first, w.week.days.at(-1)]).toEqual([true, '2026-11-30', '2026-12-06']);
  });
  it('uses the week the absence starts in when it is later this month', () => {
    const w = reportWindows({ startDate: '2026-12-24', endDate: '2026-12-31' }, today);
    expect([w.month.current, w.week.current, w.week.first]).toEqual([true, false, '2026-12-21']);
  });
  it('uses the month and week the absence starts in when it is in another month', () => {
    const w = reportWindows({ startDate: '2027-01-06', endDate: '2027-01-08' }, today);
    expect([w.month.current, w.month.first, w.month.days.length]).toEqual([false, '2027-01-01', 31]);
    expect([w.week.current, w.week.first]).toEqual([false, '2027-01-04']);
  });
});

describe('targetChange', () => {
  it('sums each window’s days before and after (December 2026: 23 workdays)', () => {
    const range = { startDate: '2026-12-24', endDate: '2026-12-31' };
    const change = targetChange(range, '2026-12-04', ctx(), ctx([{ kind: 'pto', ...range, rampPercent: null }]));
    expect(round(change.month.before)).toEqual(plan.monthly);
    expect(change.month.after.dial).toBeCloseTo((360 * 17) / 23, 9);
    expect(change.week.before.dial).toBeCloseTo((360 * 5) / 23, 9);
    expect(change.week.after.close).toBeCloseTo((10 * 3) / 23, 9);
    expect(change.kinds).toEqual(['dial', 'conversation', 'presentation', 'opportunity', 'close']);
  });
  it('scales ramp days by their share', () => {
    const range = { startDate: '2026-12-01', endDate: '2026-12-31' };
    const change = targetChange(range, '2026-12-04', ctx(), ctx([{ kind: 'ramp', ...range, rampPercent: 25 }]));
    expect(change.month.after.dial).toBeCloseTo(90, 9);
  });
  it('has no kinds when no goal is in force', () => {
    const range = { startDate: '2026-12-24', endDate: '2026-12-31' };
    expect(targetChange(range, '2026-12-04', ctx([], []), ctx([], [])).kinds).toEqual([]);
  });
});

describe('workdaysIn', () => {
  it('counts only the team’s workdays: weekends and holidays are not', () => {
    const ranges = [{ startDate: '2026-12-24', endDate: '2026-12-31' }];
    expect(workdaysIn(ranges, calendar)).toBe(6);
    expect(workdaysIn(ranges, { ...calendar, holidays: new Set(['2026-12-25']) })).toBe(5);
    expect(workdaysIn(ranges, { ...calendar, workDays: [1, 2, 3, 4, 5, 6] })).toBe(7);
    expect(workdaysIn([...ranges, { startDate: '2027-01-04', endDate: '2027-01-04' }], calendar)).toBe(7);
  });
});
