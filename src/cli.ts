// `dialbot <command>`. Results go to stdout, logs to stderr, so output can be piped and redirected.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadDotEnv, readAppConfig, readBaseConfig } from './config/env.js';
import type { Database } from './db/client.js';
import { createLogger } from './lib/logger.js';
import { parseInstant, parseLocalDate, systemClock } from './lib/time.js';

// Heavy modules (Bolt, Prisma, PGlite, the schema engine) load only for the commands that use
// them, so `dialbot help` and usage errors answer at once.
const loadDb = () => import('./db/client.js');
const loadMigrations = () => import('./db/migrate.js');

const USAGE = `Usage: dialbot <command>

Commands:
  start                               run the Slack app (migrates the database first)
  migrate [status]                    apply pending database migrations, or list them
  import <file.csv> [--dry-run]       import activity from CSV (the export's columns)
  export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--team <name or id>] [--format csv|json]
                                      write activity as CSV to stdout (dates inclusive, UTC)
  targets <user-id> [--at ISO]        print a rep's targets, pace and need today as JSON
                                      (as the clock reads --at, default now)
  run-job <name> [--team <id>] [--at ISO]
                                      run a scheduled job now, as if the clock said --at
                                      (a slot already done sends nothing); prints JSON
  doctor                              check configuration, database and Slack credentials
  demo [--out ./demo] [--at ISO]      see it without Slack: a sample team in a fresh in-memory
                                      database; writes the daily post, weekly board and App
                                      Homes as Block Kit JSON, and their charts as PNGs
  help                                show this help

Settings come from the environment or a .env file; see .env.example.`;

/** A problem with how the command was called: printed without a stack trace. */
class UsageError extends Error {}

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const err = (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = readBaseConfig();
  const database = await (await loadDb()).openDatabase(config.databaseUrl);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function start(): Promise<void> {
  const { startDialbot } = await import('./index.js');
  const dialbot = await startDialbot();
  let signals = 0;
  const shutdown = (signal: string) => {
    if (++signals > 1) process.exit(1); // a second Ctrl-C means "now"
    dialbot.logger.info({ signal }, 'signal received');
    dialbot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        dialbot.logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function migrate(args: string[]): Promise<number> {
  const [sub] = args;
  if (sub !== undefined && sub !== 'status') throw new UsageError(`unknown migrate subcommand "${sub}"; use "dialbot migrate" or "dialbot migrate status"`);
  const { deployMigrations, migrationStatus } = await loadMigrations();
  return withDatabase(async (db) => {
    if (sub === 'status') {
      const status = await migrationStatus(db);
      for (const name of status.applied) out(`applied  ${name}`);
      for (const name of status.pending) out(`pending  ${name}`);
      return status.pending.length > 0 ? 1 : 0;
    }
    const applied = await deployMigrations(db);
    out(applied.length === 0 ? 'Database is up to date.' : `Applied ${applied.length} migration(s):\n${applied.map((n) => `  ${n}`).join('\n')}`);
    return 0;
  });
}

function dateOption(value: string | undefined, name: string) {
  if (value === undefined) return undefined;
  const date = parseLocalDate(value);
  if (!date) throw new UsageError(`--${name} must be a date like 2026-12-01 (got "${value}")`);
  return date;
}

/** A team by id or by its exact name; a usage error when there is none, or several of that name. */
async function teamNamed(prisma: Database['prisma'], idOrName: string): Promise<string> {
  const teams = await prisma.team.findMany({ where: { OR: [{ id: idOrName }, { name: idOrName }] }, select: { id: true, name: true } });
  if (teams.length === 1) return teams[0]!.id;
  if (teams.length === 0) throw new UsageError(`no team is called or has the id "${idOrName}"`);
  throw new UsageError(`several teams are called "${idOrName}": use one of their ids (${teams.map((t) => t.id).join(', ')})`);
}

async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, team: { type: 'string' }, format: { type: 'string' } },
    strict: true,
  });
  const from = dateOption(values.from, 'from');
  const to = dateOption(values.to, 'to');
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, got "${format}"`);
  const { deployMigrations } = await loadMigrations();
  const { exportActivities } = await import('./services/activities/export-activities.js');
  return withDatabase(async (db) => {
    await deployMigrations(db);
    const teamId = values.team === undefined ? undefined : await teamNamed(db.prisma, values.team);
    for await (const chunk of exportActivities(db.prisma, { from, to, format, ...(teamId !== undefined ? { teamIds: [teamId] } : {}) })) {
      if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
    return 0;
  });
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } }, allowPositionals: true, strict: true });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('usage: dialbot import <file.csv> [--dry-run]');
  let csv: string;
  try {
    csv = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const config = readBaseConfig();
  const { deployMigrations } = await loadMigrations();
  const { importActivities } = await import('./services/activities/import-activities.js');
  return withDatabase(async (db) => {
    await deployMigrations(db);
    const report = await importActivities(db.prisma, csv, {
      dryRun: Boolean(values['dry-run']),
      now: systemClock(),
      defaultTimezone: config.defaultTimezone,
      maxCountPerEntry: config.maxCountPerEntry,
    });
    for (const e of report.errors) out(`line ${e.line}: ${e.message}`);
    const verb = report.dryRun ? 'Would import' : 'Imported';
    out(
      `${verb} ${report.inserted} of ${report.rows} row(s); ${report.skippedExisting} already present; ${report.errors.length} bad line(s)` +
        (report.errors.length > 0 ? ' skipped (listed above).' : '.') +
        (report.flagged > 0 ? ` ${report.flagged} flagged for a manager's review (App Home, /dial stats @rep).` : ''),
    );
    return report.errors.length > 0 ? 1 : 0;
  });
}

