import { parseRatio } from '../../../../src/lib/goal-numbers.js';
import { planFromRevenue, SEED_RATIOS, type FunnelRatios } from '../../../../src/services/goals/plan-from-revenue.js';
import { summarizePlan } from '../../../../src/services/goals/plan-summary.js';
import type { TeamCalendar } from '../../../../src/services/goals/targets.js';

const ratio = (text: string) => {
  const r = parseRatio(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

const SEED = { revenueTarget: 100_000, averageDealSize: 10_000, ...SEED_RATIOS };
const WEEKDAYS: TeamCalendar = { workDays: [1, 2, 3, 4, 5], holidays: new Set(), workdayStart: '09:00', workdayEnd: '17:00' };

describe('planFromRevenue', () => {
  it('works the seed example back exactly: 10 closes ← 20 opps ← 40 presentations ← 120 conversations ← 360 dials', () => {
    expect(planFromRevenue(SEED)).toEqual({
      targets: { close: 10, opportunity: 20, presentation: 40, conversation: 120, dial: 360 },
      computed: { close: 10, opportunity: 20, presentation: 40, conversation: 120, dial: 360 },
      overridden: [],
    });
  });

  it('gives the same numbers with ratios typed as "50%", "50%", "1/3", "1/3"', () => {
    const typed: FunnelRatios = {
      closeRate: ratio('50%'),
      presentationToOpportunity: ratio('50%'),
      conversationToPresentation: ratio('1/3'),
      dialToConversation: ratio('1/3'),
    };
    expect(planFromRevenue({ revenueTarget: 100_000, averageDealSize: 10_000, ...typed }).targets).toEqual({
      close: 10,
      opportunity: 20,
      presentation: 40,
      conversation: 120,
      dial: 360,
    });
    expect(planFromRevenue({ ...SEED, conversationToPresentation: ratio('33⅓%'), dialToConversation: ratio('1 in 3') }).targets.dial).toBe(360);
  });

  it('rounds every stage up: a fraction of a close is still a close to make', () => {
    expect(planFromRevenue({ ...SEED, revenueTarget: 105_000 }).targets).toEqual({ close: 11, opportunity: 22, presentation: 44, conversation: 132, dial: 396 });
    // 10 ÷ 0.3 = 33.3… opportunities → 34, and the stages before work from 34.
    expect(planFromRevenue({ ...SEED, closeRate: 0.3 }).targets).toMatchObject({ close: 10, opportunity: 34, presentation: 68, conversation: 204, dial: 612 });
  });

  it('an override replaces the computed target and feeds the stages before it, not after', () => {
    const plan = planFromRevenue({ ...SEED, overrides: { presentation: 50 } });
    expect(plan.targets).toEqual({ close: 10, opportunity: 20, presentation: 50, conversation: 150, dial: 450 });
    expect(plan.computed.presentation).toBe(40);
    expect(plan.overridden).toEqual(['presentation']);

    const dialsOnly = planFromRevenue({ ...SEED, overrides: { dial: 400, close: 12 } });
    expect(dialsOnly.targets).toEqual({ close: 12, opportunity: 24, presentation: 48, conversation: 144, dial: 400 });
    expect(dialsOnly.computed).toMatchObject({ close: 10, dial: 432 });
    expect(dialsOnly.overridden).toEqual(['dial', 'close']);
  });
});

describe('summarizePlan', () => {
  it('splits the month by the team calendar: daily = monthly ÷ workdays, weekly = daily × workdays a week', () => {
    // December 2026 has 23 weekdays; with the 25th a holiday, 22.
    const calendar = { ...WEEKDAYS, holidays: new Set(['2026-12-25']) };
    const summary = summarizePlan(SEED, '2026-12-04', calendar);
    expect(summary.month).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(summary.workdays).toBe(22);
    expect(summary.workdaysPerWeek).toBe(5);
    expect(summary.monthly.targets.dial).toBe(360);
    expect(summary.daily.dial).toBeCloseTo(360 / 22, 10);
    expect(summary.weekly.dial).toBeCloseTo((360 / 22) * 5, 10);
    expect(summary.daily.close).toBeCloseTo(10 / 22, 10);
  });

  it('uses the team’s own workdays (a six-day week) and the month of the effective date', () => {
    const summary = summarizePlan(SEED, '2027-02-10', { ...WEEKDAYS, workDays: [1, 2, 3, 4, 5, 6] });
    expect(summary.workdays).toBe(24); // February 2027: 4 weeks of 6 days
    expect(summary.workdaysPerWeek).toBe(6);
    expect(summary.daily.dial).toBe(15);
    expect(summary.weekly.dial).toBe(90);
  });
});
