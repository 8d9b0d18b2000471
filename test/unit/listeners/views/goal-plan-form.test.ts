import { ACTION, GOAL_MODAL } from '../../../../src/blocks/ids.js';
import type { GoalPlan } from '../../../../src/generated/prisma/client.js';
import { defaultGoalFields, readGoalFields, validateGoalFields, type GoalFields } from '../../../../src/listeners/views/goal-plan-form.js';
import { SEED_RATIOS } from '../../../../src/services/goals/plan-from-revenue.js';

const TODAY = '2026-12-04';
const RULES = { earliest: '2026-12-01', latest: '2027-12-04' };
const seedFields = (): GoalFields => defaultGoalFields(null, TODAY);
const withFields = (change: (f: GoalFields) => void): GoalFields => {
  const f = seedFields();
  change(f);
  return f;
};
const errorsOf = (fields: GoalFields) => {
  const result = validateGoalFields(fields, RULES);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
};

describe('defaultGoalFields', () => {
  it('opens with the seed example when no plan is in force, thirds written so they read back exactly', () => {
    expect(seedFields()).toEqual({
      revenue: '$100,000',
      deal: '$10,000',
      ratios: { closeRate: '50%', presentationToOpportunity: '50%', conversationToPresentation: '33⅓%', dialToConversation: '33⅓%' },
      overrides: { dial: '', conversation: '', presentation: '', opportunity: '', close: '' },
      effectiveFrom: TODAY,
      repUserId: '',
    });
  });

  it('pre-fills from the plan in force, overrides included', () => {
    const plan = {
      revenueTarget: 250_000,
      averageDealSize: 12_500,
      closeRate: 0.25,
      presentationToOpportunity: 0.4,
      conversationToPresentation: 0.2,
      dialToConversation: 0.08,
      overrides: { dial: 900 },
    } as unknown as GoalPlan;
    expect(defaultGoalFields(plan, TODAY)).toMatchObject({
      revenue: '$250,000',
      deal: '$12,500',
      ratios: { closeRate: '25%', presentationToOpportunity: '40%', conversationToPresentation: '20%', dialToConversation: '8%' },
      overrides: { dial: '900', close: '' },
    });
  });
});

describe('readGoalFields', () => {
  it('reads each block’s goal_preview element from state.values', () => {
    const values = {
      [GOAL_MODAL.revenueBlock]: { [ACTION.goalPreview]: { type: 'plain_text_input', value: '200000' } },
      [GOAL_MODAL.ratioBlock('closeRate')]: { [ACTION.goalPreview]: { type: 'plain_text_input', value: '1 in 4' } },
      [GOAL_MODAL.overrideBlock('dial')]: { [ACTION.goalPreview]: { type: 'plain_text_input', value: null } },
      [GOAL_MODAL.effectiveBlock]: { [ACTION.goalPreview]: { type: 'datepicker', selected_date: '2026-12-07' } },
      [GOAL_MODAL.repBlock]: { [ACTION.goalPreview]: { type: 'users_select', selected_user: 'U0REP' } },
    };
    expect(readGoalFields(values)).toMatchObject({
      revenue: '200000',
      deal: '',
      ratios: { closeRate: '1 in 4', dialToConversation: '' },
      overrides: { dial: '' },
      effectiveFrom: '2026-12-07',
      repUserId: 'U0REP',
    });
  });
});

