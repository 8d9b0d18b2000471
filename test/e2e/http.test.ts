// The HTTP surface: Slack's signed endpoint, health and readiness, request logs, limits.
import { signatureFor } from '../helpers/slack-request.js';
import { BOT_TOKEN, SIGNING_SECRET, slash, startHarness, testDatabases, type Harness } from '../helpers/harness.js';

const REP = 'U0REP3';

describe.each(testDatabases())('HTTP endpoints on %s', (database) => {
  let h: Harness;
  let base: string;

  beforeAll(async () => {
    h = await startHarness({ database });
    base = `http://127.0.0.1:${h.dialbot.port}`;
    h.slack.setUser({ id: REP, tz: 'America/New_York' });
  });
  afterAll(() => h.stop());

  const commandBody = (text: string) =>
    new URLSearchParams({
      team_id: 'T0001',
      user_id: REP,
      command: '/dial',
      text,
      channel_id: 'C0001',
      response_url: h.slack.responseUrl(),
      trigger_id: `t.${Math.random()}`,
    }).toString();

  it('GET /healthz answers 200 while the process is up', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('GET /readyz answers 200 when the database answers', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers Slack’s url_verification challenge', async () => {
    const res = await h.requester.event({ type: 'url_verification', token: 'x', challenge: 'c-123' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'c-123' });
  });

  it('refuses a forged signature with 401 and stores nothing', async () => {
    const res = await h.requester.send(commandBody('12'), 'application/x-www-form-urlencoded', { signature: `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    expect(await h.prisma.activity.count()).toBe(0);
  });

  it('refuses a body signed with another secret', async () => {
    const body = commandBody('12');
    const ts = Math.floor(Date.now() / 1000);
    const res = await h.requester.send(body, 'application/x-www-form-urlencoded', { timestamp: ts, signature: signatureFor('not-the-secret', ts, body) });
    expect(res.status).toBe(401);
    expect(await h.prisma.activity.count()).toBe(0);
  });

  it('refuses a replayed request (timestamp older than 5 minutes) with 401, even with a valid signature', async () => {
    const res = await h.requester.send(commandBody('12'), 'application/x-www-form-urlencoded', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    expect(await h.prisma.activity.count()).toBe(0);
  });

  it('refuses requests without Slack’s headers', async () => {
    const res = await fetch(`${base}/slack/events`, { method: 'POST', body: commandBody('12'), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(401);
  });

  it('refuses oversized bodies without reading them into the app', async () => {
    const res = await h.requester.send(commandBody('x'.repeat(2 * 1024 * 1024)), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(413);
    expect(await h.prisma.activity.count()).toBe(0);
  });

  it('answers 404 for unknown paths', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/slack/events`)).status).toBe(404); // GET on the Slack endpoint
  });

  it('logs one JSON line per request with its outcome and duration, and never a token or secret', async () => {
    const before = h.logs.length;
    await (await slash(h, REP, '3')).reply();
    await h.requester.send(commandBody('4'), 'application/x-www-form-urlencoded', { signature: 'v0=bad' });
    const lines = h.logs.slice(before).filter((l) => l.msg === 'request');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ method: 'POST', path: '/slack/events', status: 200 });
    expect(lines[1]).toMatchObject({ method: 'POST', path: '/slack/events', status: 401 });
    for (const line of lines) expect(typeof line.durationMs).toBe('number');
    expect(h.rawLogs()).not.toContain(BOT_TOKEN);
    expect(h.rawLogs()).not.toContain(SIGNING_SECRET);
  });
});

describe('shutdown and readiness', () => {
  it('/readyz answers 503 once the database is gone, while /healthz stays 200', async () => {
    const h = await startHarness({ database: 'pglite' });
    const base = `http://127.0.0.1:${h.dialbot.port}`;
    await h.dialbot.db.close();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, error: 'database unreachable' });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await h.stop().catch(() => undefined); // the database is already closed
  });

  it('stop() lets work still running after the ack finish before closing the database', async () => {
    const h = await startHarness({ database: 'pglite' });
    h.slack.delay('users.info', 1000); // the rep's first request waits on Slack, then writes
    const { reply } = await slash(h, 'U0LATE', '12');
    await h.slack.waitFor('users.info');
    await h.stop();
    expect((await reply()).text).toBe(':white_check_mark: Logged 12 dials for today.');
    expect(h.logs.findIndex((l) => l.msg === 'activity logged')).toBeLessThan(h.logs.findIndex((l) => l.msg === 'stopped'));
  });

  it('stop() stops accepting connections and is safe to call twice', async () => {
    const h = await startHarness({ database: 'pglite' });
    const base = `http://127.0.0.1:${h.dialbot.port}`;
    await Promise.all([h.stop(), h.dialbot.stop()]);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
