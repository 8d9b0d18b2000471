// `npm run bench [-- --quick] [--only <scenario>] [--json]`: measures dialbot against baselines
// measured in the same run and prints a table (Markdown) with the query plans, or JSON.
// Scenarios: read-paths (leaderboard, manager Home), dial (ack latency and RSS), fanout, cold-start.
// Needs PostgreSQL at 127.0.0.1:5432, database `test` (like the e2e tests); uses throwaway schemas.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { deployMigrations } from '../src/db/migrate.js';
import { FakeSlack, type RateLimit } from '../test/helpers/fake-slack.js';
import { createPostgresSchema, POSTGRES_URL } from '../test/helpers/harness.js';
import { generateData, type DataSize } from './lib/generate.js';
import { startAppProcess, startBareProcess } from './lib/processes.js';
import { machine, renderTable, type ScenarioResult } from './lib/report.js';
import { timed } from './lib/stats.js';
import { boardScenario } from './scenarios/board.js';
import { coldStartScenario } from './scenarios/cold-start.js';
import { dialLatencyScenario } from './scenarios/dial-latency.js';
import { fanoutScenario } from './scenarios/fanout.js';

const SCENARIOS = ['read-paths', 'dial', 'fanout', 'cold-start'] as const;
type Scenario = (typeof SCENARIOS)[number];

const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench-bot-token';
/** The data's "now": Friday afternoon in New York, eight weeks of history before it. */
const NOW = new Date('2026-12-04T20:00:00Z');

/** `dmLimit`: the fake's chat.postMessage tier. Full size: 1,200 a minute (20/s), in Slack's per-minute windows. */
type Size = DataSize & { rates: number[]; seconds: number; users: number; dms: number; dmLimit: RateLimit; runs: number };

const SIZES: Record<'quick' | 'full', Size> = {
  quick: { teams: 2, reps: 200, activities: 5_000, rates: [20], seconds: 2, users: 20, dms: 100, dmLimit: { limit: 40, windowMs: 4_000 }, runs: 2 },
  full: { teams: 100, reps: 10_000, activities: 1_000_000, rates: [50, 200], seconds: 20, users: 200, dms: 10_000, dmLimit: { limit: 1_200, windowMs: 60_000 }, runs: 5 },
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    reps: { type: 'string' },
    activities: { type: 'string' },
    dms: { type: 'string' },
    seconds: { type: 'string' },
  },
});
const only = (values.only ?? []).flatMap((o) => o.split(','));
for (const name of only) if (!SCENARIOS.includes(name as Scenario)) throw new Error(`unknown scenario "${name}"; scenarios: ${SCENARIOS.join(', ')}`);
const wanted = (name: Scenario) => only.length === 0 || only.includes(name);
const base = SIZES[values.quick ? 'quick' : 'full'];
// Overrides for a medium run (e.g. `--reps 2000 --activities 200000`): teams stay 100 reps each.
const size: Size = {
  ...base,
  ...(values.reps ? { reps: Number(values.reps), teams: Math.max(1, Math.round(Number(values.reps) / 100)) } : {}),
  ...(values.activities ? { activities: Number(values.activities) } : {}),
  ...(values.dms ? { dms: Number(values.dms) } : {}),
  ...(values.seconds ? { seconds: Number(values.seconds) } : {}),
};
const started = performance.now();
const log = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}\n`);

const slack = await FakeSlack.start({ teamId: 'TBENCH' });
const results: ScenarioResult[] = [];
const admin = new pg.Client({ connectionString: POSTGRES_URL });
await admin.connect();
const postgresVersion = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
await admin.end();
try {
  if (wanted('read-paths') || wanted('dial')) {
    const schema = await createPostgresSchema();
    const db = await openDatabase(schema.url);
    const sql = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${new URL(schema.url).searchParams.get('schema')}` });
    try {
      await deployMigrations(db);
      await sql.connect();
      log(`generating ${size.reps} reps in ${size.teams} teams, ${size.activities} activities…`);
      const generated = await timed(() => generateData(sql, size, NOW));
      log(`generated in ${(generated.ms / 1000).toFixed(1)} s`);
      if (wanted('read-paths')) {
        log('read paths: leaderboard and manager App Home…');
        results.push(await boardScenario({ prisma: db.prisma, sql, now: NOW, repsPerTeam: Math.ceil(size.reps / size.teams), runs: size.runs }));
      }
      if (wanted('dial')) {
        log(`/dial 12 at ${size.rates.join(', ')} req/s for ${size.seconds} s each…`);
        const app = await startAppProcess({ databaseUrl: schema.url, slackApiUrl: slack.apiUrl, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
        const bare = await startBareProcess({ signingSecret: SIGNING_SECRET });
        try {
          results.push(await dialLatencyScenario({ app, bare, slack, signingSecret: SIGNING_SECRET, rates: size.rates, seconds: size.seconds, users: size.users }));
        } finally {
          await Promise.all([app.stop(), bare.stop()]);
        }
      }
    } finally {
      await sql.end().catch(() => undefined);
      await db.close();
      await schema.drop();
    }
  }
  if (wanted('fanout')) {
    log(`DM fan-out to ${size.dms} reps, ${size.dmLimit.limit} per ${size.dmLimit.windowMs / 1000} s allowed…`);
    results.push(await fanoutScenario({ slack, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, reps: size.dms, limit: size.dmLimit }));
  }
  if (wanted('cold-start')) {
    log('cold start…');
    results.push(await coldStartScenario({ slackApiUrl: slack.apiUrl, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN }));
  }
} finally {
  await slack.stop();
}

const facts = { machine: machine(postgresVersion), size, at: new Date().toISOString() };
if (values.json) {
  process.stdout.write(`${JSON.stringify({ ...facts, results }, null, 2)}\n`);
} else {
  const m = facts.machine;
  const lines = [
    `Machine: ${m.cpu}, ${m.ramGiB} GiB RAM, ${m.os}, Node ${m.node}, PostgreSQL ${m.postgres}`,
    `Size: ${size.reps} reps in ${size.teams} teams, ${size.activities} activities; /dial at ${size.rates.join(' and ')} req/s for ${size.seconds} s; ${size.dms} DMs`,
    '',
    renderTable(results.flatMap((r) => r.figures)),
    '',
    // The counts that must agree (what the bench test checks), e.g. DMs delivered and recorded.
    ...results.map((r) => `Checks, ${r.name}: ${Object.entries(r.checks).map(([k, v]) => `${k}=${v}`).join(', ')}`),
    '',
    ...results.flatMap((r) => r.details.flatMap((d) => [`### ${d.title}`, '```', d.text, '```', ''])),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
