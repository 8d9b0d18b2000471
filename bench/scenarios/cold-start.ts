// Cold start: spawn to ready (/readyz 200) of `dialbot start` on a fresh embedded database
// (initdb + every migration) and on a fresh PostgreSQL schema, against the bare Bolt app's spawn to
// listening.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresSchema } from '../../test/helpers/harness.js';
import { startAppProcess, startBareProcess } from '../lib/processes.js';
import type { ScenarioResult } from '../lib/report.js';

export async function coldStartScenario(options: { slackApiUrl: string; signingSecret: string; botToken: string }): Promise<ScenarioResult> {
  const bare = await startBareProcess(options);
  await bare.stop();

  const dir = mkdtempSync(join(tmpdir(), 'dialbot-bench-'));
  const postgres = await createPostgresSchema();
  try {
    const embedded = await startAppProcess({ ...options, databaseUrl: `pglite://${join(dir, 'pglite')}` });
    const embeddedRss = embedded.rssMiB();
    await embedded.stop();
    const onPostgres = await startAppProcess({ ...options, databaseUrl: postgres.url });
    await onPostgres.stop();
    return {
      name: 'cold start',
      figures: [
        { scenario: 'cold start', metric: 'to ready, embedded (new database)', unit: 'ms', app: embedded.readyMs, baseline: bare.readyMs, goal: '', met: null },
        { scenario: 'cold start', metric: 'to ready, PostgreSQL (new schema)', unit: 'ms', app: onPostgres.readyMs, baseline: bare.readyMs, goal: '', met: null },
        { scenario: 'memory', metric: 'RSS when ready, embedded', unit: 'MiB', app: embeddedRss, baseline: null, goal: '', met: null },
      ],
      checks: { embeddedReady: embedded.readyMs > 0, postgresReady: onPostgres.readyMs > 0 },
      details: [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await postgres.drop();
  }
}
