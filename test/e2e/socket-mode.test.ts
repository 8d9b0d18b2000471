// Socket Mode end to end: the real app connects to the fake Slack's WebSocket (opened with the app-level
// token), slash commands arrive as envelopes and are acked over the socket, replies go to response_url.
// One database is enough here: the listeners are the same as in HTTP mode, only the transport differs.
import { startHarness, type Harness } from '../helpers/harness.js';

const APP_TOKEN = 'xapp-1-test';
const REP = 'U0REP1';

let triggers = 0;

/** A slash command as Slack puts it in a `slash_commands` envelope: the same fields as the HTTP form. */
function slashPayload(h: Harness, text: string): { payload: Record<string, string>; responseUrl: string } {
  triggers += 1;
  const responseUrl = h.slack.responseUrl();
  return {
    responseUrl,
    payload: {
      token: 'verification-token',
      team_id: 'T0001',
      team_domain: 'example',
      channel_id: 'C0001',
      channel_name: 'sales',
      user_id: REP,
      user_name: 'dana',
      command: '/dial',
      text,
      api_app_id: 'A0001',
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: `123.456.socket${triggers}`,
    },
  };
}

describe('Socket Mode on pglite', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      database: 'pglite',
      now: '2026-12-04T15:00:00Z', // Friday 10:00 in New York
      env: { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '' },
    });
    h.slack.setUser({ id: REP, name: 'dana', real_name: 'Dana Reyes', tz: 'America/New_York' });
  });
  afterAll(() => h?.stop());

  it('opens the connection with the app-level token and is greeted', async () => {
    const opens = h.slack.callsTo('apps.connections.open');
    expect(opens.length).toBeGreaterThanOrEqual(1);
    expect(opens.every((c) => c.token === APP_TOKEN)).toBe(true);
    await h.slack.socketConnected();
    expect(h.slack.socketConnections).toBe(1);
  });

  it('serves the probes but not the HTTP Slack endpoint', async () => {
    const base = `http://127.0.0.1:${h.dialbot.port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });

    const { payload } = slashPayload(h, '12');
    const events = await h.requester.command(payload);
    expect(events.status).toBe(404);
    expect(await h.prisma.activity.count()).toBe(0);
  });

  it('logs `/dial 12` from a slash_commands envelope: acked over the socket, reply on response_url', async () => {
    const { payload, responseUrl } = slashPayload(h, '12');
    const ack = await h.slack.sendEnvelope('slash_commands', payload);
    expect(typeof ack.envelope_id).toBe('string');
    expect(h.slack.callsTo('socket_ack').map((c) => c.args.envelope_id)).toContain(ack.envelope_id);

    const path = new URL(responseUrl).pathname;
    const reply = (await h.slack.waitFor('response_url', (c) => c.args._path === path)).args;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe(':white_check_mark: Logged 12 dials for today.');

    const stored = await h.prisma.activity.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'dial', count: 12, source: 'slash', authorUserId: REP, voidedAt: null });
    // The bot token (not the app-level one) made the Web API calls behind it.
    expect(h.slack.callsTo('users.info').every((c) => c.token === 'xoxb-test-bot-token-0000')).toBe(true);
  });

  it('answers `/dial twelve` in the ack payload, ephemerally, and stores nothing', async () => {
    const before = await h.prisma.activity.count();
    const { payload, responseUrl } = slashPayload(h, 'twelve');
    const ack = await h.slack.sendEnvelope('slash_commands', payload);
    const body = ack.payload as { response_type?: string; text?: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('Write counts as digits: “twelve” → `/dial 12`');

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await h.prisma.activity.count()).toBe(before);
    const path = new URL(responseUrl).pathname;
    expect(h.slack.callsTo('response_url').filter((c) => c.args._path === path)).toHaveLength(0);
  });

  it('stops cleanly: closes the socket itself, then the fake', async () => {
    const started = Date.now();
    await h.dialbot.stop();
    // The app ends the session with a close handshake; it does not wait for the fake to hang up.
    for (let i = 0; i < 100 && h.slack.socketConnections > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.slack.socketConnections).toBe(0);
    await h.stop();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
