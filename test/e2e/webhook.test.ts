// The phone-system webhook end to end: a manager creates a team token in `/dial team` → Phone
// system (shown once, stored hashed, never logged), the phone system POSTs batches to
// /api/v1/activities with it, and what the reps logged shows up in the database and their App Home.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { MAX_BATCH_BYTES, MAX_BATCH_ITEMS } from '../../src/api/activity-batch.js';
import { ACTION, CALLBACK, PHONE_MODAL } from '../../src/blocks/ids.js';
import { BOT_TOKEN, slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';
import { configureTeam } from '../helpers/team.js';

const BOSS = 'U0BOSS'; // workspace admin, manages Sales
const DANA = 'U0DANA'; // rep on Sales
const SAM = 'U0SAM'; // rep on Sales
const RIO = 'U0RIO'; // rep on West
const NOW = '2026-12-04T15:00:00Z'; // a Friday, 10:00 in New York
const RATE = 5; // requests per minute per token in this suite

type Json = Record<string, any>;
type Posted = { status: number; json: Json; headers: Headers };

describe.each(testDatabases())('phone-system webhook on %s', (database) => {
  let h: Harness;
  let sales: string;
  let west: string;

  beforeAll(async () => {
    h = await startHarness({ database, now: NOW, env: { API_RATE_LIMIT_PER_MINUTE: String(RATE) } });
    h.slack.setUser({ id: BOSS, name: 'morgan', tz: 'America/New_York', is_admin: true });
    h.slack.setUser({ id: DANA, name: 'dana', tz: 'America/New_York', email: 'dana@example.com' });
    h.slack.setUser({ id: SAM, name: 'sam', tz: 'Europe/London', email: 'sam@example.com' });
    h.slack.setUser({ id: RIO, name: 'rio', tz: 'America/Los_Angeles', email: 'rio@example.com' });
  });
  afterAll(() => h.stop());
  beforeEach(async () => {
    await h.reset(NOW);
    sales = await configureTeam(h, { manager: BOSS, channel: 'C0SALES', timezone: 'America/New_York', reps: [DANA, SAM] });
    west = await configureTeam(h, { manager: BOSS, channel: 'C0WEST', timezone: 'America/Los_Angeles', command: 'team new West', name: 'West', reps: [RIO] });
    h.slack.reset();
  });

  const phoneValues = (label: string, seconds = '60') => ({
    [PHONE_MODAL.connectedSecondsBlock]: { [PHONE_MODAL.action]: { type: 'number_input', value: seconds } },
    [PHONE_MODAL.tokenLabelBlock]: { [PHONE_MODAL.action]: { type: 'plain_text_input', value: label } },
  });

  /** Submits the phone-system modal as `user` would; the ack is what Slack shows next. */
  const submitPhone = (user: string, teamId: string, label: string, options: { viewId?: string; seconds?: string } = {}) =>
    h.requester.viewSubmission({
      userId: user,
      callbackId: CALLBACK.phoneSystem,
      viewId: options.viewId,
      privateMetadata: JSON.stringify({ teamId }),
      values: phoneValues(label, options.seconds),
    });

  const secretIn = (view: unknown) => /dbt_[A-Za-z0-9_-]{20,}/.exec(visibleText(view as object))?.[0];

  /** A token created the way a manager does it; its secret as the modal showed it. */
  const createToken = async (teamId = sales, label = 'Aircall', user = BOSS): Promise<string> => {
    const res = await submitPhone(user, teamId, label);
    const json = res.json as Json;
    expect(json.response_action).toBe('update');
    const secret = secretIn(json.view);
    if (!secret) throw new Error(`no token shown: ${res.text}`);
    return secret;
  };

  /** Presses a button in a modal (team settings or phone system) as `user`. */
  const press = (user: string, actionId: string, value: string, view: Json = { id: 'VTEAM', hash: '1.team', callback_id: CALLBACK.teamSettings }) =>
    h.requester.interaction({
      type: 'block_actions',
      user: { id: user, team_id: 'T0001' },
      trigger_id: `555.${Math.random().toString(36).slice(2)}`,
      container: { type: 'view', view_id: view.id },
      actions: [{ type: 'button', action_id: actionId, value, block_id: 'b', action_ts: '1' }],
      view: { type: 'modal', private_metadata: '', state: { values: {} }, ...view },
    });

  const post = async (token: string | undefined, body: unknown, headers: Record<string, string> = {}): Promise<Posted> => {
    const response = await fetch(`http://127.0.0.1:${h.dialbot.port}/api/v1/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: JSON.parse(text) as Json, headers: response.headers };
  };

  const call = (user: string, externalId: string, extra: Json = {}) => ({ user, kind: 'dial', occurredAt: '2026-12-04T14:30:00Z', externalId, ...extra });
  const apiRows = () => h.prisma.activity.findMany({ where: { source: 'api' }, include: { member: true }, orderBy: [{ loggedAt: 'asc' }, { kind: 'asc' }] });

  it('lets a manager create a token from team settings, shows it once and keeps only its hash', async () => {
    // The team settings modal has a "Phone system…" button for the team.
    const trigger = '777.open-settings';
    await slash(h, BOSS, 'team', { trigger_id: trigger });
    const settings = (await h.slack.waitFor('views.open', (c) => c.args.trigger_id === trigger)).args.view as Json;
    const button = JSON.stringify(settings.blocks).includes(ACTION.openPhoneSystem);
    expect(button).toBe(true);
    await press(BOSS, ACTION.openPhoneSystem, sales);
    const pushed = (await h.slack.waitFor('views.push')).args.view as Json;
    expect(pushed.callback_id).toBe(CALLBACK.phoneSystem);
    expect(visibleText(pushed)).toContain('No tokens yet.');

    const res = await submitPhone(BOSS, sales, 'Aircall', { viewId: 'VPHONE1' });
    const shown = (res.json as Json).view;
    const secret = secretIn(shown)!;
    expect(visibleText(shown)).toContain('shown only this once');
    const [row] = await h.prisma.apiToken.findMany();
    expect(row).toMatchObject({ teamId: sales, label: 'Aircall', prefix: secret.slice(0, 10), createdBy: BOSS, revokedAt: null });
    expect(row!.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(await h.prisma.auditEvent.count({ where: { action: 'api_token.created', subjectId: row!.id } })).toBe(1);

    // The same submission again (a retry) creates nothing and cannot show the secret again.
    const again = await submitPhone(BOSS, sales, 'Aircall', { viewId: 'VPHONE1' });
    expect(visibleText((again.json as Json).view)).toContain('cannot be shown again');
    expect(again.text).not.toContain(secret);
    expect(await h.prisma.apiToken.count()).toBe(1);

    // Opened later, the modal lists the token by label and prefix only.
    h.slack.reset();
    await press(BOSS, ACTION.openPhoneSystem, sales);
    const listed = (await h.slack.waitFor('views.push')).args.view as Json;
    expect(visibleText(listed)).toContain(`*Aircall* \`${secret.slice(0, 10)}…\``);
    expect(JSON.stringify(listed)).not.toContain(secret);

    // It works, and the secret is nowhere: not in the database, not in the logs.
    expect((await post(secret, { activities: [call(DANA, 'c1')] })).status).toBe(200);
    const stored = JSON.stringify([await h.prisma.apiToken.findMany(), await h.prisma.auditEvent.findMany(), await h.prisma.activity.findMany()]);
    expect(stored).not.toContain(secret.slice(10));
    expect(h.rawLogs()).not.toContain(secret.slice(10));
  });

  it('refuses tokens to reps: no modal, no token', async () => {
    await press(DANA, ACTION.openPhoneSystem, sales);
    const pushed = (await h.slack.waitFor('views.push')).args.view as Json;
    expect(visibleText(pushed)).toContain('Only this team’s managers or a workspace admin');
    expect(JSON.stringify(pushed)).not.toContain(PHONE_MODAL.tokenLabelBlock);

    const res = await submitPhone(DANA, sales, 'Mine now');
    expect(res.json).toEqual({ response_action: 'errors', errors: { [PHONE_MODAL.connectedSecondsBlock]: expect.stringContaining('Only this team’s managers') } });
    expect(await h.prisma.apiToken.count()).toBe(0);
  });

  it('checks the form: label length and control characters, the threshold range', async () => {
    const long = await submitPhone(BOSS, sales, 'x'.repeat(51));
    expect((long.json as Json).errors[PHONE_MODAL.tokenLabelBlock]).toBe('Keep the name to 50 characters.');
    const odd = await submitPhone(BOSS, sales, 'Air\u202Ecall');
    expect((odd.json as Json).errors[PHONE_MODAL.tokenLabelBlock]).toContain('control characters');
    const zero = await submitPhone(BOSS, sales, '', { seconds: '0' });
    expect((zero.json as Json).errors[PHONE_MODAL.connectedSecondsBlock]).toContain('from 1 to 3600');
    expect(await h.prisma.apiToken.count()).toBe(0);
    expect((await h.prisma.team.findUniqueOrThrow({ where: { id: sales } })).connectedCallSeconds).toBe(60);
  });

  it('stores a good batch for the token’s team and refreshes the reps’ App Home', async () => {
    const token = await createToken();
    const res = await post(token, {
      activities: [
        call(DANA, 'call-1', { count: 3 }),
        { user: SAM, kind: 'conversations', occurredAt: '2026-12-04T09:00:00-05:00', externalId: 42 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, accepted: 2, duplicates: 0, rejected: 0 });
    expect(res.json.results).toEqual([
      { index: 0, externalId: 'call-1', status: 'stored', entryId: expect.any(String) },
      { index: 1, externalId: '42', status: 'stored', entryId: expect.any(String) },
    ]);
    const rows = await apiRows();
    expect(rows.map((r) => [r.member.slackUserId, r.kind, r.count, r.occurredAt.toISOString(), r.authorUserId, r.idempotencyKey])).toEqual([
      [DANA, 'dial', 3, '2026-12-04T14:30:00.000Z', null, `api:${sales}:call-1#dial`],
      [SAM, 'conversation', 1, '2026-12-04T14:00:00.000Z', null, `api:${sales}:42#conversation`],
    ]);
    await h.slack.waitFor('views.publish', (c) => c.args.user_id === DANA);
    await h.slack.waitFor('views.publish', (c) => c.args.user_id === SAM);
  });

  it('stores the valid items of a mixed batch and reports each bad one by index', async () => {
    const token = await createToken();
    const res = await post(token, {
      activities: [
        call(DANA, 'ok-1'),
        call(DANA, 'bad-kind', { kind: 'lunch' }),
        { user: DANA, kind: 'dial', occurredAt: '2026-12-04T14:00:00Z' },
        call(DANA, 'future', { occurredAt: '2026-12-04T16:00:00Z' }),
        call(DANA, 'zero', { count: 0 }),
        'not an object',
        call(RIO, 'other-team'),
        call(DANA, 'too-old', { occurredAt: '2026-11-20T15:00:00Z' }),
        call(DANA, 'no-zone', { occurredAt: '2026-12-04T10:00:00' }),
        call('someone', 'bad-user'),
        call(DANA, 'conv-with-outcome', { kind: 'conversation', outcome: 'connected', durationSeconds: 90 }),
        call(DANA, 'x'.repeat(201)),
        call(SAM, 'ok-2', { count: 2 }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, accepted: 2, duplicates: 0, rejected: 11 });
    const byIndex = Object.fromEntries((res.json.results as Json[]).map((r) => [r.index, r]));
    expect(byIndex[0]).toMatchObject({ status: 'stored' });
    expect(byIndex[1]).toEqual({ index: 1, externalId: 'bad-kind', status: 'rejected', error: 'kind "lunch" is not one of dial, conversation, presentation, opportunity, close' });
    expect(byIndex[2].error).toMatch(/^externalId is required/);
    expect(byIndex[3].error).toMatch(/^occurredAt "2026-12-04T16:00:00Z" is in the future/);
    expect(byIndex[4].error).toBe('count "0" must be a whole number from 1 to 1000');
    expect(byIndex[5]).toEqual({ index: 5, status: 'rejected', error: 'each activity must be a JSON object' });
    expect(byIndex[6].error).toBe(`user ${RIO} is not on the team “Sales” this token logs for`);
    expect(byIndex[7].error).toMatch(/^occurredAt: 2026-11-20 is 14 days ago; entries can be backdated up to 7 days/);
    expect(byIndex[8].error).toMatch(/is not an ISO-8601 instant with a timezone/);
    expect(byIndex[9].error).toMatch(/^user "someone" is neither a Slack user id/);
    expect(byIndex[10].error).toBe('durationSeconds and outcome describe one call: send them with kind "dial" and count 1');
    expect(byIndex[11].externalId).toBeUndefined();
    expect(byIndex[11].error).toMatch(/^externalId must be 1 to 200 characters/);
    expect(byIndex[12]).toMatchObject({ status: 'stored' });
    expect((await apiRows()).map((r) => [r.member.slackUserId, r.count])).toEqual([
      [DANA, 1],
      [SAM, 2],
    ]);
  });

  it('stores a replayed batch once: the same externalIds come back as duplicates', async () => {
    const token = await createToken();
    const batch = { activities: [call(DANA, 'r-1'), call(SAM, 'r-2', { count: 4 }), call(DANA, 'r-1')] };
    const first = await post(token, batch);
    expect(first.json).toMatchObject({ accepted: 2, duplicates: 1, rejected: 0 });
    const second = await post(token, batch);
    expect(second.json).toMatchObject({ accepted: 0, duplicates: 3, rejected: 0 });
    expect(second.json.results.map((r: Json) => r.entryId)).toEqual(first.json.results.map((r: Json) => r.entryId));
    expect((await apiRows()).map((r) => [r.member.slackUserId, r.count])).toEqual([
      [DANA, 1],
      [SAM, 4],
    ]);
    // Another team's phone system may reuse an id: it is a different call.
    const westToken = await createToken(west, 'West phones');
    expect((await post(westToken, { activities: [call(RIO, 'r-1')] })).json).toMatchObject({ accepted: 1, duplicates: 0 });
  });

  it('answers 401 without a token, with an unknown one, and with a revoked one', async () => {
    const token = await createToken();
    const missing = await post(undefined, { activities: [call(DANA, 'a')] });
    expect(missing.status).toBe(401);
    expect(missing.json).toMatchObject({ ok: false, error: 'missing_token' });
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const unknown = await post(`${token.slice(0, -2)}xx`, { activities: [call(DANA, 'a')] });
    expect(unknown).toMatchObject({ status: 401, json: { ok: false, error: 'invalid_token' } });
    expect((await post('xoxb-not-ours', { activities: [call(DANA, 'a')] })).status).toBe(401);

    // Revoked from the phone-system modal: the modal is redrawn without it.
    const row = await h.prisma.apiToken.findFirstOrThrow();
    await press(BOSS, ACTION.revokeApiToken, row.id, { id: 'VPHONE', hash: '1.phone', callback_id: CALLBACK.phoneSystem });
    const updated = await h.slack.waitFor('views.update', (c) => c.args.view_id === 'VPHONE');
    expect(updated.args.hash).toBe('1.phone');
    expect(visibleText(updated.args.view as object)).toContain('Revoked *Aircall*');
    expect(visibleText(updated.args.view as object)).toContain('No tokens yet.');
    expect(await h.prisma.apiToken.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ revokedBy: BOSS, revokedAt: new Date(NOW) });
    expect(await h.prisma.auditEvent.count({ where: { action: 'api_token.revoked', subjectId: row.id } })).toBe(1);

    const revoked = await post(token, { activities: [call(DANA, 'a')] });
    expect(revoked).toMatchObject({ status: 401, json: { error: 'invalid_token' } });
    expect(await h.prisma.activity.count()).toBe(0);

    // A rep pressing Revoke (a forged action) changes nothing.
    const other = await createToken(sales, 'Second');
    const second = await h.prisma.apiToken.findFirstOrThrow({ where: { label: 'Second' } });
    await press(DANA, ACTION.revokeApiToken, second.id, { id: 'VPHONE2', hash: '1.phone2', callback_id: CALLBACK.phoneSystem });
    const refused = await h.slack.waitFor('views.update', (c) => c.args.view_id === 'VPHONE2');
    expect(visibleText(refused.args.view as object)).toContain('Only this team’s managers');
    expect((await post(other, { activities: [call(DANA, 'b')] })).status).toBe(200);
  });

  it('answers 413 to oversized batches and bodies, before storing anything', async () => {
    const token = await createToken();
    const many = Array.from({ length: MAX_BATCH_ITEMS + 1 }, (_, i) => call(DANA, `m-${i}`));
    const tooMany = await post(token, { activities: many });
    expect(tooMany).toMatchObject({ status: 413, json: { ok: false, error: 'batch_too_large' } });
    expect(tooMany.json.message).toBe(`${MAX_BATCH_ITEMS + 1} activities in one request; send at most ${MAX_BATCH_ITEMS} per request.`);

    const padding = 'x'.repeat(MAX_BATCH_BYTES);
    const big = await post(token, { activities: [call(DANA, 'big', { outcome: padding })] });
    expect(big).toMatchObject({ status: 413, json: { error: 'body_too_large' } });

    // Chunked, without a Content-Length: refused once it passes the limit.
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: h.dialbot.port, path: '/api/v1/activities', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write('{"activities": [');
      const chunk = `${JSON.stringify(call(DANA, 'chunk'))},`.repeat(1000);
      for (let sent = 0; sent <= MAX_BATCH_BYTES; sent += chunk.length) req.write(chunk);
      req.end(`${JSON.stringify(call(DANA, 'last'))}]}`);
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ error: 'body_too_large' });
    expect(await h.prisma.activity.count()).toBe(0);
  });

  it('answers 400 to a body that is not a batch', async () => {
    const token = await createToken();
    expect(await post(token, '{"activities": [')).toMatchObject({ status: 400, json: { error: 'invalid_json' } });
    expect(await post(token, [call(DANA, 'a')])).toMatchObject({ status: 400, json: { error: 'invalid_body', message: expect.stringContaining('{"activities": [') } });
    expect(await post(token, { activities: [] })).toMatchObject({ status: 400, json: { error: 'invalid_body', message: '"activities" is empty: send at least one activity.' } });
    expect(await h.prisma.activity.count()).toBe(0);
  });

  it(`limits each token to ${RATE} requests a minute, with Retry-After`, async () => {
    const token = await createToken();
    for (let i = 0; i < RATE; i++) expect((await post(token, { activities: [call(DANA, `rate-${i}`)] })).status).toBe(200);
    const limited = await post(token, { activities: [call(DANA, 'rate-over')] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String(60 / RATE));
    expect(limited.json).toMatchObject({ ok: false, error: 'rate_limited' });
    // Another token has its own budget.
    const westToken = await createToken(west, 'West phones');
    expect((await post(westToken, { activities: [call(RIO, 'w-1')] })).status).toBe(200);

    h.clock.advance((60 / RATE) * 1000);
    expect((await post(token, { activities: [call(DANA, 'rate-over')] })).status).toBe(200);
    expect(await h.prisma.activity.count({ where: { member: { slackUserId: DANA } } })).toBe(RATE + 1);
  });

  it('finds reps by email (one lookup per email per batch) and reports emails Slack does not know', async () => {
    const token = await createToken();
    const res = await post(token, {
      activities: [call('Dana@Example.com', 'e-1'), call('dana@example.com', 'e-2'), call('nobody@example.com', 'e-3'), call('rio@example.com', 'e-4')],
    });
    expect(res.json).toMatchObject({ accepted: 2, rejected: 2 });
    expect(res.json.results[2]).toEqual({ index: 2, externalId: 'e-3', status: 'rejected', error: 'no Slack user has the email nobody@example.com' });
    expect(res.json.results[3].error).toBe(`user rio@example.com (${RIO}) is not on the team “Sales” this token logs for`);
    const lookups = h.slack.callsTo('users.lookupByEmail');
    expect(lookups.map((c) => c.args.email).sort()).toEqual(['dana@example.com', 'nobody@example.com', 'rio@example.com']);
    expect(lookups.every((c) => c.token === BOT_TOKEN)).toBe(true);
    expect((await apiRows()).map((r) => r.member.slackUserId)).toEqual([DANA, DANA]);
  });

  it('counts a connected call as a conversation from the team’s threshold on', async () => {
    const token = await createToken();
    const res = await post(token, {
      activities: [
        call(DANA, 'long', { outcome: 'Connected', durationSeconds: 75 }),
        call(DANA, 'short', { outcome: 'connected', durationSeconds: 30 }),
        call(DANA, 'voicemail', { outcome: 'voicemail', durationSeconds: 120 }),
        call(DANA, 'no-duration', { outcome: 'connected' }),
      ],
    });
    expect(res.json).toMatchObject({ accepted: 4, rejected: 0 });
    const entries = async (id: string) => (await apiRows()).filter((r) => r.idempotencyKey?.startsWith(`api:${sales}:${id}#`)).map((r) => [r.kind, r.count]);
    expect(await entries('long')).toEqual([
      ['dial', 1],
      ['conversation', 1],
    ]);
    expect(await entries('short')).toEqual([['dial', 1]]);
    expect(await entries('voicemail')).toEqual([['dial', 1]]);
    expect(await entries('no-duration')).toEqual([['dial', 1]]);

    // The manager lowers the threshold to 20 s: a 30 s connected call now counts.
    expect((await submitPhone(BOSS, sales, '', { seconds: '20' })).status).toBe(200);
    expect((await h.prisma.team.findUniqueOrThrow({ where: { id: sales } })).connectedCallSeconds).toBe(20);
    expect(await h.prisma.auditEvent.findFirst({ where: { action: 'team.connected_call_updated' } })).toMatchObject({ actorUserId: BOSS, data: { before: 60, after: 20 } });
    await post(token, { activities: [call(DANA, 'short-2', { outcome: 'connected', durationSeconds: 30 })] });
    expect(await entries('short-2')).toEqual([
      ['dial', 1],
      ['conversation', 1],
    ]);
  });

  it('keeps phone-system entries apart from manual ones: `/dial undo` does not reach them', async () => {
    const token = await createToken();
    await post(token, { activities: [call(DANA, 'p-1', { count: 5 })] });
    const undo = await (await slash(h, DANA, 'undo')).reply();
    expect(String(undo.text)).toContain('entries from your phone system can’t be undone');
    expect(await h.prisma.activity.count({ where: { voidedAt: { not: null } } })).toBe(0);

    // A manual entry after it is what undo takes back.
    await (await slash(h, DANA, '2')).reply();
    await post(token, { activities: [call(DANA, 'p-2')] });
    await (await slash(h, DANA, 'undo')).reply();
    const voided = await h.prisma.activity.findMany({ where: { voidedAt: { not: null } } });
    expect(voided.map((r) => [r.source, r.count])).toEqual([['slash', 2]]);
  });

  it('`/dial stats` tells this month’s typed and phone-system numbers apart', async () => {
    const token = await createToken();
    await post(token, { activities: [call(DANA, 'p-1', { count: 5 }), call(DANA, 'p-2', { outcome: 'connected', durationSeconds: 300 })] });
    await (await slash(h, DANA, '12 dials 2 convos')).reply();
    const stats = visibleText(await (await slash(h, DANA, 'stats')).reply());
    expect(stats).toContain('This month by source: 12 dials and 2 conversations via /dial · 6 dials and 1 conversation via phone system');
    // Typed entries only: nothing to tell apart, no line.
    await h.prisma.activity.updateMany({ where: { source: 'api' }, data: { voidedAt: h.clock.now() } });
    expect(visibleText(await (await slash(h, DANA, 'stats')).reply())).not.toContain('by source');
  });
});
