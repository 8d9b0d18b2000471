// The "Log activity" modal end to end: opened by `/dial` and the App Home button, validated on
// submit (field errors, nothing stored), stored once, confirmed where the rep asked.
import { CALLBACK, LOG_MODAL } from '../../src/blocks/ids.js';
import { KINDS, type Kind } from '../../src/lib/kinds.js';
import { eventually, slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';

const REP = 'U0REP2';

type Form = Partial<Record<Kind, string>> & { date?: string | null; note?: string };

function values(form: Form): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const kind of KINDS) {
    state[LOG_MODAL.kindBlock(kind)] = { [LOG_MODAL.countAction]: { type: 'number_input', value: form[kind] ?? null } };
  }
  state[LOG_MODAL.dateBlock] = { [LOG_MODAL.dateAction]: { type: 'datepicker', selected_date: form.date === undefined ? '2026-12-04' : form.date } };
  state[LOG_MODAL.noteBlock] = { [LOG_MODAL.noteAction]: { type: 'plain_text_input', value: form.note ?? null } };
  return state;
}

describe.each(testDatabases())('Log activity modal on %s', (database) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ database, now: '2026-12-04T15:00:00Z' });
    h.slack.setUser({ id: REP, name: 'sam', tz: 'America/Los_Angeles' }); // 07:00 Friday in LA
  });
  afterAll(() => h.stop());
  beforeEach(async () => {
    await h.reset();
  });

  const submit = (form: Form, extra: { viewId?: string; privateMetadata?: string; userId?: string } = {}) =>
    h.requester.viewSubmission({
      userId: extra.userId ?? REP,
      callbackId: CALLBACK.logActivity,
      viewId: extra.viewId,
      privateMetadata: extra.privateMetadata ?? JSON.stringify({ channelId: 'C0001' }),
      values: values(form),
    });

  it('`/dial` with no text opens the modal: a number input per kind, today’s date in the rep’s zone, a note', async () => {
    const { ack } = await slash(h, REP, '', { trigger_id: '111.222.open' });
    expect(ack.status).toBe(200);
    const call = await h.slack.waitFor('views.open');
    expect(call.args.trigger_id).toBe('111.222.open');
    const view = call.args.view as { callback_id: string; title: { text: string }; private_metadata: string; blocks: Array<Record<string, any>> };
    expect(view.callback_id).toBe(CALLBACK.logActivity);
    expect(view.title.text).toBe('Log activity');
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => [b.label.text, b.element.type])).toEqual([
      ['Dials', 'number_input'],
      ['Conversations', 'number_input'],
      ['Presentations', 'number_input'],
      ['Opportunities', 'number_input'],
      ['Closes', 'number_input'],
      ['Day', 'datepicker'],
      ['Note', 'plain_text_input'],
    ]);
    expect(inputs[0]!.element).toMatchObject({ is_decimal_allowed: false, min_value: '1', max_value: '1000' });
    expect(inputs[5]!.element.initial_date).toBe('2026-12-04');
    expect(JSON.parse(view.private_metadata)).toEqual({ channelId: 'C0001' });
    expect(await h.prisma.activity.count()).toBe(0);
  });

  it('defaults the day to today where the rep is, even when it is already tomorrow in UTC', async () => {
    h.slack.setUser({ id: 'U0SYD', tz: 'Australia/Sydney' });
    await slash(h, 'U0SYD', '');
    const call = await h.slack.waitFor('views.open');
    const date = (call.args.view as any).blocks.find((b: any) => b.block_id === LOG_MODAL.dateBlock).element.initial_date;
    expect(date).toBe('2026-12-05'); // 02:00 Saturday in Sydney
  });

  it('stores a valid submission once and confirms it ephemerally in the channel it came from', async () => {
    const res = await submit({ dial: '30', conversation: '8', presentation: '0', note: 'Acme & Co. 🎯 booked' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const confirmation = await h.slack.waitFor('chat.postEphemeral');
    expect(confirmation.args).toMatchObject({ channel: 'C0001', user: REP });
    expect(confirmation.args.text).toBe(':white_check_mark: Logged 30 dials and 8 conversations for today.');
    expect(visibleText(confirmation.args)).toContain('> Acme & Co. 🎯 booked');

    const stored = await h.prisma.activity.findMany({ orderBy: { kind: 'asc' } });
    expect(stored.map((r) => [r.kind, r.count, r.source, r.note])).toEqual([
      ['dial', 30, 'modal', 'Acme & Co. 🎯 booked'],
      ['conversation', 8, 'modal', 'Acme & Co. 🎯 booked'],
    ]);
  });

  it('backdates to midday of the chosen day in the rep’s zone', async () => {
    await submit({ dial: '5', date: '2026-12-02' });
    await h.slack.waitFor('chat.postEphemeral');
    const [row] = await h.prisma.activity.findMany();
    expect(row!.occurredAt.toISOString()).toBe('2026-12-02T20:00:00.000Z'); // 12:00 PST
  });

  it('a double-clicked submit (same view) stores one entry', async () => {
    const [a, b] = await Promise.all([submit({ dial: '9' }, { viewId: 'VDOUBLE' }), submit({ dial: '9' }, { viewId: 'VDOUBLE' })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await eventually(async () => expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(2));
    await submit({ dial: '9' }, { viewId: 'VDOUBLE' });
    await eventually(async () => expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(3));
    expect(await h.prisma.activity.count()).toBe(1);
    expect(h.slack.callsTo('chat.postEphemeral').some((c) => String(c.args.text).startsWith(':repeat: Already logged'))).toBe(true);
  });

  it.each<[string, Form, string, string]>([
    ['negative', { dial: '-3' }, LOG_MODAL.kindBlock('dial'), 'Enter dials as a whole number'],
    ['decimal', { conversation: '2.5' }, LOG_MODAL.kindBlock('conversation'), 'Enter conversations as a whole number'],
    ['text', { close: 'lots' }, LOG_MODAL.kindBlock('close'), 'Enter closes as a whole number'],
    ['too large', { dial: '99999999' }, LOG_MODAL.kindBlock('dial'), 'At most 1,000 dials per entry.'],
    ['empty', {}, LOG_MODAL.kindBlock('dial'), 'Enter at least one count to log.'],
    ['all zero', { dial: '0', close: '0' }, LOG_MODAL.kindBlock('dial'), 'Enter at least one count to log.'],
    ['no date', { dial: '1', date: null }, LOG_MODAL.dateBlock, 'Pick the day this happened.'],
    ['bad date', { dial: '1', date: '2026-13-40' }, LOG_MODAL.dateBlock, 'Pick the day this happened.'],
    ['future', { dial: '1', date: '2026-12-05' }, LOG_MODAL.dateBlock, '2026-12-05 is in the future'],
    ['too old', { dial: '1', date: '2026-11-20' }, LOG_MODAL.dateBlock, 'entries can be backdated up to 7 days'],
    ['long note', { dial: '1', note: 'n'.repeat(501) }, LOG_MODAL.noteBlock, 'Keep the note under 500 characters'],
    ['control chars', { dial: '1', note: 'a\u0000b' }, LOG_MODAL.noteBlock, 'control characters'],
  ])('answers a %s field with a field error and stores nothing', async (_label, form, block, message) => {
    const res = await submit(form);
    expect(res.status).toBe(200);
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors[block]).toContain(message);
    expect(await h.prisma.activity.count()).toBe(0);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('reports every bad field at once', async () => {
    const res = await submit({ dial: 'x', opportunity: '-1', date: '2027-01-01' });
    const body = res.json as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual([LOG_MODAL.dateBlock, LOG_MODAL.kindBlock('dial'), LOG_MODAL.kindBlock('opportunity')].sort());
  });

  it('confirms by DM when the channel is unavailable or the metadata was tampered with', async () => {
    h.slack.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    await submit({ dial: '2' });
    const dm = await h.slack.waitFor('chat.postMessage');
    expect(dm.args.channel).toBe(REP);
    expect(dm.args.text).toBe(':white_check_mark: Logged 2 dials for today.');

    h.slack.reset();
    await submit({ dial: '3' }, { privateMetadata: '{"channelId":"https://evil.example"}' });
    const dm2 = await h.slack.waitFor('chat.postMessage');
    expect(dm2.args.channel).toBe(REP);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('App Home shows the rep’s totals and a button that opens the modal', async () => {
    await submit({ dial: '12', conversation: '3' });
    await h.slack.waitFor('chat.postEphemeral');
    await h.requester.event({ type: 'app_home_opened', user: REP, channel: 'D0REP2', tab: 'home' });
    const publish = await h.slack.waitFor('views.publish');
    expect(publish.args.user_id).toBe(REP);
    const shown = visibleText(publish.args.view as object);
    expect(shown).toContain('sam’s prospecting');
    expect(shown).toContain('*Today* (Fri 4 Dec)');
    expect(shown).toContain(':telephone_receiver: 12 dials');
    expect(shown).toContain(':speech_balloon: 3 conversations');

    await h.requester.interaction({
      type: 'block_actions',
      user: { id: REP, team_id: 'T0001' },
      trigger_id: '333.444.home',
      actions: [{ type: 'button', action_id: 'open_log_modal', block_id: 'b', action_ts: '1' }],
      container: { type: 'view', view_id: 'VHOME' },
      view: { id: 'VHOME', type: 'home' },
    });
    const open = await h.slack.waitFor('views.open');
    expect(open.args.trigger_id).toBe('333.444.home');
    expect((open.args.view as { callback_id: string }).callback_id).toBe(CALLBACK.logActivity);
  });
});