describe('validateGoalFields', () => {
  it('turns the seed example into exactly the seed plan, for the whole team, from today', () => {
    expect(validateGoalFields(seedFields(), RULES)).toEqual({
      ok: true,
      form: {
        revenueTarget: 100_000,
        averageDealSize: 10_000,
        ...SEED_RATIOS,
        ratios: SEED_RATIOS,
        overrides: undefined,
        effectiveFrom: TODAY,
        repUserId: undefined,
      },
    });
  });

  it('keeps overrides and the rep', () => {
    const result = validateGoalFields(
      withFields((f) => {
        f.overrides.dial = '400';
        f.overrides.close = ' 12 ';
        f.repUserId = 'U0REP';
        f.effectiveFrom = '2027-01-01';
      }),
      RULES,
    );
    expect(result).toMatchObject({ ok: true, form: { overrides: { dial: 400, close: 12 }, repUserId: 'U0REP', effectiveFrom: '2027-01-01' } });
  });

  it.each<[string, (f: GoalFields) => void, string, RegExp]>([
    ['revenue 0', (f) => (f.revenue = '0'), GOAL_MODAL.revenueBlock, /more than \$0/],
    ['negative revenue', (f) => (f.revenue = '-100000'), GOAL_MODAL.revenueBlock, /more than \$0/],
    ['non-numeric revenue', (f) => (f.revenue = 'a lot'), GOAL_MODAL.revenueBlock, /can’t read “a lot” as an amount/],
    ['absurd revenue', (f) => (f.revenue = '1000000001'), GOAL_MODAL.revenueBlock, /at most \$1,000,000,000/],
    ['deal size 0', (f) => (f.deal = '0'), GOAL_MODAL.dealBlock, /average deal size must be more than \$0/],
    ['deal size above revenue', (f) => (f.deal = '200000'), GOAL_MODAL.dealBlock, /average deal size \(\$200,000\) is more than the monthly revenue target \(\$100,000\)/],
    ['ratio 0', (f) => (f.ratios.closeRate = '0'), GOAL_MODAL.ratioBlock('closeRate'), /more than 0%/],
    ['ratio over 100%', (f) => (f.ratios.dialToConversation = '150%'), GOAL_MODAL.ratioBlock('dialToConversation'), /more than 100%/],
    ['ratio unreadable', (f) => (f.ratios.presentationToOpportunity = 'half'), GOAL_MODAL.ratioBlock('presentationToOpportunity'), /can’t read/],
    ['override 0', (f) => (f.overrides.dial = '0'), GOAL_MODAL.overrideBlock('dial'), /from 1 to 1,000,000 dials/],
    ['override fractional', (f) => (f.overrides.conversation = '2.5'), GOAL_MODAL.overrideBlock('conversation'), /whole number/],
    ['override too big', (f) => (f.overrides.close = '1000001'), GOAL_MODAL.overrideBlock('close'), /from 1 to 1,000,000 closes/],
    ['date last month', (f) => (f.effectiveFrom = '2026-11-30'), GOAL_MODAL.effectiveBlock, /Pick 2026-12-01 or later/],
    ['date over a year ahead', (f) => (f.effectiveFrom = '2027-12-05'), GOAL_MODAL.effectiveBlock, /up to 2027-12-04/],
    ['no date', (f) => (f.effectiveFrom = ''), GOAL_MODAL.effectiveBlock, /Pick the day this plan takes effect/],
    ['not a date', (f) => (f.effectiveFrom = '2026-02-30'), GOAL_MODAL.effectiveBlock, /Pick the day/],
    ['forged rep id', (f) => (f.repUserId = '<script>'), GOAL_MODAL.repBlock, /Pick a rep from the list/],
  ])('answers %s with an error on its own field', (_label, change, block, message) => {
    const errors = errorsOf(withFields(change));
    expect(Object.keys(errors)).toEqual([block]);
    expect(errors[block]).toMatch(message);
  });

  it('accepts the first of the month and exactly a year ahead', () => {
    expect(validateGoalFields(withFields((f) => (f.effectiveFrom = '2026-12-01')), RULES).ok).toBe(true);
    expect(validateGoalFields(withFields((f) => (f.effectiveFrom = '2027-12-04')), RULES).ok).toBe(true);
  });

  it('reports every bad field at once', () => {
    const errors = errorsOf(
      withFields((f) => {
        f.revenue = 'x';
        f.ratios.closeRate = '-5%';
        f.overrides.dial = '0';
      }),
    );
    expect(Object.keys(errors).sort()).toEqual([GOAL_MODAL.overrideBlock('dial'), GOAL_MODAL.ratioBlock('closeRate'), GOAL_MODAL.revenueBlock].sort());
  });

  it('refuses ratios so small the plan works back to more than a million a month', () => {
    const errors = errorsOf(
      withFields((f) => {
        f.revenue = '$1,000,000,000';
        f.deal = '1';
        f.ratios.dialToConversation = '0.01%';
      }),
    );
    expect(errors[GOAL_MODAL.revenueBlock]).toMatch(/work back to [\d,]+ (dials|conversations|presentations|opportunities|closes) a month, more than 1,000,000/);
  });
});
