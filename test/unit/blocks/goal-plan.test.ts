import type { InputBlock, KnownBlock, SectionBlock } from '@slack/types';
import { buildGoalModal, feasibilityText, funnelExplanation, goalRefusalReply, goalSavedMessage, previewText, type GoalPreview } from '../../../src/blocks/goal-plan.js';
import { ACTION, CALLBACK, GOAL_MODAL } from '../../../src/blocks/ids.js';
import { LIMITS } from '../../../src/blocks/slack-limits.js';
import { defaultGoalFields, type GoalFields } from '../../../src/listeners/views/goal-plan-form.js';
import { checkFeasibility, type LearnedRatios } from '../../../src/services/goals/learned-ratios.js';
import { planFromRevenue, SEED_RATIOS, type PlanInput } from '../../../src/services/goals/plan-from-revenue.js';
import { summarizePlan } from '../../../src/services/goals/plan-summary.js';
import type { TeamCalendar } from '../../../src/services/goals/targets.js';

const TODAY = '2026-12-04';
const CALENDAR: TeamCalendar = { workDays: [1, 2, 3, 4, 5], holidays: new Set(['2026-12-25']), workdayStart: '09:00', workdayEnd: '17:00' };
const SEED: PlanInput = { revenueTarget: 100_000, averageDealSize: 10_000, ...SEED_RATIOS };
const WINDOW = { start: new Date('2026-10-09T15:00:00Z'), end: new Date('2026-12-04T15:00:00Z') };
const FEW: LearnedRatios = { enough: false, dials: 120, needed: 200, window: WINDOW };
const counts = { dial: 250, conversation: 20, presentation: 8, opportunity: 4, close: 2 };
const HISTORY: LearnedRatios = {
  enough: true,
  dials: 250,
  counts,
  ratios: { dialToConversation: 0.08, conversationToPresentation: 0.4, presentationToOpportunity: 0.5, closeRate: 0.5 },
  window: WINDOW,
};

const preview = (plan: PlanInput, learned: LearnedRatios = FEW, effectiveFrom = TODAY): GoalPreview => ({
  ok: true,
  plan,
  effectiveFrom,
  summary: summarizePlan(plan, effectiveFrom, CALENDAR),
  feasibility: learned.enough ? checkFeasibility(plan, learned.ratios) : null,
});

const modal = (fields: GoalFields = defaultGoalFields(null, TODAY), p: GoalPreview = preview(SEED), learned: LearnedRatios = FEW) =>
  buildGoalModal({ fields, teamName: 'Sales', today: TODAY, earliest: '2026-12-01', inForceFrom: null, learned, preview: p });

const byId = (blocks: readonly unknown[], id: string) => (blocks as KnownBlock[]).find((b) => b.block_id === id);
const sectionText = (blocks: readonly unknown[], id: string) => (byId(blocks, id) as SectionBlock).text!.text;

describe('funnelExplanation', () => {
  it('reads the seed example the way the source idea tells it', () => {
    expect(funnelExplanation(SEED, planFromRevenue(SEED))).toBe(
      '$100,000 ÷ $10,000 = 10 closes ← 20 opportunities ← 40 presentations ← 120 conversations ← 360 dials',
    );
  });

  it('marks targets set directly', () => {
    const plan = { ...SEED, overrides: { close: 12, dial: 500 } };
    expect(funnelExplanation(plan, planFromRevenue(plan))).toBe(
      '$100,000 ÷ $10,000 = 10 closes (set to 12) ← 24 opportunities ← 48 presentations ← 144 conversations ← 500 dials (set directly)',
    );
  });
});

