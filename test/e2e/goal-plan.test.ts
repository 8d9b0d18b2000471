// The goal plan end to end: `/dial goal` opens the modal for managers only, the preview follows
// what is typed, bad input gets field errors and stores nothing, a good plan is stored once with
// its audit event and confirmed by DM, and the team's own history (logged through `/dial`) flags
// a plan that assumes better conversion than the team shows.
import { ACTION, CALLBACK, GOAL_MODAL } from '../../src/blocks/ids.js';
import { KINDS, type Kind } from '../../src/lib/kinds.js';
import { eventually, slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';

const ADMIN = 'U0ADMIN';
const REP1 = 'U0REP1';
const REP2 = 'U0REP2';
const REP3 = 'U0REP3';
const NEWBIE = 'U0NEW';
const NOW = '2026-12-04T15:00:00Z'; // Friday 10:00 in New York

type Form = {
  revenue?: string;
  deal?: string;
  ratios?: Partial<Record<'closeRate' | 'presentationToOpportunity' | 'conversationToPresentation' | 'dialToConversation', string>>;
  overrides?: Partial<Record<Kind, string>>;
  date?: string | null;
  rep?: string | null;
};

/** The modal's state.values as Slack sends them (seed defaults unless changed). */
function values(form: Form = {}): Record<string, Record<string, unknown>> {
  const text = (value: string | undefined) => ({ [ACTION.goalPreview]: { type: 'plain_text_input', value: value ?? null } });
  const ratios = { closeRate: '50%', presentationToOpportunity: '50%', conversationToPresentation: '33⅓%', dialToConversation: '33⅓%', ...form.ratios };
  const state: Record<string, Record<string, unknown>> = {
    [GOAL_MODAL.revenueBlock]: text(form.revenue ?? '$100,000'),
    [GOAL_MODAL.dealBlock]: text(form.deal ?? '$10,000'),
    [GOAL_MODAL.effectiveBlock]: { [ACTION.goalPreview]: { type: 'datepicker', selected_date: form.date === undefined ? '2026-12-04' : form.date } },
    [GOAL_MODAL.repBlock]: { [ACTION.goalPreview]: { type: 'users_select', selected_user: form.rep ?? null } },
  };
  for (const [key, value] of Object.entries(ratios)) state[GOAL_MODAL.ratioBlock(key)] = text(value);
  for (const kind of KINDS) state[GOAL_MODAL.overrideBlock(kind)] = text(form.overrides?.[kind]);
  return state;
}

type ViewArg = { callback_id: string; title: { text: string }; blocks: Array<Record<string, any>> };

const block = (view: ViewArg, id: string) => view.blocks.find((b) => b.block_id === id)!;
const initial = (view: ViewArg, id: string) => {
  const element = block(view, id).element;
  return element.initial_value ?? element.initial_date ?? element.initial_user;
};
const blockText = (view: ViewArg, id: string): string => block(view, id).text.text;

describe.each(testDatabases())('goal plan on %s', (database) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ database, now: NOW });
    h.slack.setUser({ id: ADMIN, name: 'morgan', tz: 'America/New_York', is_admin: true });
    h.slack.setUser({ id: REP1, name: 'dana', tz: 'America/New_York' });
    h.slack.setUser({ id: REP2, name: 'sam', tz: 'America/Los_Angeles' });
    h.slack.setUser({ id: REP3, name: 'priya', tz: 'America/Chicago' });
    h.slack.setUser({ id: NEWBIE, name: 'lee', tz: 'America/New_York' });
  });
  afterAll(() => h.stop());
  beforeEach(async () => {
    await h.reset();
    h.clock.set(NOW);
  });

  const openModal = async (userId = ADMIN): Promise<ViewArg> => {
    const triggerId = `trigger.${userId}.${Math.random()}`;
    const { ack } = await slash(h, userId, 'goal', { trigger_id: triggerId });
    expect(ack.status).toBe(200);
    const call = await h.slack.waitFor('views.open', (c) => c.args.trigger_id === triggerId);
    return call.args.view as ViewArg;
  };

  const submit = (form: Form = {}, extra: { viewId?: string; userId?: string } = {}) =>
    h.requester.viewSubmission({ userId: extra.userId ?? ADMIN, callbackId: CALLBACK.goalPlan, viewId: extra.viewId, values: values(form) });

  const preview = (form: Form, changed: { block: string; value: string }, userId = ADMIN) =>
    h.requester.interaction({
      type: 'block_actions',
      user: { id: userId, team_id: 'T0001' },
      trigger_id: '555.666.preview',
      container: { type: 'view', view_id: 'VGOAL' },
      actions: [{ type: 'plain_text_input', action_id: ACTION.goalPreview, block_id: changed.block, value: changed.value, action_ts: '1' }],
      view: { id: 'VGOAL', type: 'modal', callback_id: CALLBACK.goalPlan, hash: '1700000000.goalhash', private_metadata: '', state: { values: values(form) } },
    });

  /** History logged the way reps log it: signed `/dial` commands. */
  const dial = async (userId: string, text: string) => {
    const message = await (await slash(h, userId, text)).reply();
    expect(String(message.text)).toMatch(/^:white_check_mark: Logged/);
  };

  const goalRows = () => h.prisma.goalPlan.findMany({ orderBy: { createdAt: 'asc' } });
  const goalAudits = () => h.prisma.auditEvent.findMany({ where: { action: 'goal_plan.created' } });

  it('opens the goal modal for a workspace admin, pre-filled with the seed example and previewing its targets', async () => {
    const view = await openModal();
    expect(view.callback_id).toBe(CALLBACK.goalPlan);
    expect(view.title.text).toBe('Goal plan');
    expect(initial(view, GOAL_MODAL.revenueBlock)).toBe('$100,000');
    expect(initial(view, GOAL_MODAL.dealBlock)).toBe('$10,000');
    expect(initial(view, GOAL_MODAL.ratioBlock('closeRate'))).toBe('50%');
    expect(initial(view, GOAL_MODAL.ratioBlock('presentationToOpportunity'))).toBe('50%');
    expect(initial(view, GOAL_MODAL.ratioBlock('conversationToPresentation'))).toBe('33⅓%');
    expect(initial(view, GOAL_MODAL.ratioBlock('dialToConversation'))).toBe('33⅓%');
    expect(initial(view, GOAL_MODAL.effectiveBlock)).toBe('2026-12-04');
    expect(initial(view, GOAL_MODAL.repBlock)).toBeUndefined();
    expect(block(view, GOAL_MODAL.revenueBlock).dispatch_action).toBe(true);

    const shown = blockText(view, GOAL_MODAL.previewBlock);
    expect(shown).toContain('$100,000 ÷ $10,000 = 10 closes ← 20 opportunities ← 40 presentations ← 120 conversations ← 360 dials');
    // December 2026 has 23 weekdays: 360 ÷ 23 = 15.7 a day, × 5 = 78.3 a week.
    expect(shown).toContain(':telephone_receiver: *Dials*: 360 a month · 78.3 a week · 15.7 a day');
    expect(blockText(view, GOAL_MODAL.feasibilityBlock)).toContain('not enough history yet (0 of 200 dials in the last 8 weeks)');
    expect(await goalRows()).toHaveLength(0);
  });

  it('opens it for a manager named for the team, and refuses everyone else without opening anything', async () => {
    await dial(REP1, '5');
    const rep = await h.prisma.member.findFirstOrThrow({ where: { slackUserId: REP1 } });
    // Naming managers is `/dial team`'s job (another feature); set it directly here.
    await h.prisma.teamManager.create({ data: { teamId: rep.teamId!, memberId: rep.id } });
    h.slack.reset();

    const { reply } = await slash(h, REP2, 'goal');
    const refusal = await reply();
    expect(refusal.response_type).toBe('ephemeral');
    expect(refusal.text).toBe(
      ':no_entry: Only managers can set goals: workspace admins and owners, and the managers named for a team in `/dial team`. Sales’s managers are <@U0REP1>. Ask one of them to run `/dial goal`.',
    );
    expect(h.slack.callsTo('views.open')).toHaveLength(0);

    const view = await openModal(REP1);
    expect(view.callback_id).toBe(CALLBACK.goalPlan);
  });

  it('updates the preview as inputs change, keeping what was typed', async () => {
    const res = await preview({ revenue: '200000' }, { block: GOAL_MODAL.revenueBlock, value: '200000' });
    expect(res.status).toBe(200);
    const update = await h.slack.waitFor('views.update');
    expect(update.args).toMatchObject({ view_id: 'VGOAL', hash: '1700000000.goalhash' });
    const view = update.args.view as ViewArg;
    expect(initial(view, GOAL_MODAL.revenueBlock)).toBe('200000');
    expect(initial(view, GOAL_MODAL.ratioBlock('dialToConversation'))).toBe('33⅓%');
    const shown = blockText(view, GOAL_MODAL.previewBlock);
    expect(shown).toContain('$200,000 ÷ $10,000 = 20 closes ← 40 opportunities ← 80 presentations ← 240 conversations ← 720 dials');
    expect(shown).toContain('*Dials*: 720 a month · 156.5 a week · 31.3 a day');

    h.slack.reset();
    await preview({ overrides: { conversation: '150' } }, { block: GOAL_MODAL.overrideBlock('conversation'), value: '150' });
    const overridden = blockText((await h.slack.waitFor('views.update')).args.view as ViewArg, GOAL_MODAL.previewBlock);
    expect(overridden).toContain('← 150 conversations (set directly) ← 450 dials');
    expect(overridden).toContain('*Conversations*: 150 a month _(set directly; computed 120)_');

    h.slack.reset();
    await preview({ deal: '0', ratios: { closeRate: 'most' } }, { block: GOAL_MODAL.dealBlock, value: '0' });
    const invalid = (await h.slack.waitFor('views.update')).args.view as ViewArg;
    const problems = blockText(invalid, GOAL_MODAL.previewBlock);
    expect(problems).toContain('Fix these to see the targets');
    expect(problems).toContain('• Average deal size: The average deal size must be more than $0.');
    expect(problems).toContain('• Close rate (opportunity → close): I can’t read “most” as a rate.');
    expect(problems).not.toContain('a month');
    expect(initial(invalid, GOAL_MODAL.dealBlock)).toBe('0');
    expect(await goalRows()).toHaveLength(0);
  });

  it('does not update the modal for someone who may not set goals', async () => {
    await preview({ revenue: '200000' }, { block: GOAL_MODAL.revenueBlock, value: '200000' }, REP1);
    await eventually(() => expect(h.logs.some((l) => l.msg === 'goal preview from someone who may not set goals; ignored')).toBe(true));
    expect(h.slack.callsTo('views.update')).toHaveLength(0);
  });

  it.each<[string, Form, string, string]>([
    ['revenue 0', { revenue: '0' }, GOAL_MODAL.revenueBlock, 'The monthly revenue target must be more than $0.'],
    ['negative revenue', { revenue: '-100000' }, GOAL_MODAL.revenueBlock, 'must be more than $0'],
    ['non-numeric revenue', { revenue: 'lots' }, GOAL_MODAL.revenueBlock, 'I can’t read “lots” as an amount'],
    ['absurd revenue', { revenue: '5000000000' }, GOAL_MODAL.revenueBlock, 'can be at most $1,000,000,000'],
    ['deal size 0', { deal: '0' }, GOAL_MODAL.dealBlock, 'The average deal size must be more than $0.'],
    ['negative deal size', { deal: '-10' }, GOAL_MODAL.dealBlock, 'must be more than $0'],
    ['deal size above revenue', { deal: '250000' }, GOAL_MODAL.dealBlock, 'The average deal size ($250,000) is more than the monthly revenue target ($100,000).'],
    ['ratio 0', { ratios: { closeRate: '0%' } }, GOAL_MODAL.ratioBlock('closeRate'), 'A rate must be more than 0%.'],
    ['ratio over 100%', { ratios: { dialToConversation: '150%' } }, GOAL_MODAL.ratioBlock('dialToConversation'), 'can’t be more than 100%'],
    ['ratio text', { ratios: { presentationToOpportunity: 'abc' } }, GOAL_MODAL.ratioBlock('presentationToOpportunity'), 'I can’t read “abc” as a rate'],
    ['override 0', { overrides: { dial: '0' } }, GOAL_MODAL.overrideBlock('dial'), 'from 1 to 1,000,000 dials'],
    ['override fraction', { overrides: { close: '2.5' } }, GOAL_MODAL.overrideBlock('close'), 'Enter closes as a whole number'],
    ['override too big', { overrides: { conversation: '2000000' } }, GOAL_MODAL.overrideBlock('conversation'), 'from 1 to 1,000,000 conversations'],
    ['date last month', { date: '2026-11-30' }, GOAL_MODAL.effectiveBlock, 'Pick 2026-12-01 or later'],
    ['no date', { date: null }, GOAL_MODAL.effectiveBlock, 'Pick the day this plan takes effect.'],
  ])('answers %s with a field error and stores nothing', async (_label, form, blockId, message) => {
    const res = await submit(form);
    expect(res.status).toBe(200);
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual([blockId]);
    expect(body.errors[blockId]).toContain(message);
    expect(await goalRows()).toHaveLength(0);
    expect(await goalAudits()).toHaveLength(0);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('refuses a forged submission from a non-manager and stores nothing', async () => {
    const res = await submit({}, { userId: REP1 });
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors[GOAL_MODAL.revenueBlock]).toBe(
      'Only managers can set goals: workspace admins and owners, and the managers named for your team in /dial team. Nothing was saved.',
    );
    expect(await goalRows()).toHaveLength(0);
    expect(await goalAudits()).toHaveLength(0);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('stores a valid plan with its audit event, closes the modal and DMs the manager the targets', async () => {
    const res = await submit({ ratios: { conversationToPresentation: '1/3', dialToConversation: '1 in 3' } }, { viewId: 'VPLAN1' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');

    const [plan, ...more] = await goalRows();
    expect(more).toHaveLength(0);
    const admin = await h.prisma.member.findFirstOrThrow({ where: { slackUserId: ADMIN } });
    expect(plan).toMatchObject({
      teamId: admin.teamId,
      memberId: null,
      effectiveFrom: '2026-12-04',
      revenueTarget: 100_000,
      averageDealSize: 10_000,
      closeRate: 0.5,
      presentationToOpportunity: 0.5,
      conversationToPresentation: 1 / 3,
      dialToConversation: 1 / 3,
      overrides: null,
      createdBy: ADMIN,
    });
    const [audit] = await goalAudits();
    expect(audit).toMatchObject({ subjectType: 'goal_plan', subjectId: plan!.id, actorUserId: ADMIN, requestKey: 'goal:T0001:VPLAN1' });
    expect(audit!.data).toMatchObject({
      plan: { revenueTarget: 100_000, effectiveFrom: '2026-12-04', memberId: null },
      targets: { month: '2026-12', workdays: 23, workdaysPerWeek: 5, monthly: { close: 10, opportunity: 20, presentation: 40, conversation: 120, dial: 360 } },
    });

    const dm = await h.slack.waitFor('chat.postMessage');
    expect(dm.args.channel).toBe(ADMIN);
    expect(dm.args.text).toBe(':dart: Goal plan saved: targets for each rep on Sales from today.');
    const shown = visibleText(dm.args);
    expect(shown).toContain('$100,000 ÷ $10,000 = 10 closes ← 20 opportunities ← 40 presentations ← 120 conversations ← 360 dials');
    expect(shown).toContain('*Dials*: 360 a month · 78.3 a week · 15.7 a day');
    expect(shown).toContain('*Closes*: 10 a month · 2.2 a week · 0.4 a day');

    // The next `/dial goal` starts from the plan in force.
    const view = await openModal();
    expect(initial(view, GOAL_MODAL.ratioBlock('dialToConversation'))).toBe('33⅓%');
    expect(visibleText(view)).toContain('Filled in from the plan in force since today');
  });

  it('stores overrides and a future start, and pre-fills the next modal from the plan in force', async () => {
    await submit({ revenue: '150k', overrides: { dial: '500' }, date: '2026-12-01' });
    await submit({ revenue: '300k', date: '2027-01-04' }); // not in force yet
    const rows = await goalRows();
    expect(rows.map((r) => [r.effectiveFrom, r.revenueTarget, r.overrides])).toEqual([
      ['2026-12-01', 150_000, { dial: 500 }],
      ['2027-01-04', 300_000, null],
    ]);
    const view = await openModal();
    expect(initial(view, GOAL_MODAL.revenueBlock)).toBe('$150,000');
    expect(initial(view, GOAL_MODAL.overrideBlock('dial'))).toBe('500');
    expect(blockText(view, GOAL_MODAL.previewBlock)).toContain('*Dials*: 500 a month _(set directly; computed 540)_');
  });

  it('a double-submitted view stores one plan and sends one DM', async () => {
    const [a, b] = await Promise.all([submit({}, { viewId: 'VTWICE' }), submit({}, { viewId: 'VTWICE' })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.text, b.text]).toEqual(['', '']);
    await submit({}, { viewId: 'VTWICE' });
    expect(await goalRows()).toHaveLength(1);
    expect(await goalAudits()).toHaveLength(1);
    await h.slack.waitFor('chat.postMessage');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('stores a plan for one rep on the manager’s team, and refuses a rep on another team', async () => {
    await dial(REP1, '5');
    h.slack.reset();
    await submit({ rep: REP1, revenue: '50000' });
    const rep = await h.prisma.member.findFirstOrThrow({ where: { slackUserId: REP1 } });
    const [plan] = await goalRows();
    expect(plan).toMatchObject({ teamId: rep.teamId, memberId: rep.id, revenueTarget: 50_000 });
    const dm = await h.slack.waitFor('chat.postMessage');
    expect(dm.args.text).toBe(':dart: Goal plan saved: targets for <@U0REP1> from today.');

    // Someone who never used dialbot yet joins the default team, as their first `/dial` would.
    await submit({ rep: NEWBIE });
    const newbie = await h.prisma.member.findFirstOrThrow({ where: { slackUserId: NEWBIE } });
    expect(newbie.teamId).toBe(rep.teamId);
    expect(await h.prisma.goalPlan.count({ where: { memberId: newbie.id } })).toBe(1);

    // A rep on another team (teams are set up by `/dial team`, another feature; set directly here).
    await dial(REP2, '5');
    const other = await h.prisma.team.create({ data: { workspaceId: 'T0001', name: 'Enterprise' } });
    await h.prisma.member.update({ where: { workspaceId_slackUserId: { workspaceId: 'T0001', slackUserId: REP2 } }, data: { teamId: other.id } });
    const res = await submit({ rep: REP2 });
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.errors[GOAL_MODAL.repBlock]).toBe('sam isn’t on your team (Sales); pick one of your reps, or leave it empty for the whole team.');
    expect(await goalRows()).toHaveLength(2);

    // The preview says so before the manager even submits.
    h.slack.reset();
    await preview({ rep: REP2 }, { block: GOAL_MODAL.repBlock, value: REP2 });
    const problems = blockText((await h.slack.waitFor('views.update')).args.view as ViewArg, GOAL_MODAL.previewBlock);
    expect(problems).toContain('• Only for one rep: sam isn’t on your team (Sales)');
  });

  it('warns when the plan assumes far better conversion than the team’s own history, logged through /dial', async () => {
    // 150 dials so far: not enough to learn from.
    await dial(REP1, '100 dials 8 convos yesterday');
    await dial(REP2, '50 dials 4 convos on 2026-12-01');
    let view = await openModal();
    expect(blockText(view, GOAL_MODAL.feasibilityBlock)).toContain('not enough history yet (150 of 200 dials in the last 8 weeks)');

    // Three weeks ago (within the 8-week window) and ten weeks ago (outside it), each logged "live" then.
    h.clock.set('2026-11-13T16:00:00Z');
    await dial(REP3, '60 dials 5 convos');
    h.clock.set('2026-09-25T16:00:00Z');
    await dial(REP3, '900 dials 400 convos');
    h.clock.set(NOW);
    await dial(REP3, '40 dials 3 convos');
    // Taken back a minute later: voided entries never count.
    h.clock.advance(60_000);
    await dial(REP1, '500 dials 200 convos');
    expect((await (await slash(h, REP1, 'undo')).reply()).text).toMatch(/^:leftwards_arrow_with_hook: Undone/);

    h.slack.reset();
    view = await openModal();
    // 250 dials and 20 conversations: 8% observed against the plan's 33⅓%.
    const feasibility = blockText(view, GOAL_MODAL.feasibilityBlock);
    expect(feasibility).toContain('*Plan vs your team’s last 8 weeks* (250 dials logged)');
    expect(feasibility).toContain(':warning: Dial → conversation: plan 33⅓% · 8% observed (20 of 250)');
    expect(feasibility).toContain('*This plan assumes better conversion than your team shows* (more than 1.5× the observed rate)');
    expect(feasibility).toContain('At the observed rates, 10 closes really need *1,500 dials a month* (the plan says 360)');
    // No presentations were logged: that stage is flagged, but nothing can be worked back from 0%.
    expect(feasibility).toContain(':warning: Conversation → presentation: plan 33⅓% · 0% observed (0 of 20)');
    expect(feasibility).toContain('• Presentation → opportunity: plan 50% · none observed (no presentations logged)');
    expect(feasibility).toContain('Stages with nothing converted yet can’t be estimated: conversation → presentation.');
    expect(block(view, GOAL_MODAL.ratioBlock('dialToConversation')).hint.text).toContain('Your team’s last 8 weeks: 8% (20 of 250).');

    // A realistic ratio clears the warning in the preview.
    await preview({ ratios: { dialToConversation: '10%' } }, { block: GOAL_MODAL.ratioBlock('dialToConversation'), value: '10%' });
    const updated = blockText((await h.slack.waitFor('views.update')).args.view as ViewArg, GOAL_MODAL.feasibilityBlock);
    expect(updated).toContain('• Dial → conversation: plan 10% · 8% observed (20 of 250)');
    expect(updated).not.toContain('really need');

    // Saved anyway, the DM repeats the warning.
    await submit();
    const dm = await h.slack.waitFor('chat.postMessage');
    expect(visibleText(dm.args)).toContain(
      ':warning: This plan assumes better conversion than your team shows: conversation → presentation 33⅓% vs 0% observed, dial → conversation 33⅓% vs 8% observed.',
    );
    expect(visibleText(dm.args)).toContain('At the observed rates it really needs 1,500 dials a month.');
  });
});
