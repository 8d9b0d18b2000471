// `/dial 12` round trip (signed request → ack) at fixed request rates against `dialbot start` on
// PostgreSQL with the generated data, and against the bare Bolt app; RSS of both, idle and under
// the highest rate. Requests are sent open-loop (on schedule, not after the previous answer), so a
// slow server sees its queue grow the way Slack's traffic would make it.
import { WORKSPACE_ID } from '../lib/generate.js';
import type { Measured } from '../lib/processes.js';
import type { Figure, ScenarioResult } from '../lib/report.js';
import { percentile, sleep } from '../lib/stats.js';
import { HOME_REFRESH_DELAY_MS } from '../../src/listeners/home-refresh.js';
import { SlackRequester } from '../../test/helpers/slack-request.js';
import type { FakeSlack } from '../../test/helpers/fake-slack.js';

export type LoadResult = { latencies: number[]; failed: number; peakRssMiB: number };

/** Sends `/dial 12` from reps UREP1…UREP`users` at `rate` per second for `seconds`; samples RSS meanwhile. */
export async function load(target: Measured, slack: FakeSlack, signingSecret: string, rate: number, seconds: number, users: number): Promise<LoadResult> {
  const requester = new SlackRequester({ url: `http://127.0.0.1:${target.port}/slack/events`, signingSecret, teamId: WORKSPACE_ID });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let failed = 0;
  let peakRssMiB = target.rssMiB();
  const sampler = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, target.rssMiB())), 100);
  const start = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const sent = performance.now();
    sends.push(
      requester.command({ user_id: `UREP${1 + (i % users)}`, text: '12', response_url: slack.responseUrl() }).then(
        (response) => (response.status === 200 ? void latencies.push(performance.now() - sent) : void failed++),
        () => void failed++,
      ),
    );
  }
  await Promise.all(sends);
  clearInterval(sampler);
  return { latencies, failed, peakRssMiB };
}

/**
 * Waits until `target` has used under 5% of a core for a whole second (at most 3 minutes): the
 * work a burst of commands leaves behind (each logging rep's App Home refresh, a few seconds later)
 * must not land in the next measurement.
 */
async function settle(target: Measured): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const before = target.cpuSeconds();
    await sleep(1000);
    if (target.cpuSeconds() - before < 0.05 || Date.now() > deadline) return;
  }
}

export type DialLatencyOptions = {
  app: Measured;
  bare: Measured;
  slack: FakeSlack;
  signingSecret: string;
  rates: number[];
  seconds: number;
  users: number;
};

export async function dialLatencyScenario({ app, bare, slack, signingSecret, rates, seconds, users }: DialLatencyOptions): Promise<ScenarioResult> {
  // Warm both up (JIT, connection pools, each rep's first-use profile lookup) before measuring.
  await load(app, slack, signingSecret, 20, Math.max(1, users / 20), users);
  await load(bare, slack, signingSecret, 20, 1, users);
  await sleep(HOME_REFRESH_DELAY_MS);
  await Promise.all([settle(app), settle(bare)]);
  const idle = { app: app.rssMiB(), bare: bare.rssMiB() };
  const figures: Figure[] = [];
  const checks: Record<string, number> = {};
  let loaded = { app: 0, bare: 0 };
  for (const rate of rates) {
    const bareRun = await load(bare, slack, signingSecret, rate, seconds, users);
    const appRun = await load(app, slack, signingSecret, rate, seconds, users);
    await sleep(HOME_REFRESH_DELAY_MS);
    await settle(app);
    loaded = { app: appRun.peakRssMiB, bare: bareRun.peakRssMiB };
    const p99 = { app: percentile(appRun.latencies, 99), bare: percentile(bareRun.latencies, 99) };
    const met = p99.app <= 1.5 * p99.bare;
    figures.push(
      { scenario: '/dial 12 ack', metric: `p50 at ${rate} req/s`, unit: 'ms', app: percentile(appRun.latencies, 50), baseline: percentile(bareRun.latencies, 50), goal: '', met: null },
      {
        scenario: '/dial 12 ack',
        metric: `p99 at ${rate} req/s`,
        unit: 'ms',
        app: p99.app,
        baseline: p99.bare,
        goal: 'p99 ≤ 1.5× bare Bolt',
        met,
        ...(met ? {} : { note: 'the app acks right after parsing, but each ack starts work on the same event loop (log the entry, read totals, reply, and 3 s later the rep\'s App Home refresh: the board with streaks plus their progress), sharing 2 cores with PostgreSQL and the load generator; acks queue behind that work' }),
      },
    );
    checks[`sent@${rate}`] = Math.round(rate * seconds);
    checks[`acked@${rate}`] = appRun.latencies.length;
    checks[`failed@${rate}`] = appRun.failed + bareRun.failed;
  }
  const top = rates.at(-1);
  figures.push(
    { scenario: 'memory', metric: 'RSS idle', unit: 'MiB', app: idle.app, baseline: idle.bare, goal: '', met: null },
    { scenario: 'memory', metric: `peak RSS at ${top} req/s`, unit: 'MiB', app: loaded.app, baseline: loaded.bare, goal: '', met: null },
  );
  return { name: '/dial 12 ack', figures, checks, details: [] };
}