async function targetsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { at: { type: 'string' } }, allowPositionals: true, strict: true });
  const [userId, ...extra] = positionals;
  if (!userId || extra.length > 0) throw new UsageError('usage: dialbot targets <user-id> [--at ISO]');
  const now = values.at === undefined ? systemClock() : parseInstant(values.at);
  if (!now) throw new UsageError(`--at must be an ISO-8601 instant with its offset, like 2026-12-04T18:00:00Z (got "${values.at}")`);
  const { migrationStatus } = await loadMigrations();
  const { repProgress } = await import('./services/progress/rep-progress.js');
  const { progressJson } = await import('./services/progress/progress-json.js');
  return withDatabase(async (db) => {
    // Read-only: it inspects the database the app uses, and never migrates it (nor waits for the lock).
    const { pending } = await migrationStatus(db);
    if (pending.length > 0) {
      err(`the database schema is not up to date (${pending.length} migration(s) pending): run "dialbot migrate" first`);
      return 1;
    }
    // A Slack user id may be known in several workspaces: the first one it was seen in.
    const member = await db.prisma.member.findFirst({ where: { slackUserId: userId }, orderBy: [{ createdAt: 'asc' }, { workspaceId: 'asc' }] });
    if (!member) throw new UsageError(`unknown user "${userId}": no member with that Slack user id has used dialbot`);
    const progress = await repProgress(db.prisma, member, now);
    out(JSON.stringify({ userId: member.slackUserId, workspaceId: member.workspaceId, at: now.toISOString(), ...progressJson(progress, member.timezone) }, null, 2));
    return 0;
  });
}

async function runJobCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { at: { type: 'string' }, team: { type: 'string' } }, allowPositionals: true, strict: true });
  const [name, ...extra] = positionals;
  if (!name || extra.length > 0) throw new UsageError('usage: dialbot run-job <name> [--team <team-id>] [--at ISO]');
  const { jobNamed, JOBS } = await import('./jobs/registry.js');
  if (!jobNamed(name)) throw new UsageError(`unknown job "${name}"; jobs: ${JOBS.map((j) => j.name).join(', ')}`);
  const at = values.at === undefined ? systemClock() : parseInstant(values.at);
  if (!at) throw new UsageError(`--at must be an ISO-8601 instant with its offset, like 2026-12-04T21:30:00Z (got "${values.at}")`);
  const config = readAppConfig();
  const { migrationStatus } = await loadMigrations();
  const { runJob, UnknownTeamError } = await import('./jobs/run-job.js');
  const { DEFAULT_LEASE_MS, processClaimant } = await import('./jobs/claim.js');
  const { WebClient } = await import('@slack/web-api');
  const { botTokensFor } = await import('./slack/bot-tokens.js');
  const logger = createLogger({ level: config.logLevel, destination: 'stderr' });
  return withDatabase(async (db) => {
    const { pending } = await migrationStatus(db);
    if (pending.length > 0) {
      err(`the database schema is not up to date (${pending.length} migration(s) pending): run "dialbot migrate" first`);
      return 1;
    }
    const client = new WebClient(undefined, { slackApiUrl: config.slack.apiUrl });
    const deps = { prisma: db.prisma, client, botTokens: botTokensFor(config.slack, db.prisma), logger, clock: systemClock, defaultTimezone: config.defaultTimezone, claimedBy: processClaimant() };
    try {
      const summary = await runJob(deps, name, { at, ...(values.team === undefined ? {} : { teamId: values.team }) });
      for (const slot of summary.slots) {
        if (slot.status === 'done') err(`${slot.slot}: already done`);
        if (slot.status === 'busy') err(`${slot.slot}: another process is running it; it resumes here once that process stops renewing its claim (${DEFAULT_LEASE_MS / 60_000} min)`);
      }
      out(JSON.stringify(summary));
      return 0;
    } catch (error) {
      if (error instanceof UnknownTeamError) throw new UsageError(error.message);
      throw error;
    }
  });
}

async function demoCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' }, at: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new UsageError('usage: dialbot demo [--out <dir>] [--at ISO]');
  const outDir = values.out ?? './demo';
  if (outDir.trim() === '') throw new UsageError('--out must name a directory, like ./demo');
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new UsageError(`--out ${outDir} is a file, not a directory`);
  const now = values.at === undefined ? systemClock() : parseInstant(values.at);
  if (!now) throw new UsageError(`--at must be an ISO-8601 instant with its offset, like 2026-12-04T22:00:00Z (got "${values.at}")`);
  // Its own database in memory: the demo never reads DATABASE_URL nor touches ./data.
  const { runDemo } = await import('./demo/run-demo.js');
  const { summary } = await runDemo({ outDir, now });
  out(summary);
  return 0;
}