describe('buildGoalModal', () => {
  it('is a goal_plan modal within Slack’s limits, every input dispatching goal_preview', () => {
    const view = modal();
    expect(view.callback_id).toBe(CALLBACK.goalPlan);
    expect(view.title.text).toBe('Goal plan');
    for (const t of [view.title.text, view.submit!.text, view.close!.text]) expect(t.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const inputs = (view.blocks as KnownBlock[]).filter((b): b is InputBlock => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual([
      GOAL_MODAL.revenueBlock,
      GOAL_MODAL.dealBlock,
      GOAL_MODAL.ratioBlock('closeRate'),
      GOAL_MODAL.ratioBlock('presentationToOpportunity'),
      GOAL_MODAL.ratioBlock('conversationToPresentation'),
      GOAL_MODAL.ratioBlock('dialToConversation'),
      GOAL_MODAL.overrideBlock('dial'),
      GOAL_MODAL.overrideBlock('conversation'),
      GOAL_MODAL.overrideBlock('presentation'),
      GOAL_MODAL.overrideBlock('opportunity'),
      GOAL_MODAL.overrideBlock('close'),
      GOAL_MODAL.effectiveBlock,
      GOAL_MODAL.repBlock,
    ]);
    for (const input of inputs) {
      expect(input.dispatch_action).toBe(true);
      expect(input.element.action_id).toBe(ACTION.goalPreview);
      if (input.element.type === 'plain_text_input') {
        expect(input.element.dispatch_action_config).toEqual({ trigger_actions_on: ['on_enter_pressed', 'on_character_entered'] });
      }
    }
    expect(inputs.map((b) => b.label.text).slice(2, 6)).toEqual([
      'Close rate (opportunity → close)',
      'Presentation → opportunity',
      'Conversation → presentation',
      'Dial → conversation',
    ]);
    expect(inputs.filter((b) => b.optional).map((b) => b.block_id)).toEqual([
      ...['dial', 'conversation', 'presentation', 'opportunity', 'close'].map((k) => `goal_override_${k}`),
      GOAL_MODAL.repBlock,
    ]);
  });

  it('shows the fields it is given as initial values (so a rebuilt modal keeps what was typed)', () => {
    const fields = { ...defaultGoalFields(null, TODAY), revenue: '200000', repUserId: 'U0REP', effectiveFrom: '2026-12-07' };
    fields.overrides.dial = '900';
    const view = modal(fields);
    const element = (id: string) => (byId(view.blocks, id) as InputBlock).element as unknown as Record<string, unknown>;
    expect(element(GOAL_MODAL.revenueBlock).initial_value).toBe('200000');
    expect(element(GOAL_MODAL.dealBlock).initial_value).toBe('$10,000');
    expect(element(GOAL_MODAL.ratioBlock('dialToConversation')).initial_value).toBe('33⅓%');
    expect(element(GOAL_MODAL.overrideBlock('dial')).initial_value).toBe('900');
    expect(element(GOAL_MODAL.overrideBlock('close'))).not.toHaveProperty('initial_value');
    expect(element(GOAL_MODAL.effectiveBlock)).toMatchObject({ type: 'datepicker', initial_date: '2026-12-07' });
    expect(element(GOAL_MODAL.repBlock)).toMatchObject({ type: 'users_select', initial_user: 'U0REP' });
  });

  it('previews monthly, weekly and daily targets with the one-line explanation', () => {
    const text = sectionText(modal().blocks, GOAL_MODAL.previewBlock);
    expect(text).toContain('*Targets for each rep on Sales, from today*');
    expect(text).toContain('$100,000 ÷ $10,000 = 10 closes ← 20 opportunities ← 40 presentations ← 120 conversations ← 360 dials');
    // December 2026: 22 workdays (the 25th is a holiday), 5 a week.
    expect(text).toContain(':telephone_receiver: *Dials*: 360 a month · 81.8 a week · 16.4 a day');
    expect(text).toContain(':trophy: *Closes*: 10 a month · 2.3 a week · 0.5 a day');
    expect(text).toContain('December 2026 has 22 workdays; the team works 5 days a week.');
  });

  it('marks overridden targets in the preview with the computed number beside them', () => {
    const plan = { ...SEED, overrides: { dial: 500 } };
    const text = previewText(preview(plan), 'for <@U0REP>', TODAY);
    expect(text).toContain('*Targets for <@U0REP>, from today*');
    expect(text).toContain('*Dials*: 500 a month _(set directly; computed 360)_');
  });

  it('says what is wrong instead of numbers when the form has problems', () => {
    const text = sectionText(modal(undefined, { ok: false, problems: ['Average deal size: must be more than $0.'] }).blocks, GOAL_MODAL.previewBlock);
    expect(text).toBe(':pencil2: *Fix these to see the targets:*\n• Average deal size: must be more than $0.');
    expect(text).not.toMatch(/a month/);
  });

  it('says when there is not enough history yet', () => {
    expect(sectionText(modal().blocks, GOAL_MODAL.feasibilityBlock)).toContain('not enough history yet (120 of 200 dials in the last 8 weeks)');
    const hint = (byId(modal().blocks, GOAL_MODAL.ratioBlock('dialToConversation')) as InputBlock).hint!.text;
    expect(hint).toBe('e.g. 50%, 33⅓%, 1/3, 1 in 3 or 0.5');
  });

  it('shows observed ratios beside the plan’s and warns with the dials the observed rates really need', () => {
    const view = modal(undefined, preview(SEED, HISTORY), HISTORY);
    const text = sectionText(view.blocks, GOAL_MODAL.feasibilityBlock);
    expect(text).toContain('*Plan vs your team’s last 8 weeks* (250 dials logged)');
    expect(text).toContain(':warning: Dial → conversation: plan 33⅓% · 8% observed (20 of 250)');
    expect(text).toContain('• Conversation → presentation: plan 33⅓% · 40% observed (8 of 20)');
    expect(text).toContain('• Close rate (opportunity → close): plan 50% · 50% observed (2 of 4)');
    expect(text).toContain('*This plan assumes better conversion than your team shows* (more than 1.5× the observed rate): dial → conversation 33⅓% vs 8%.');
    expect(text).toContain('At the observed rates, 10 closes really need *1,500 dials a month* (the plan says 360)');
    const hint = (byId(view.blocks, GOAL_MODAL.ratioBlock('dialToConversation')) as InputBlock).hint!.text;
    expect(hint).toContain('Your team’s last 8 weeks: 8% (20 of 250).');
  });

  it('does not warn when the plan is within reach of the history', () => {
    const plan = { ...SEED, dialToConversation: 0.1 };
    const text = feasibilityText(HISTORY, preview(plan, HISTORY));
    expect(text).toContain('• Dial → conversation: plan 10% · 8% observed');
    expect(text).not.toContain(':warning:');
  });

  it('keeps every text within Slack’s limits even with a very long team name', () => {
    const view = buildGoalModal({
      fields: defaultGoalFields(null, TODAY),
      teamName: 'S'.repeat(5000),
      today: TODAY,
      earliest: '2026-12-01',
      inForceFrom: '2026-11-01',
      learned: HISTORY,
      preview: preview(SEED, HISTORY),
    });
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'text' && typeof value === 'string') expect(value.length).toBeLessThanOrEqual(LIMITS.sectionText);
          else walk(value);
        }
      }
    };
    walk(view.blocks);
  });

  it('escapes a team name so it can’t ping anyone', () => {
    const view = buildGoalModal({ ...{ fields: defaultGoalFields(null, TODAY), today: TODAY, earliest: '2026-12-01', inForceFrom: null, learned: FEW, preview: preview(SEED) }, teamName: '<!channel> & co' });
    expect(sectionText(view.blocks, GOAL_MODAL.previewBlock)).toContain('each rep on &lt;!channel&gt; &amp; co');
  });
});

