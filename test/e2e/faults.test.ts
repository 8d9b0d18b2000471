// Faults the app must ride out: the database going away and coming back (PostgreSQL behind a proxy
// the test cuts), two replicas serving one database, and Slack answering a fan-out with a 429
// storm and a burst of 5xx errors.
import type { JobDeps } from '../../src/jobs/job.js';
import { runJob } from '../../src/jobs/run-job.js';
import { startDialbot, type Dialbot } from '../../src/index.js';
import { BOT_TOKEN, createPostgresSchema, eventually, SIGNING_SECRET, slash, startHarness, testDatabases, type Harness } from '../helpers/harness.js';
import { SlackRequester } from '../helpers/slack-request.js';
import { startSalesTeam } from '../helpers/team.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const REP = 'U0OUTAGE';

const postgresOnly = testDatabases().includes('postgres') ? describe : describe.skip;

postgresOnly('the database goes away and comes back', () => {
  let proxy: TcpProxy;
  let schema: Awaited<ReturnType<typeof createPostgresSchema>>;
  let h: Harness;
  let base: string;

  beforeAll(async () => {
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 5432 });
    schema = await createPostgresSchema();
    const url = new URL(schema.url);
    url.port = String(proxy.port);
    // The harness's own database is unused: the app reaches PostgreSQL only through the proxy.
    h = await startHarness({ database: 'pglite', env: { DATABASE_URL: url.toString() } });
    base = `http://127.0.0.1:${h.dialbot.port}`;
    h.slack.setUser({ id: REP, tz: 'America/New_York' });
  }, 60_000);
  afterAll(async () => {
    await proxy.restore();
    await h.stop();
    await proxy.stop();
    await schema.drop();
  });

  it('fails readiness and answers “temporarily unavailable” while it is gone, storing nothing; recovers by itself', async () => {
    expect((await (await slash(h, REP, '12')).reply()).text).toBe(':white_check_mark: Logged 12 dials for today.');

    await proxy.cut();
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const during = await slash(h, REP, '5');
    expect(during.ack.status).toBe(200); // acked within Slack's 3 s, never dropped
    expect((await during.reply()).text).toMatch(/temporarily unavailable .*nothing was logged/);

    await proxy.restore();
    await eventually(async () => expect((await fetch(`${base}/readyz`)).status).toBe(200), 30_000);
    expect((await (await slash(h, REP, '7')).reply()).text).toMatch(/^:white_check_mark: Logged 7 dials for today/);
    // The entry refused during the outage was never stored.
    expect((await h.prisma.activity.findMany({ orderBy: { loggedAt: 'asc' } })).map((a) => a.count)).toEqual([12, 7]);
    expect(h.logs.some((l) => l.msg === 'database unavailable')).toBe(true);
  }, 60_000);
});

postgresOnly('two replicas on one PostgreSQL database', () => {
  let h: Harness;
  let second: Dialbot;
  let replicaB: SlackRequester;

  beforeAll(async () => {
    h = await startHarness({ database: 'postgres' });
    // Replica B: the same configuration and database, its own process state, behind the same "load balancer".
    second = await startDialbot({
      env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: h.slack.apiUrl, DATABASE_URL: h.databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      clock: h.clock.now,
      scheduler: false,
    });
    replicaB = new SlackRequester({ url: `http://127.0.0.1:${second.port}/slack/events`, signingSecret: SIGNING_SECRET });
    h.slack.setUser({ id: REP, tz: 'America/New_York' });
  }, 60_000);
  afterAll(async () => {
    await second.stop();
    await h.stop();
  });

  it('a Slack retry landing on the other replica, and a new user’s first commands on both at once, store once', async () => {
    const fields = (text: string) => ({ user_id: REP, text, response_url: h.slack.responseUrl(), trigger_id: 'trig.same.request' });
    // The same request (one trigger id) on both replicas at once: a retry of a slow first attempt.
    const [a, b] = await Promise.all([h.requester.command(fields('12')), replicaB.command({ ...fields('12'), response_url: h.slack.responseUrl() })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await eventually(() => expect(h.slack.callsTo('response_url')).toHaveLength(2));
    expect(await h.prisma.member.count({ where: { slackUserId: REP } })).toBe(1);
    expect((await h.prisma.activity.findMany()).map((r) => r.count)).toEqual([12]);
    const replies = h.slack.callsTo('response_url').map((c) => String(c.args.text));
    expect(replies.every((t) => t.includes('12 dials'))).toBe(true);
  });

  it('runs a scheduled slot once when both replicas’ schedulers tick together', async () => {
    const team = await h.prisma.team.findFirstOrThrow();
    await h.prisma.team.update({ where: { id: team.id }, data: { channelId: 'C0TWO' } });
    h.slack.reset();
    const at = new Date('2026-12-04T16:31:00Z');
    const results = await Promise.all([runJob(h.dialbot.jobs, 'daily-progress', { at }), runJob(second.jobs, 'daily-progress', { at })]);
    expect(results.map((r) => r.slots[0]!.status).sort()).toEqual([expect.stringMatching(/^(busy|done)$/), 'sent']);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0TWO')).toHaveLength(1);
  });
});

describe.each(testDatabases())('Slack answering a fan-out with 429s and 5xx on %s', (database) => {
  const REPS = 60;
  let h: Harness;
  let teamId: string;

  beforeAll(async () => {
    ({ h, teamId } = await startSalesTeam(database, 'U0BOSS', []));
    // Reps already on the team, none of whom has logged this week: each gets one nudge.
    await h.prisma.member.createMany({
      data: Array.from({ length: REPS }, (_, i) => ({
        workspaceId: 'T0001',
        slackUserId: `U0FAN${String(i).padStart(4, '0')}`,
        displayName: `rep ${i}`,
        timezone: 'America/New_York',
        teamId,
        createdAt: new Date('2026-11-01T00:00:00Z'),
      })),
    });
  }, 120_000);
  afterAll(() => h.stop());

  it('delivers every message exactly once through a 429 storm and a burst of 5xx errors', async () => {
    h.slack.reset(); // forget the set-up's messages
    h.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1, times: 2 });
    h.slack.failNext('chat.postMessage', { status: 503, times: 2 });
    const at = '2026-12-02T18:05:00Z'; // Wednesday 13:05 in New York
    h.clock.set(at);
    const summary = await runJob({ ...h.dialbot.jobs } as JobDeps, 'pace-nudge', { teamId, at: new Date(at) });
    expect(summary.slots).toEqual([expect.objectContaining({ status: 'sent', messages: REPS })]);

    const attempts = h.slack.callsTo('chat.postMessage');
    const delivered = new Map<string, number>();
    // The first 4 attempts were refused (Bolt's WebClient waited and retried); every later one was accepted.
    for (const call of attempts.slice(4)) delivered.set(String(call.args.channel), (delivered.get(String(call.args.channel)) ?? 0) + 1);
    expect(attempts.length).toBe(REPS + 4);
    expect(delivered.size).toBe(REPS);
    expect([...delivered.values()].every((n) => n === 1)).toBe(true);
    const deliveries = await h.prisma.delivery.findMany({ where: { jobRun: { job: 'pace-nudge' } } });
    expect(deliveries).toHaveLength(REPS);
    expect(deliveries.every((d) => d.sentAt !== null && d.error === null)).toBe(true);
  }, 120_000);
});
