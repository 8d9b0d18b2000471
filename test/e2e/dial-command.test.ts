// `/dial` end to end: signed slash commands into the real app, replies read off the fake Slack,
// rows read off the real database.
import { slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';

const REP = 'U0REP1';

describe.each(testDatabases())('/dial on %s', (database) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ database, now: '2026-12-04T15:00:00Z' }); // Friday 10:00 in New York
    h.slack.setUser({ id: REP, name: 'dana', real_name: 'Dana Reyes', tz: 'America/New_York' });
  });
  afterAll(() => h.stop());
  beforeEach(async () => {
    await h.reset('2026-12-04T15:00:00Z');
  });

  const rows = () => h.prisma.activity.findMany({ orderBy: { kind: 'asc' } });

  it('logs `/dial 12` as 12 dials now, and replies ephemerally with today and this week', async () => {
    const { ack, reply } = await slash(h, REP, '12');
    expect(ack.status).toBe(200);
    const message = await reply();
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toBe(':white_check_mark: Logged 12 dials for today.');
    const shown = visibleText(message);
    expect(shown).toContain('*Today*\n12 dials');
    expect(shown).toContain('*This week*\n12 dials');

    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'dial', count: 12, source: 'slash', authorUserId: REP, voidedAt: null });
    expect(stored[0]!.occurredAt.toISOString()).toBe('2026-12-04T15:00:00.000Z');
    expect(stored[0]!.loggedAt.toISOString()).toBe('2026-12-04T15:00:00.000Z');
  });

  it('logs several kinds in one entry with natural aliases, in any order', async () => {
    const { reply } = await slash(h, REP, '1 opp 40 dials 2 meetings 12 convos');
    const message = await reply();
    expect(message.text).toBe(':white_check_mark: Logged 40 dials, 12 conversations, 2 presentations and 1 opportunity for today.');
    const stored = await rows();
    expect(stored.map((r) => [r.kind, r.count])).toEqual([
      ['dial', 40],
      ['conversation', 12],
      ['presentation', 2],
      ['opportunity', 1],
    ]);
    expect(new Set(stored.map((r) => r.entryId)).size).toBe(1);
  });

  it.each([
    ['5 d 3 c 1 demo 1 o 1 won', { dial: 5, conversation: 3, presentation: 1, opportunity: 1, close: 1 }],
    ['2 talk 1 deal 1 closed', { conversation: 2, close: 2 }],
    ['40dials 12convos', { dial: 40, conversation: 12 }],
    ['convos 3', { conversation: 3 }],
  ])('understands `/dial %s`', async (text, expected) => {
    await (await slash(h, REP, text)).reply();
    const stored = await rows();
    expect(Object.fromEntries(stored.map((r) => [r.kind, r.count]))).toEqual(expected);
  });

  it('stores a note given after --', async () => {
    await (await slash(h, REP, '12 -- left 4 voicemails, 1 callback')).reply();
    expect((await rows())[0]!.note).toBe('left 4 voicemails, 1 callback');
  });

  it('backdates `yesterday` and `on DATE` to midday of that day in the rep’s timezone', async () => {
    const y = await (await slash(h, REP, '12 yesterday')).reply();
    expect(y.text).toBe(':white_check_mark: Logged 12 dials for yesterday.');
    const d = await (await slash(h, REP, '7 convos on 2026-12-01')).reply();
    expect(d.text).toBe(':white_check_mark: Logged 7 conversations for Tue 1 Dec.');
    const stored = await rows();
    expect(stored.find((r) => r.kind === 'dial')!.occurredAt.toISOString()).toBe('2026-12-03T17:00:00.000Z');
    expect(stored.find((r) => r.kind === 'conversation')!.occurredAt.toISOString()).toBe('2026-12-01T17:00:00.000Z');
    // Both fall in this week (Mon 30 Nov – Sun 6 Dec) but not today.
    expect(visibleText(d)).toContain('*Today*\n_nothing yet_');
    expect(visibleText(d)).toContain('*This week*\n12 dials\n7 conversations');
  });

  it('computes "today" in the rep’s own timezone, not the server’s', async () => {
    h.slack.setUser({ id: 'U0KOL', name: 'priya', tz: 'Asia/Kolkata' });
    h.clock.set('2026-12-04T20:00:00Z'); // already Saturday 01:30 in Kolkata
    await (await slash(h, 'U0KOL', '3 yesterday')).reply();
    const member = await h.prisma.member.findFirstOrThrow({ where: { slackUserId: 'U0KOL' } });
    expect(member.timezone).toBe('Asia/Kolkata');
    const [row] = await rows();
    expect(row!.occurredAt.toISOString()).toBe('2026-12-04T06:30:00.000Z'); // Friday 12:00 IST
  });

  it.each([
    ['twelve', 'Write counts as digits: “twelve” → `/dial 12`'],
    ['-5', 'Counts are positive whole numbers, so “-5” can\'t be logged'],
    ['0', '0 is nothing to log'],
    ['12 bananas', 'I don\'t know “bananas”'],
    ['99999999', '“99999999” is more than the 1,000 one entry may hold'],
    ['12.5', 'Counts are whole numbers'],
    ['12 on 2026-02-30', '“2026-02-30” isn\'t a real date'],
    ['12 :fire:', 'I don\'t know “:fire:”'],
    ['12 🔥', 'I don\'t know “🔥”'],
    ['12 \u0007 dials', 'control characters'],
    ['12 \u202Eslaid', 'control characters'],
    ['x'.repeat(10_000), 'That\'s 10,000 characters; a `/dial` entry must fit in 1,000'],
    ['help me', '`/dial help` takes nothing after it'],
  ])('refuses bad input #%# with a specific message and stores nothing', async (text, expected) => {
    const { ack } = await slash(h, REP, text);
    expect(ack.status).toBe(200);
    const body = ack.json as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain(expected);
    expect(await h.prisma.activity.count()).toBe(0);
  });

  it.each([
    ['12 on 2025-01-01', '2025-01-01 is 702 days ago; entries can be backdated up to 7 days (back to 2026-11-27)'],
    ['12 on 2026-12-05', '2026-12-05 is in the future (today is 2026-12-04 where you are)'],
  ])('refuses `/dial %s` outside the backfill window and stores nothing', async (text, expected) => {
    const message = await (await slash(h, REP, text)).reply();
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toContain(expected);
    expect(await h.prisma.activity.count()).toBe(0);
  });

  it('accepts the oldest day inside the window', async () => {
    const message = await (await slash(h, REP, '12 on 2026-11-27')).reply();
    expect(message.text).toBe(':white_check_mark: Logged 12 dials for Fri 27 Nov.');
  });

  it('prints the grammar for `/dial help`, straight in the ack', async () => {
    const { ack } = await slash(h, REP, 'help');
    const body = ack.json as { response_type: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    const shown = visibleText(body);
    expect(shown).toContain('`/dial 40 dials 12 convos 2 meetings 1 opp`');
    expect(shown).toContain('`/dial undo`');
    expect(shown).toContain('backdate up to 7 days');
  });

  it('undo voids the caller’s most recent entry, keeps the rows, and says what was undone', async () => {
    await (await slash(h, REP, '10')).reply();
    h.clock.advance(60_000);
    await (await slash(h, REP, '40 dials 3 convos')).reply();
    h.clock.advance(60_000);
    const message = await (await slash(h, REP, 'undo')).reply();
    expect(message.text).toContain('Undone: 40 dials and 3 conversations for today');
    expect(visibleText(message)).toContain('*Today*\n10 dials');

    const stored = await h.prisma.activity.findMany({ orderBy: { loggedAt: 'asc' } });
    expect(stored).toHaveLength(3);
    expect(stored[0]!.voidedAt).toBeNull();
    for (const row of stored.slice(1)) {
      expect(row.voidedAt?.toISOString()).toBe('2026-12-04T15:02:00.000Z');
      expect(row.voidedBy).toBe(REP);
      expect(row.voidReason).toBe('undo');
    }
    const audit = await h.prisma.auditEvent.findFirstOrThrow({ where: { action: 'activity.voided' } });
    expect(audit).toMatchObject({ actorUserId: REP, subjectId: stored[1]!.entryId });
  });

  it('undo never touches another rep’s entries, and says so when there is nothing to undo', async () => {
    h.slack.setUser({ id: 'U0OTHER', tz: 'America/Chicago' });
    await (await slash(h, 'U0OTHER', '10')).reply();
    const message = await (await slash(h, REP, 'undo')).reply();
    expect(message.text).toContain('You have no entries to undo.');
    expect(await h.prisma.activity.count({ where: { voidedAt: { not: null } } })).toBe(0);
  });

  it('stores one entry when Slack retries the same command (same trigger id, retry headers)', async () => {
    const fields = { trigger_id: '999.888.retry' };
    const first = await slash(h, REP, '12', fields);
    await first.reply();
    const retry = await slash(h, REP, '12', fields);
    await h.requester.command(
      { user_id: REP, text: '12', response_url: retry.responseUrl, ...fields },
      { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } },
    );
    const again = await retry.reply();
    expect(again.text).toBe(':repeat: Already logged: 12 dials for today. Nothing new was stored.');
    expect(await h.prisma.activity.count()).toBe(1);
  });

  it('stores one entry when the same request arrives twice at once', async () => {
    const fields = { trigger_id: '999.888.race' };
    const [a, b] = await Promise.all([slash(h, REP, '5', fields), slash(h, REP, '5', fields)]);
    const replies = await Promise.all([a.reply(), b.reply()]);
    // Both users see a confirmation, never an error, whichever request won the race.
    for (const reply of replies) expect(reply.text).toMatch(/^:(white_check_mark|repeat): (Logged|Already logged:) 5 dials for today\./);
    expect(await h.prisma.activity.count()).toBe(1);
  });

  it('a retried undo voids one entry, not two', async () => {
    await (await slash(h, REP, '1')).reply();
    h.clock.advance(1000);
    await (await slash(h, REP, '2')).reply();
    const fields = { trigger_id: '999.888.undo' };
    await (await slash(h, REP, 'undo', fields)).reply();
    await (await slash(h, REP, 'undo', fields)).reply();
    const live = await h.prisma.activity.findMany({ where: { voidedAt: null } });
    expect(live.map((r) => r.count)).toEqual([1]);
  });

  it('creates the member on first use with Slack’s timezone, in the default team, and caches the profile for a day', async () => {
    await (await slash(h, REP, '1')).reply();
    await (await slash(h, REP, '1')).reply();
    expect(h.slack.callsTo('users.info')).toHaveLength(1);
    const member = await h.prisma.member.findFirstOrThrow({ where: { slackUserId: REP }, include: { team: true } });
    expect(member).toMatchObject({ displayName: 'dana', timezone: 'America/New_York', role: 'rep', isWorkspaceAdmin: false, workspaceId: 'T0001' });
    expect(member.team).toMatchObject({ name: 'Sales', isDefault: true });

    h.slack.setUser({ id: REP, name: 'dana', tz: 'America/Los_Angeles', is_admin: true });
    h.clock.advance(25 * 60 * 60 * 1000);
    await (await slash(h, REP, '1')).reply();
    expect(h.slack.callsTo('users.info')).toHaveLength(2);
    expect(await h.prisma.member.findFirstOrThrow({ where: { slackUserId: REP } })).toMatchObject({
      timezone: 'America/Los_Angeles',
      isWorkspaceAdmin: true,
    });
    expect(await h.prisma.team.count()).toBe(1);
  });

  it('marks workspace owners as admins', async () => {
    h.slack.setUser({ id: 'U0OWNER', is_owner: true });
    await (await slash(h, 'U0OWNER', '1')).reply();
    expect((await h.prisma.member.findFirstOrThrow({ where: { slackUserId: 'U0OWNER' } })).isWorkspaceAdmin).toBe(true);
  });

  it('still logs when users.info fails on first use, with the default timezone, and retries the profile later', async () => {
    h.slack.setUser({ id: 'U0FLAKY', tz: 'Europe/Berlin' });
    h.slack.failNext('users.info', { error: 'fatal_error', times: 5 });
    const message = await (await slash(h, 'U0FLAKY', '4')).reply();
    expect(message.text).toBe(':white_check_mark: Logged 4 dials for today.');
    expect(await h.prisma.member.findFirstOrThrow({ where: { slackUserId: 'U0FLAKY' } })).toMatchObject({ timezone: 'UTC', profileRefreshedAt: null });
    h.slack.reset();
    await (await slash(h, 'U0FLAKY', '1')).reply();
    expect((await h.prisma.member.findFirstOrThrow({ where: { slackUserId: 'U0FLAKY' } })).timezone).toBe('Europe/Berlin');
  });
});
