import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel, WebClient } from '@slack/web-api';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { SlackRequester, signatureFor } from '../../helpers/slack-request.js';

describe('FakeSlack', () => {
  let fake: FakeSlack;
  let client: WebClient;

  beforeAll(async () => {
    fake = await FakeSlack.start();
    client = new WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 },
      logLevel: LogLevel.ERROR,
    });
  });

  afterEach(() => fake.reset());

  afterAll(async () => {
    await fake.stop();
  });

  test('auth.test answers like Slack and records the token', async () => {
    const res = await client.auth.test();
    expect(res.ok).toBe(true);
    expect(res.user_id).toBe('UBOT');
    expect(res.team_id).toBe('T0001');
    expect(res.bot_id).toBe('B0001');
    const call = await fake.waitFor('auth.test');
    expect(call.token).toBe('xoxb-test');
  });

  test('users.info returns set users and user_not_found otherwise', async () => {
    fake.setUser({ id: 'U123', real_name: 'Priya', tz: 'Asia/Kolkata', tz_offset: 19800 });
    const res = await client.users.info({ user: 'U123' });
    expect(res.user?.tz).toBe('Asia/Kolkata');
    expect(res.user?.tz_offset).toBe(19800);
    expect(res.user?.name).toBe('u123');
    expect(res.user?.real_name).toBe('Priya');
    expect(res.user?.is_admin).toBe(false);
    await expect(client.users.info({ user: 'UNOPE' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  test('chat.postMessage parses JSON-encoded blocks and returns increasing ts', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }];
    const first = await client.chat.postMessage({ channel: 'C1', text: 'hi', blocks });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'again' });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const [call] = fake.callsTo('chat.postMessage');
    expect(Array.isArray(call?.args.blocks)).toBe(true);
    expect(call?.args.blocks).toEqual(blocks);
    expect(call?.args.channel).toBe('C1');
  });

  test('views.open returns the view with an id', async () => {
    const view = { type: 'modal' as const, callback_id: 'goal', title: { type: 'plain_text' as const, text: 'Goal' }, blocks: [] };
    const res = await client.views.open({ trigger_id: '1.2.3', view });
    expect(res.view?.id).toMatch(/^V\d+$/);
    expect(res.view?.callback_id).toBe('goal');
    const call = await fake.waitFor('views.open', (c) => (c.args.view as { callback_id?: string }).callback_id === 'goal');
    expect(call.args.trigger_id).toBe('1.2.3');
  });

  test('files.uploadV2 goes through all three steps and records the bytes', async () => {
    const res = await client.files.uploadV2({ channel_id: 'C1', file: Buffer.from('png'), filename: 'a.png' });
    expect(res.ok).toBe(true);
    const upload = await fake.waitFor('upload');
    expect(upload.args.bytes).toBe(3);
    const fileId = upload.args.file_id as string;
    expect(fake.uploads.get(fileId)?.toString()).toBe('png');
    const complete = await fake.waitFor('files.completeUploadExternal');
    expect(complete.args.channel_id).toBe('C1');
    expect(complete.args.files).toEqual([expect.objectContaining({ id: fileId })]);
  });

  test('a file a user uploaded: files.info describes it, the download needs the bot token', async () => {
    const file = fake.addFile({ name: 'week.csv', content: 'a,b\n' });
    expect(file).toMatchObject({ filetype: 'csv', mimetype: 'text/csv', size: 4 });
    expect((await client.files.info({ file: file.id })).file).toEqual(file);
    await expect(client.files.info({ file: 'F404' })).rejects.toMatchObject({ data: { error: 'file_not_found' } });

    const withToken = await fetch(file.url_private_download, { headers: { authorization: 'Bearer xoxb-test' } });
    expect([withToken.headers.get('content-type'), await withToken.text()]).toEqual(['text/csv', 'a,b\n']);
    const without = await fetch(file.url_private_download);
    expect(without.headers.get('content-type')).toMatch(/^text\/html/);
    expect(fake.callsTo('file_download').map((c) => c.token)).toEqual(['xoxb-test', undefined]);
  });

  test('invalid token → invalid_auth (still recorded)', async () => {
    const bad = new WebClient('nope', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
    await expect(bad.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    expect(fake.callsTo('auth.test')[0]?.token).toBe('nope');
  });

  test('failNext with 429 makes the WebClient retry and succeed', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const res = await client.chat.postMessage({ channel: 'C1', text: 'retry me' });
    expect(res.ok).toBe(true);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  test('a rate tier answers 429 with Retry-After past its limit, and the refused calls are not accepted', async () => {
    fake.setRateLimit('chat.postMessage', { limit: 2, windowMs: 1000 });
    const raw = (n: number) =>
      fetch(`${fake.apiUrl}chat.postMessage`, { method: 'POST', headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json' }, body: JSON.stringify({ channel: `U${n}`, text: 'hi' }) });
    const answers = [await raw(1), await raw(2), await raw(3)];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers[2]!.headers.get('retry-after')).toBe('1');
    expect(await answers[2]!.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect(fake.acceptedCalls('chat.postMessage').map((c) => c.args.channel)).toEqual(['U1', 'U2']);
    // The WebClient waits out Retry-After and the message goes through in the next window.
    const res = await client.chat.postMessage({ channel: 'U4', text: 'later' });
    expect(res.ok).toBe(true);
    expect(fake.acceptedCalls('chat.postMessage').map((c) => c.args.channel)).toEqual(['U1', 'U2', 'U4']);
    // Other methods are not limited.
    expect((await client.chat.update({ channel: 'U1', ts: '1.1', text: 'x' })).ok).toBe(true);
  });

  test('reset lifts rate tiers', async () => {
    fake.setRateLimit('chat.postMessage', { limit: 0, windowMs: 60_000 });
    fake.reset();
    expect((await client.chat.postMessage({ channel: 'C1', text: 'free' })).ok).toBe(true);
    expect(fake.acceptedCalls('chat.postMessage')).toHaveLength(1);
  });

  test('failNext with an error answers ok:false', async () => {
    fake.failNext('chat.update', { error: 'message_not_found', times: 2 });
    await expect(client.chat.update({ channel: 'C1', ts: '1.1', text: 'x' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
    await expect(client.chat.update({ channel: 'C1', ts: '1.1', text: 'x' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
    const res = await client.chat.update({ channel: 'C1', ts: '1.1', text: 'x' });
    expect(res.ok).toBe(true);
  });

  test('response_url posts are recorded; waitFor times out helpfully', async () => {
    const url = fake.responseUrl();
    expect(url).not.toBe(fake.responseUrl());
    const waiting = fake.waitFor('response_url', (c) => c.args.text === 'done');
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'done', response_type: 'ephemeral' }) });
    expect(r.status).toBe(200);
    const call = await waiting;
    expect(call.args._path).toBe(new URL(url).pathname);
    await expect(fake.waitFor('chat.delete', undefined, 50)).rejects.toThrow(/Methods seen: response_url/);
  });
});

describe('SlackRequester', () => {
  test('signatureFor matches the Slack docs example', () => {
    const secret = '8f742231b10e8888abcd99yyyzzz85a5';
    // Body exactly as on docs.slack.dev/authentication/verifying-requests-from-slack (note the token
    // `xyzz0WbapA4vBCDEFasx0q6G`: any other token, e.g. `...BCDEbOTqCBsk`, gives a different signature).
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const expected = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
    const independent = 'v0=' + createHmac('sha256', secret).update('v0:1531420618:' + body, 'utf8').digest('hex');
    expect(independent).toBe(expected);
    expect(signatureFor(secret, 1531420618, body)).toBe(expected);
  });

  test('command / interaction / event bodies are signed and shaped like Slack', async () => {
    const seen: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const requester = new SlackRequester({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: 's3cret', now: () => 1_700_000_000_000 });
      const res = await requester.command({ user_id: 'U1', text: '25', response_url: 'http://x/response/1' });
      expect(res).toEqual({ status: 200, text: '{"ok":true}', json: { ok: true } });
      await requester.viewSubmission({ userId: 'U1', callbackId: 'goal', values: { b: { a: { type: 'plain_text_input', value: '5' } } } });
      await requester.event({ type: 'app_home_opened', user: 'U1', tab: 'home' });
      await requester.event({ type: 'url_verification', challenge: 'abc', token: 't' });

      for (const s of seen) {
        expect(s.headers['x-slack-request-timestamp']).toBe('1700000000');
        expect(s.headers['x-slack-signature']).toBe(signatureFor('s3cret', 1700000000, s.body));
      }
      const cmd = new URLSearchParams(seen[0]?.body);
      expect(cmd.get('command')).toBe('/dial');
      expect(cmd.get('text')).toBe('25');
      expect(cmd.get('team_id')).toBe('T0001');
      expect(cmd.get('trigger_id')).toMatch(/^123\.456\.abc\d+$/);
      const payload = JSON.parse(new URLSearchParams(seen[1]?.body).get('payload') ?? '{}') as Record<string, any>;
      expect(payload.type).toBe('view_submission');
      expect(payload.team).toMatchObject({ id: 'T0001' });
      expect(payload.view.callback_id).toBe('goal');
      expect(payload.view.state.values.b.a.value).toBe('5');
      const ev = JSON.parse(seen[2]?.body ?? '{}') as Record<string, any>;
      expect(ev.type).toBe('event_callback');
      expect(ev.event.type).toBe('app_home_opened');
      expect(ev.event_id).toMatch(/^Ev/);
      expect(JSON.parse(seen[3]?.body ?? '{}')).toEqual({ type: 'url_verification', challenge: 'abc', token: 't' });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
