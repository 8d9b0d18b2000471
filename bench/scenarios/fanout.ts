// DM fan-out: the pace-nudge job (one DM per rep behind pace, each recorded through deliver())
// for one team of `reps` reps with nothing logged, against the fake Slack answering
// chat.postMessage beyond its rate tier with 429 + Retry-After. Runs the real app in this process
// (startDialbot, the same composition root) on its own PostgreSQL schema.
import pg from 'pg';
import { startDialbot } from '../../src/index.js';
import { runJob } from '../../src/jobs/run-job.js';
import { PACE_NUDGE } from '../../src/jobs/pace-nudge.js';
import { createLogger } from '../../src/lib/logger.js';
import type { FakeSlack, RateLimit } from '../../test/helpers/fake-slack.js';
import { createPostgresSchema, POSTGRES_URL } from '../../test/helpers/harness.js';
import { generateData } from '../lib/generate.js';
import type { ScenarioResult } from '../lib/report.js';
import { timed } from '../lib/stats.js';

export type FanoutOptions = { slack: FakeSlack; signingSecret: string; botToken: string; reps: number; limit: RateLimit };

/** Friday 13:00 in New York, the team's nudge time: every rep with nothing logged is behind pace. */
const NUDGE_AT = new Date('2026-12-04T18:00:00Z');

/** Why the achieved rate fell short: Slack's limit (429s) or the job's own pace. */
function fanoutWhy(refused: number): string {
  const pace = "the job reads every rep's progress at once, then sends one DM at a time, recording each delivery (2 writes)";
  return refused === 0
    ? `no call was refused: the app's own pace is the limit (${pace})`
    : `${refused} calls answered 429: Bolt's client paused its whole queue for each Retry-After (whole seconds, so part of a window goes unused); besides, ${pace}`;
}

export async function fanoutScenario({ slack, signingSecret, botToken, reps, limit }: FanoutOptions): Promise<ScenarioResult> {
  const postgres = await createPostgresSchema();
  const dialbot = await startDialbot({
    env: { SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: botToken, SLACK_API_URL: slack.apiUrl, DATABASE_URL: postgres.url, PORT: '0', HOST: '127.0.0.1' },
    scheduler: false,
    logger: createLogger({ level: 'error', destination: 'stderr' }),
  });
  try {
    const sql = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${new URL(postgres.url).searchParams.get('schema')}` });
    await sql.connect();
    await generateData(sql, { teams: 1, reps, activities: 0, zones: ['America/New_York'] }, NUDGE_AT);
    await sql.end();

    slack.reset();
    slack.setRateLimit('chat.postMessage', limit);
    const run = await timed(() => runJob(dialbot.jobs, PACE_NUDGE, { at: NUDGE_AT }));
    const accepted = slack.acceptedCalls('chat.postMessage');
    const recipients = new Set(accepted.map((c) => String(c.args.channel)));
    const refused = slack.callsTo('chat.postMessage').length - accepted.length;
    const allowed = (limit.limit * 1000) / limit.windowMs;
    const achieved = (accepted.length * 1000) / run.ms;
    const met = achieved >= 0.9 * allowed;
    const lost = reps - recipients.size;
    const duplicated = accepted.length - recipients.size;
    return {
      name: 'DM fan-out',
      figures: [
        {
          scenario: 'DM fan-out',
          metric: `rate, ${reps} DMs (${limit.limit} per ${limit.windowMs / 1000} s allowed)`,
          unit: 'msg/s',
          app: achieved,
          baseline: allowed,
          goal: '≥ 90% of allowed',
          met,
          ...(met ? {} : { note: fanoutWhy(refused) }),
        },
        { scenario: 'DM fan-out', metric: 'messages lost', unit: '', app: lost, baseline: null, goal: '0', met: lost === 0 },
        { scenario: 'DM fan-out', metric: 'messages duplicated', unit: '', app: duplicated, baseline: null, goal: '0', met: duplicated === 0 },
      ],
      checks: { reps, delivered: recipients.size, lost, duplicated, refused, recorded: await dialbot.db.prisma.delivery.count({ where: { sentAt: { not: null } } }) },
      details: [],
    };
  } finally {
    await dialbot.stop();
    await postgres.drop();
  }
}