type Check = (ok: boolean, text: string) => void;

async function checkBotToken(check: Check, apiUrl: string, token: string, fix: string): Promise<void> {
  try {
    const { WebClient } = await import('@slack/web-api');
    const auth = await new WebClient(token, { slackApiUrl: apiUrl, retryConfig: { retries: 1 } }).auth.test();
    check(true, `Slack bot token works (workspace ${auth.team ?? auth.team_id}, bot @${auth.user})`);
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    check(false, `Slack auth.test failed: ${code} — ${fix}`);
  }
}

async function doctor(): Promise<number> {
  let failures = 0;
  const check: Check = (ok, text) => {
    out(`${ok ? '✔' : '✖'} ${text}`);
    if (!ok) failures++;
  };
  let config;
  try {
    config = readAppConfig();
    check(true, `configuration (${config.slack.appToken ? 'Socket Mode' : 'HTTP'} mode, Slack API ${config.slack.apiUrl})`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    check(false, `configuration:\n${error.problems.map((p) => `    ${p}`).join('\n')}`);
  }
  try {
    const { isDatabaseReady } = await loadDb();
    const { migrationStatus } = await loadMigrations();
    await withDatabase(async (db) => {
      const reachable = await isDatabaseReady(db.prisma);
      check(reachable, `database reachable (${db.target.kind === 'pglite' ? `embedded, ${db.target.dataDir ?? 'in memory'}` : 'PostgreSQL'})`);
      // Unreachable, its migrations cannot be read: don't send the operator off to "dialbot migrate".
      if (!reachable) return;
      const status = await migrationStatus(db);
      check(status.pending.length === 0, status.pending.length === 0 ? 'database schema up to date' : `${status.pending.length} migration(s) pending: run "dialbot migrate"`);
      if (status.pending.length > 0) return;
      const { unmanagedTeams } = await import('./services/teams/unmanaged-reps.js');
      // A warning, not a failure: a fresh install's default team has no manager yet.
      for (const team of await unmanagedTeams(db.prisma)) {
        out(`! team "${team.teamName}": ${team.reps} rep(s) and no manager — their missed-week alerts reach no one; name a manager in /dial team`);
      }
    });
  } catch (error) {
    check(false, `database: ${(error as Error).message}`);
  }
  if (config?.slack.botToken) await checkBotToken(check, config.slack.apiUrl, config.slack.botToken, 'check SLACK_BOT_TOKEN and that the app is installed');
  if (config?.slack.oauth) {
    const { slack } = config;
    await withDatabase(async (db) => {
      const installations = await db.prisma.installation.findMany({ select: { workspaceId: true, botToken: true }, orderBy: { installedAt: 'asc' } });
      out(`${installations.length === 0 ? '!' : '✔'} OAuth installs: ${installations.length} workspace(s); more install at <your URL>/slack/install`);
      const { secretBox } = await import('./lib/secret-box.js');
      const box = secretBox(slack.tokenEncryptionKey);
      for (const i of installations) {
        let token: string;
        try {
          token = box.open(i.botToken);
        } catch (error) {
          check(false, `workspace ${i.workspaceId}: ${(error as Error).message}`);
          continue;
        }
        await checkBotToken(check, slack.apiUrl, token, `workspace ${i.workspaceId}: reinstall the app there`);
      }
      if (!slack.tokenEncryptionKey && installations.length > 0) out('! bot tokens are stored unencrypted: set TOKEN_ENCRYPTION_KEY (see README); dialbot encrypts them at its next start');
    }).catch((error: unknown) => check(false, `installations: ${(error as Error).message}`));
  }
  out(failures === 0 ? 'All checks passed.' : `${failures} check(s) failed.`);
  return failures === 0 ? 0 : 1;
}

async function main(argv: string[]): Promise<number | 'running'> {
  loadDotEnv();
  const [command, ...args] = argv;
  switch (command) {
    case 'start':
      await start();
      return 'running';
    case 'migrate':
      return migrate(args);
    case 'export':
      return exportCommand(args);
    case 'import':
      return importCommand(args);
    case 'targets':
      return targetsCommand(args);
    case 'run-job':
      return runJobCommand(args);
    case 'doctor':
      return doctor();
    case 'demo':
      return demoCommand(args);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 'running') process.exit(code);
  },
  (error: unknown) => {
    if ((error as { code?: string }).code === 'database_busy') {
      err((error as Error).message);
      process.exit(1);
    }
    if (error instanceof ConfigError || error instanceof UsageError) {
      err(error.message);
      process.exit(error instanceof ConfigError ? 78 : 2);
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${(error as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    createLogger({ level: 'error', destination: 'stderr' }).fatal({ err: error }, 'dialbot failed');
    err(`dialbot: ${(error as Error).message}`);
    process.exit(1);
  },
);