describe('goalSavedMessage and goalRefusalReply', () => {
  it('confirms the plan with its monthly, weekly and daily targets', () => {
    const reply = goalSavedMessage({ teamName: 'Sales', repUserId: undefined, today: TODAY, preview: preview(SEED) as Extract<GoalPreview, { ok: true }> });
    expect(reply.text).toBe(':dart: Goal plan saved: targets for each rep on Sales from today.');
    const text = reply.blocks.map((b) => (b.type === 'section' ? b.text!.text : b.type === 'context' ? (b.elements[0] as { text: string }).text : '')).join('\n');
    expect(text).toContain('$100,000 ÷ $10,000 = 10 closes ← 20 opportunities');
    expect(text).toContain('*Dials*: 360 a month · 81.8 a week · 16.4 a day');
    expect(text).not.toContain(':warning:');
  });

  it('repeats the feasibility warning in the confirmation', () => {
    const reply = goalSavedMessage({ teamName: 'Sales', repUserId: 'U0REP', today: TODAY, preview: preview(SEED, HISTORY, '2026-12-07') as Extract<GoalPreview, { ok: true }> });
    expect(reply.text).toBe(':dart: Goal plan saved: targets for <@U0REP> from Mon 7 Dec.');
    expect(JSON.stringify(reply.blocks)).toContain('dial → conversation 33⅓% vs 8% observed. At the observed rates it really needs 1,500 dials a month.');
  });

  it('tells a non-manager who can set goals', () => {
    expect(goalRefusalReply({ teamName: 'Sales', managerUserIds: ['U0BOSS'] }).text).toBe(
      ':no_entry: Only managers can set goals: workspace admins and owners, and the managers named for a team in `/dial team`. Sales’s managers are <@U0BOSS>. Ask one of them to run `/dial goal`.',
    );
    expect(goalRefusalReply({ teamName: 'Sales', managerUserIds: [] }).text).toContain('Sales has no managers named yet');
    expect(goalRefusalReply({ teamName: null, managerUserIds: [] }).text).toContain('You aren’t on a team yet');
  });
});
