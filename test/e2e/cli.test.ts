// `dialbot <command>` end to end: the real bin/dialbot.js run as a child process, in a fresh temp
// directory (so no developer `.env` or `./data` is ever used), against a real database.
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { deployMigrations } from '../../src/db/migrate.js';
import {
  freePort,
  killChildren,
  removeTempDirs,
  REPO_ROOT,
  runCli,
  startCli,
  tempDir,
  waitForHttp,
  type CliResult,
} from '../helpers/cli.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import {
  BOT_TOKEN,
  createPostgresSchema,
  POSTGRES_URL,
  SIGNING_SECRET,
  slash,
  startHarness,
  testDatabases,
  type TestDatabase,
} from '../helpers/harness.js';
import { SlackRequester } from '../helpers/slack-request.js';

const HEADER = 'id,workspace_id,user_id,kind,count,occurred_at,logged_at,source,note,voided_at';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MIGRATIONS = readdirSync(join(REPO_ROOT, 'prisma/migrations'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const REP = 'U0REP1';
const REP2 = 'U0REP2';
const NOTE = '"quoted", note';

// Activity is logged three days before the real today: the import refuses instants in the future
// against the real clock, so the fixture must be in the past whenever the suite runs.
const DAY = DateTime.utc().minus({ days: 3 }).toISODate()!;
const PREV_DAY = DateTime.fromISO(DAY, { zone: 'UTC' }).minus({ days: 1 }).toISODate()!;
const T0 = `${DAY}T15:00:00.000Z`;
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
/** `/dial 5 yesterday` from New York: midday of the previous day there. */
const YESTERDAY_NOON_NY = DateTime.fromISO(`${PREV_DAY}T12:00:00`, { zone: 'America/New_York' }).toUTC().toISO()!;

const csvRecords = (text: string) => parse(text, { relax_column_count: false }) as string[][];
const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** What a CLI run printed, for failure messages. */
const shown = (r: CliResult) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;

function expectExit(result: CliResult, code: number): void {
  if (result.code !== code) throw new Error(`expected exit ${code}, got ${shown(result)}`);
}

afterAll(() => killChildren());
afterAll(() => removeTempDirs());

// ------------------------------------------------------------------------------------------------

describe('dialbot CLI: usage and configuration errors', () => {
  // Independent one-shot runs: started together, each test awaits its own.
  const cwd = tempDir();
  const runs = new Map<string, Promise<CliResult>>();
  const run = (name: string) => runs.get(name)!;

  beforeAll(() => {
    const go = (name: string, args: string[], env: Record<string, string> = {}) => runs.set(name, runCli(args, { cwd, env }));
    go('help', ['help']);
    go('none', []);
    go('unknown', ['bogus']);
    go('bad flag', ['export', '--frm', 'x']);
    go('from after to', ['export', '--from', '2026-12-05', '--to', '2026-12-01']);
    go('bad date', ['export', '--from', '2026-13-01']);
    go('missing file', ['import', join(cwd, 'no-such-file.csv')]);
    go('start without token', ['start'], { SLACK_SIGNING_SECRET: SIGNING_SECRET, DATABASE_URL: 'pglite://memory://', PORT: '0' });
    // The CLI reads `.env` from its working directory, which is why every run here gets a fresh one.
    const withDotEnv = tempDir();
    writeFileSync(join(withDotEnv, '.env'), 'SLACK_BOT_TOKEN=not-a-bot-token\n');
    runs.set('.env', runCli(['start'], { cwd: withDotEnv, env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, DATABASE_URL: 'pglite://memory://' } }));
    go('doctor, database down', ['doctor'], {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: 'http://127.0.0.1:1/api/',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/x',
    });
  });
  afterAll(() => Promise.allSettled(runs.values()));

  it('`dialbot help` prints the usage on stdout and exits 0', async () => {
    const r = await run('help');
    expectExit(r, 0);
    expect(r.stdout).toMatch(/^Usage: dialbot <command>/);
    for (const command of ['start', 'migrate [status]', 'import <file.csv> [--dry-run]', 'export [--from YYYY-MM-DD] [--to YYYY-MM-DD]', 'doctor', 'help']) {
      expect(r.stdout).toContain(`  ${command}`);
    }
    expect(r.stderr).toBe('');
  });

  it('no command prints the usage and exits 2', async () => {
    const r = await run('none');
    expectExit(r, 2);
    expect(r.stdout + r.stderr).toContain('Usage: dialbot <command>');
  });

  it('an unknown command is named on stderr, with the usage, exit 2', async () => {
    const r = await run('unknown');
    expectExit(r, 2);
    expect(r.stderr).toMatch(/^unknown command "bogus"/);
    expect(r.stderr).toContain('Usage: dialbot <command>');
    expect(r.stdout).toBe('');
  });

  it('an unknown flag is named on stderr, exit 2', async () => {
    const r = await run('bad flag');
    expectExit(r, 2);
    expect(r.stderr).toContain("Unknown option '--frm'");
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('    at ');
  });

  it('`export --from` after `--to` is refused, exit 2', async () => {
    const r = await run('from after to');
    expectExit(r, 2);
    expect(r.stderr).toContain('--from 2026-12-05 is after --to 2026-12-01');
    expect(r.stdout).toBe('');
  });

  it('`export --from 2026-13-01` is refused, exit 2', async () => {
    const r = await run('bad date');
    expectExit(r, 2);
    expect(r.stderr).toContain('--from must be a date like 2026-12-01 (got "2026-13-01")');
    expect(r.stdout).toBe('');
  });

  it('`import` of a missing file says it cannot read it, exit 2', async () => {
    const r = await run('missing file');
    expectExit(r, 2);
    expect(r.stderr).toContain(`cannot read ${join(cwd, 'no-such-file.csv')}`);
    expect(r.stderr).not.toContain('    at ');
  });

  it('usage errors touch no database (nothing created under ./data)', async () => {
    await Promise.all(['unknown', 'bad flag', 'from after to', 'bad date', 'missing file'].map(run));
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  });

  it('`start` without SLACK_BOT_TOKEN exits 78 naming the variable, without a stack trace', async () => {
    const r = await run('start without token');
    expectExit(r, 78);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN is missing');
    expect(r.stderr).not.toContain('    at ');
    expect(r.stdout).not.toContain('dialbot is ready');
  });

  it('reads `.env` from its working directory (so a fresh temp dir shields tests from a developer’s)', async () => {
    const r = await run('.env');
    expectExit(r, 78);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
    expect(r.stderr).not.toContain('not-a-bot-token');
  });

  it('`doctor` with the database down reports it and exits 1, promptly', async () => {
    const r = await run('doctor, database down');
    expectExit(r, 1);
    expect(r.stdout).toMatch(/^✔ configuration \(HTTP mode/m);
    expect(r.stdout).toMatch(/^✖ database reachable \(PostgreSQL\)$/m);
    // Migrations of a database it cannot reach are unknown: it must not tell the operator to migrate.
    expect(r.stdout).not.toContain('dialbot migrate');
    expect(r.stdout).toMatch(/^✖ Slack auth\.test failed/m);
    expect(r.stdout).toMatch(/check\(s\) failed\.\n$/);
    expect(r.ms).toBeLessThan(20_000);
  });
});

// ------------------------------------------------------------------------------------------------

/**
 * A migrated, empty PGlite data dir, made once per file in this process (copying it is much faster
 * than initdb + migrate in every child). `dialbot migrate` itself is tested on its own.
 */
let pgliteTemplate: Promise<string> | undefined;
function migratedPgliteTemplate(): Promise<string> {
  pgliteTemplate ??= (async () => {
    const dir = join(tempDir(), 'template');
    const db = await openDatabase(`pglite://${dir}`);
    try {
      await deployMigrations(db);
    } finally {
      await db.close();
    }
    return dir;
  })();
  return pgliteTemplate;
}

/** Databases for one suite: each is new, and PostgreSQL schemas are dropped at the end. */
class Databases {
  private readonly drops: (() => Promise<void>)[] = [];
  constructor(readonly kind: TestDatabase) {}

  /** A database never opened before (PGlite: a directory that does not exist yet). */
  async blank(): Promise<string> {
    if (this.kind === 'pglite') return `pglite://${join(tempDir(), 'db')}`;
    const schema = await createPostgresSchema();
    this.drops.push(schema.drop);
    return schema.url;
  }

  /** A database with no activity in it (PGlite: already migrated, to save the time). */
  async empty(): Promise<string> {
    if (this.kind === 'postgres') return this.blank();
    const dir = join(tempDir(), 'db');
    cpSync(await migratedPgliteTemplate(), dir, { recursive: true });
    return `pglite://${dir}`;
  }

  /** A database with the same content that one process may use while others use theirs. */
  copyOf(url: string): string {
    if (this.kind === 'postgres') return url; // a server serves many readers
    const dir = join(tempDir(), 'db');
    cpSync(url.replace(/^pglite:\/\//, ''), dir, { recursive: true });
    return `pglite://${dir}`;
  }

  async dropAll(): Promise<void> {
    await Promise.all(this.drops.splice(0).map((drop) => drop()));
  }
}

type ExpectedRow = { user_id: string; kind: string; count: string; occurred_at: string; logged_at: string; note: string; voided_at: string };

/**
 * Reps log activity the way they do in Slack — `/dial` against the real app — into `url`, then the
 * app stops. Returns the rows the database holds, as the export should write them.
 */
async function logActivityThroughSlack(database: TestDatabase, url: string): Promise<{ ids: string[]; expected: ExpectedRow[] }> {
  const h = await startHarness({ database, now: T0, env: { DATABASE_URL: url } });
  try {
    h.slack.setUser({ id: REP, name: 'dana', tz: 'America/New_York' });
    h.slack.setUser({ id: REP2, name: 'sam', tz: 'Europe/Berlin' });
    const log = async (user: string, text: string) => {
      const reply = await (await slash(h, user, text)).reply();
      h.clock.advance(60_000);
      return String(reply.text);
    };
    expect(await log(REP, `40 dials 12 convos -- ${NOTE}`)).toContain('Logged 40 dials and 12 conversations');
    expect(await log(REP, '5 yesterday')).toContain('Logged 5 dials for yesterday');
    expect(await log(REP2, '7 convos')).toContain('Logged 7 conversations');
    expect(await log(REP, '2 meetings 1 opp')).toContain('Logged 2 presentations and 1 opportunity');
    expect(await log(REP, 'undo')).toContain('Undone: 2 presentations and 1 opportunity');
    const stored = await h.prisma.activity.findMany({ select: { id: true } });
    return {
      ids: stored.map((row) => row.id).sort(),
      expected: [
        { user_id: REP, kind: 'dial', count: '40', occurred_at: at(0), logged_at: at(0), note: NOTE, voided_at: '' },
        { user_id: REP, kind: 'conversation', count: '12', occurred_at: at(0), logged_at: at(0), note: NOTE, voided_at: '' },
        { user_id: REP, kind: 'dial', count: '5', occurred_at: YESTERDAY_NOON_NY, logged_at: at(1), note: '', voided_at: '' },
        { user_id: REP2, kind: 'conversation', count: '7', occurred_at: at(2), logged_at: at(2), note: '', voided_at: '' },
        { user_id: REP, kind: 'presentation', count: '2', occurred_at: at(3), logged_at: at(3), note: '', voided_at: at(4) },
        { user_id: REP, kind: 'opportunity', count: '1', occurred_at: at(3), logged_at: at(3), note: '', voided_at: at(4) },
      ],
    };
  } finally {
    await h.stop();
  }
}

/** Parses an export, checking its shape; returns the data rows keyed by column. */
function readExport(stdout: string): Record<string, string>[] {
  expect(stdout.endsWith('\n')).toBe(true);
  const [header, ...rows] = csvRecords(stdout);
  expect(header!.join(',')).toBe(HEADER);
  return rows.map((fields) => Object.fromEntries(HEADER.split(',').map((name, i) => [name, fields[i]!])));
}

const withoutId = ({ id: _id, workspace_id: _ws, source: _source, ...rest }: Record<string, string>) => rest;
const byContent = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** Where tests whose subject does not depend on the database run (the quicker one). */
const PRIMARY: TestDatabase = testDatabases().includes('postgres') ? 'postgres' : 'pglite';

describe.each(testDatabases())('dialbot CLI on %s', (database) => {
  const dbs = new Databases(database);
  /** Registers a test only on PRIMARY: CSV parsing and Slack checks are the same on every database. */
  const onceIt = (name: string, fn: () => Promise<void>) => {
    if (database === PRIMARY) it(name, fn);
  };
  /** A database holding activity logged through Slack; tests read it, none writes to it. */
  let source: { url: string; ids: string[]; expected: ExpectedRow[] };

  beforeAll(async () => {
    const url = await dbs.empty();
    source = { url, ...(await logActivityThroughSlack(database, url)) };
  }, 120_000);
  afterAll(() => dbs.dropAll());

  const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: tempDir(), env });

  it('`migrate status` lists pending migrations, `migrate` applies them, then finds the database up to date', async () => {
    const cwd = tempDir();
    // PGlite: no DATABASE_URL, so the default ./data/pglite, which must land in the working directory.
    const env: Record<string, string> = database === 'pglite' ? {} : { DATABASE_URL: await dbs.blank() };
    const migrate = (...args: string[]) => runCli(['migrate', ...args], { cwd, env });

    if (database === 'postgres') {
      // (On PGlite this would only add a slow first start: the code path is the same.)
      const before = await migrate('status');
      expectExit(before, 1);
      expect(before.stdout).toBe(MIGRATIONS.map((name) => `pending  ${name}\n`).join(''));
    }

    const first = await migrate();
    expectExit(first, 0);
    expect(first.stdout).toBe(`Applied ${MIGRATIONS.length} migration(s):\n${MIGRATIONS.map((name) => `  ${name}\n`).join('')}`);
    if (database === 'pglite') expect(existsSync(join(cwd, 'data/pglite/PG_VERSION'))).toBe(true);

    const second = await migrate();
    expectExit(second, 0);
    expect(second.stdout).toBe('Database is up to date.\n');

    const status = await migrate('status');
    expectExit(status, 0);
    expect(status.stdout).toBe(MIGRATIONS.map((name) => `applied  ${name}\n`).join(''));
  });

  // PGlite is one process by construction (its directory cannot be shared); PostgreSQL is not.
  if (database === 'postgres') it('two `migrate` processes started together both succeed and apply each migration once', async () => {
    const url = await dbs.blank();
    const cwd = tempDir();
    const [a, b] = await Promise.all([startCli(['migrate'], { cwd, env: { DATABASE_URL: url } }).exited, startCli(['migrate'], { cwd, env: { DATABASE_URL: url } }).exited]);
    expectExit(a!, 0);
    expectExit(b!, 0);
    const outputs = [a!.stdout, b!.stdout].sort();
    expect(outputs).toEqual([`Applied ${MIGRATIONS.length} migration(s):\n${MIGRATIONS.map((name) => `  ${name}\n`).join('')}`, 'Database is up to date.\n']);

    const schema = new URL(url).searchParams.get('schema')!;
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; n: number }>(
        `SELECT migration_name, count(*)::int AS n FROM "${schema}"._prisma_migrations WHERE finished_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual(MIGRATIONS.map((name) => ({ migration_name: name, n: 1 })));
      const { rows: all } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}"._prisma_migrations`);
      expect(all[0]!.n).toBe(MIGRATIONS.length);
    } finally {
      await client.end();
    }
  });

  it('`export` writes activity logged with /dial as CSV, and nothing else, on stdout', async () => {
    const r = await cli(['export'], { DATABASE_URL: source.url, LOG_LEVEL: 'debug' });
    expectExit(r, 0);

    // Only CSV: the header, then one line per row (no note here spans lines), each a row id.
    const [first, ...rest] = lines(r.stdout);
    expect(first).toBe(HEADER);
    expect(rest).toHaveLength(source.expected.length);
    for (const line of rest) expect(line).toMatch(/^[0-9a-f-]{36},/);

    const rows = readExport(r.stdout);
    // One row per kind per entry, with the Slack user id, ISO-8601 UTC instants, voided rows marked.
    expect(rows.map(withoutId).sort(byContent)).toEqual([...source.expected].sort(byContent));
    expect(rows.map((row) => row.id).sort()).toEqual(source.ids);
    for (const row of rows) {
      expect(row.id).toMatch(UUID);
      expect(row.workspace_id).toBe('T0001');
      expect(row.source).toBe('slash');
      expect(row.occurred_at).toMatch(ISO_UTC);
      expect(row.logged_at).toMatch(ISO_UTC);
      if (row.voided_at) expect(row.voided_at).toMatch(ISO_UTC);
    }
    // Ordered by when it happened.
    const occurred = rows.map((row) => row.occurred_at);
    expect(occurred).toEqual([...occurred].sort());
    // RFC 4180: a field with a comma or quote is quoted, its quotes doubled.
    expect(r.stdout).toContain(`,dial,40,${at(0)},${at(0)},slash,"""quoted"", note",\n`);
  });

  it('`export --team Sales --format json` is the same rows as a JSON array; a bad format or team is a usage error', async () => {
    // One after another: an embedded database takes one process at a time.
    const url = dbs.copyOf(source.url);
    const json = await cli(['export', '--team', 'Sales', '--format', 'json'], { DATABASE_URL: url });
    const csv = await cli(['export'], { DATABASE_URL: url });
    const xml = await cli(['export', '--format', 'xml'], { DATABASE_URL: url });
    const nobody = await cli(['export', '--team', 'Nobody'], { DATABASE_URL: url });
    expectExit(json, 0);
    const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    // The reps logged through /dial joined the default team, Sales: every row is theirs.
    expect(rows.map((row) => ({ ...row, count: String(row.count), note: row.note ?? '', voided_at: row.voided_at ?? '' }))).toEqual(readExport(csv.stdout));
    expect(typeof rows[0]!.count).toBe('number');
    expectExit(xml, 2);
    expect(xml.stderr).toContain('--format must be csv or json, got "xml"');
    expectExit(nobody, 2);
    expect(nobody.stderr).toContain('no team is called or has the id "Nobody"');
    expect(nobody.stdout).toBe('');
  });

  it('`export --from/--to` keeps whole UTC days, both ends included', async () => {
    const exportRows = async (...args: string[]) => {
      const r = await cli(['export', ...args], { DATABASE_URL: dbs.copyOf(source.url) });
      expectExit(r, 0);
      return readExport(r.stdout);
    };
    const [day, dayBefore] = await Promise.all([exportRows('--from', DAY, '--to', DAY), exportRows('--to', PREV_DAY)]);
    // From 15:00 to 15:03 UTC on DAY: a one-day range holds all of that day.
    expect(day.map((row) => row.occurred_at).sort()).toEqual([at(0), at(0), at(2), at(3), at(3)]);
    expect(dayBefore.map((row) => [row.kind, row.count, row.occurred_at])).toEqual([['dial', '5', YESTERDAY_NOON_NY]]);
  });

  it('export → import into an empty database → export is byte-identical; importing again adds nothing', async () => {
    const cwd = tempDir();
    const original = await runCli(['export'], { cwd, env: { DATABASE_URL: source.url } });
    expectExit(original, 0);
    const file = join(cwd, 'activity.csv');
    writeFileSync(file, original.stdout);

    const target = await dbs.empty();
    const n = source.expected.length;
    const imported = await runCli(['import', file], { cwd, env: { DATABASE_URL: target } });
    expectExit(imported, 0);
    expect(imported.stdout).toBe(`Imported ${n} of ${n} row(s); 0 already present; 0 bad line(s).\n`);

    const again = await runCli(['export'], { cwd, env: { DATABASE_URL: target } });
    expectExit(again, 0);
    expect(again.stdout).toBe(original.stdout);

    const reimported = await runCli(['import', file], { cwd, env: { DATABASE_URL: target } });
    expectExit(reimported, 0);
    expect(reimported.stdout).toBe(`Imported 0 of ${n} row(s); ${n} already present; 0 bad line(s).\n`);
  });

  onceIt('`import --dry-run` reports what it would import and stores nothing', async () => {
    const cwd = tempDir();
    const file = join(cwd, 'dry.csv');
    writeFileSync(
      file,
      [
        'workspace_id,user_id,kind,count,occurred_at,note',
        `T0001,${REP},dial,30,${PREV_DAY}T14:00:00Z,`,
        `T0001,${REP},conversation,9,${PREV_DAY}T14:00:00Z,"from the old, tracker"`,
        `T0001,${REP2},close,1,${DAY}T09:30:00-05:00,`,
        '',
      ].join('\n'),
    );
    const url = await dbs.empty();
    const dry = await runCli(['import', file, '--dry-run'], { cwd, env: { DATABASE_URL: url } });
    expectExit(dry, 0);
    expect(dry.stdout).toBe('Would import 3 of 3 row(s); 0 already present; 0 bad line(s).\n');

    const exported = await runCli(['export'], { cwd, env: { DATABASE_URL: url } });
    expectExit(exported, 0);
    expect(exported.stdout).toBe(`${HEADER}\n`);
  });

  it('`import` reports each bad line by number, stores the good ones, and exits 1', async () => {
    const cwd = tempDir();
    const file = join(cwd, 'mixed.csv');
    writeFileSync(
      file,
      [
        'workspace_id,user_id,kind,count,occurred_at,note', //                                   line 1
        `T0001,${REP},dial,10,${PREV_DAY}T15:00:00Z,good`, //                                    line 2
        `T0001,${REP},calls,3,${PREV_DAY}T15:00:00Z,`, //                                        line 3: kind
        `T0001,${REP},dial,0,${PREV_DAY}T15:00:00Z,`, //                                         line 4: count
        `T0001,${REP},dial,3,2099-01-01T00:00:00Z,`, //                                          line 5: future
        `T0001,bob,dial,3,${PREV_DAY}T15:00:00Z,`, //                                            line 6: user id
        `T0001,${REP2},conversation,4,${PREV_DAY}T16:00:00Z,"two`, //                            line 7-8: a multi-line note
        'lines"',
        `T0001,${REP},dial,3,${PREV_DAY}T15:00:00,`, //                                          line 9: no timezone
        `T0001,${REP2},close,1,${PREV_DAY}T18:00:00+01:00,`, //                                  line 10
        '',
      ].join('\n'),
    );
    const url = await dbs.empty();
    const r = await runCli(['import', file], { cwd, env: { DATABASE_URL: url } });
    expectExit(r, 1);
    const out = lines(r.stdout);
    expect(out.filter((line) => line.startsWith('line '))).toEqual([
      'line 3: kind "calls" is not one of dial, conversation, presentation, opportunity, close',
      'line 4: count "0" must be a whole number from 1 to 1000',
      expect.stringMatching(/^line 5: occurred_at is in the future/),
      'line 6: user_id "bob" is not a Slack id like U0123ABCD',
      expect.stringMatching(/^line 9: occurred_at ".*" is not an ISO-8601 instant with a timezone/),
    ]);
    expect(out.at(-1)).toMatch(/^Imported 3 of 8 row\(s\); 0 already present; 5 bad line\(s\)/);

    const exported = await runCli(['export'], { cwd, env: { DATABASE_URL: url } });
    expectExit(exported, 0);
    expect(readExport(exported.stdout).map((row) => [row.user_id, row.kind, row.count, row.occurred_at, row.source, row.note])).toEqual([
      [REP, 'dial', '10', `${PREV_DAY}T15:00:00.000Z`, 'import', 'good'],
      [REP2, 'conversation', '4', `${PREV_DAY}T16:00:00.000Z`, 'import', 'two\nlines'],
      [REP2, 'close', '1', `${PREV_DAY}T17:00:00.000Z`, 'import', ''],
    ]);
  });

  onceIt('`import` of a file with a malformed quote names its line and stores nothing', async () => {
    const cwd = tempDir();
    const head = 'workspace_id,user_id,kind,count,occurred_at,note';
    const good = `T0001,${REP},dial,10,${PREV_DAY}T15:00:00Z`;
    const stray = join(cwd, 'stray.csv');
    // Lines 3-4 hold one record; the stray quote is on line 5.
    writeFileSync(stray, [head, `${good},ok`, `${good},"multi`, 'line"', `${good},bad "quote" here`, `${good},x`, ''].join('\n'));
    const unclosed = join(cwd, 'unclosed.csv');
    // The quote opened on line 3 never closes; the parser only notices at the end of the file.
    writeFileSync(unclosed, [head, `${good},ok`, `${good},"never closed`, `${good},x`, `${good},y`, ''].join('\n'));

    const url = await dbs.empty();
    const a = await runCli(['import', stray], { cwd, env: { DATABASE_URL: url } });
    expectExit(a, 1);
    expect(lines(a.stdout)[0]).toMatch(/^line 5: the file is not valid CSV: Invalid Opening Quote/);
    const b = await runCli(['import', unclosed], { cwd, env: { DATABASE_URL: url } });
    expectExit(b, 1);
    expect(lines(b.stdout)[0]).toMatch(/^line 3: the file is not valid CSV: Quote Not Closed/);
    // Nothing stored from either file, the good lines before the bad quote included.
    for (const r of [a, b]) expect(lines(r.stdout)[1]).toMatch(/^Imported 0 of 0 row\(s\); 0 already present; 1 bad line\(s\)/);
  });

  describe('doctor', () => {
    let fake: FakeSlack;
    beforeEach(async () => {
      fake = await FakeSlack.start();
    });
    afterEach(() => fake.stop());
    const doctor = (env: Record<string, string | undefined>) =>
      runCli(['doctor'], {
        cwd: tempDir(),
        env: { SLACK_API_URL: fake.apiUrl, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, DATABASE_URL: source.url, ...env },
      });
    const databaseLine = () =>
      database === 'pglite' ? `✔ database reachable (embedded, ${source.url.replace(/^pglite:\/\//, '')})` : '✔ database reachable (PostgreSQL)';

    it('passes every check with good settings, exit 0, warning of reps whose alerts would reach no manager', async () => {
      const r = await doctor({});
      expectExit(r, 0);
      expect(r.stdout).toBe(
        [
          `✔ configuration (HTTP mode, Slack API ${fake.apiUrl})`,
          databaseLine(),
          '✔ database schema up to date',
          '! team "Sales": 2 rep(s) and no manager — their missed-week alerts reach no one; name a manager in /dial team',
          '✔ Slack bot token works (workspace Example, bot @dialbot)',
          'All checks passed.',
          '',
        ].join('\n'),
      );
      expect(fake.callsTo('auth.test').map((c) => c.token)).toEqual([BOT_TOKEN]);
    });

    onceIt('fails with a revoked token, naming auth.test, exit 1', async () => {
      fake.failNext('auth.test', { error: 'invalid_auth' });
      const r = await doctor({});
      expectExit(r, 1);
      expect(r.stdout).toContain(`${databaseLine()}\n`);
      expect(r.stdout).toMatch(/^✖ Slack auth\.test failed: invalid_auth/m);
      expect(r.stdout).toContain('1 check(s) failed.');
      expect(r.stdout + r.stderr).not.toContain(BOT_TOKEN);
    });

    onceIt('under OAuth, lists the installed workspaces and checks each token', async () => {
      const url = dbs.copyOf(source.url);
      const token = 'xoxb-installed-token-9';
      // Closed before the child opens it: an embedded database serves one process at a time.
      const withDb = async (fn: (prisma: PrismaClient) => Promise<unknown>) => {
        const db = await openDatabase(url);
        await fn(db.prisma).finally(() => db.close());
      };
      await withDb((prisma) => prisma.installation.create({ data: { workspaceId: 'T0001', botToken: token, botUserId: 'UBOT', botScopes: ['commands'], installerUserId: 'UADMIN', installedAt: new Date() } }));
      try {
        const r = await doctor({ DATABASE_URL: url, SLACK_BOT_TOKEN: undefined, SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'state-secret-0123456789' });
        expectExit(r, 0);
        expect(r.stdout).toContain('✔ OAuth installs: 1 workspace(s); more install at <your URL>/slack/install\n✔ Slack bot token works (workspace Example, bot @dialbot)\n');
        expect(fake.callsTo('auth.test').map((c) => c.token)).toEqual([token]);
        expect(r.stdout + r.stderr).not.toContain(token);
      } finally {
        // On PostgreSQL the "copy" is the suite's shared source: leave it as it was.
        await withDb((prisma) => prisma.installation.deleteMany());
      }
    });

    onceIt('fails without SLACK_SIGNING_SECRET, naming it, exit 1', async () => {
      const r = await doctor({ SLACK_SIGNING_SECRET: undefined });
      expectExit(r, 1);
      expect(r.stdout).toMatch(/^✖ configuration:\n\s+SLACK_SIGNING_SECRET is missing/m);
      expect(r.stdout).toContain(`${databaseLine()}\n`);
      expect(r.stdout).not.toMatch(/^✔ configuration/m);
    });
  });

  it('`start` serves Slack and the probes, and stops cleanly on SIGTERM', async () => {
    const fake = await FakeSlack.start();
    try {
      fake.setUser({ id: REP, tz: 'America/New_York' });
      const cwd = tempDir();
      const env: Record<string, string> = {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        HOST: '127.0.0.1',
        PORT: String(await freePort()),
      };
      if (database === 'pglite') {
        // The embedded default: ./data/pglite under the working directory.
        cpSync(await migratedPgliteTemplate(), join(cwd, 'data/pglite'), { recursive: true });
      } else {
        env.DATABASE_URL = await dbs.blank();
      }
      const app = startCli(['start'], { cwd, env, timeoutMs: 45_000 });
      let exited = false;
      void app.exited.then(() => (exited = true));
      const base = `http://127.0.0.1:${env.PORT}`;
      await waitForHttp(`${base}/healthz`, 200, 30_000, () => !exited);
      await waitForHttp(`${base}/readyz`, 200, 10_000, () => !exited);

      // A signed /dial reaches the real process and gets its ephemeral reply.
      const requester = new SlackRequester({ url: `${base}/slack/events`, signingSecret: SIGNING_SECRET });
      const responseUrl = fake.responseUrl();
      const ack = await requester.command({ user_id: REP, text: '3', response_url: responseUrl });
      expect(ack.status).toBe(200);
      const reply = await fake.waitFor('response_url', (c) => c.args._path === new URL(responseUrl).pathname, 10_000);
      expect(reply.args.text).toContain('Logged 3 dials');

      const signalled = Date.now();
      app.child.kill('SIGTERM');
      const r = await app.exited;
      expect(Date.now() - signalled).toBeLessThan(15_000);
      expectExit(r, 0);

      const logLines = lines(r.stdout);
      const logs = logLines.map((line) => {
        try {
          return JSON.parse(line) as { msg?: string };
        } catch {
          throw new Error(`stdout line is not JSON: ${line}`);
        }
      });
      const messages = logs.map((log) => log.msg);
      expect(messages).toContain('dialbot is ready');
      expect(messages).toContain('signal received');
      expect(messages.at(-1)).toBe('stopped');
      const output = r.stdout + r.stderr;
      expect(output).not.toContain(BOT_TOKEN);
      expect(output).not.toContain(SIGNING_SECRET);
      if (database === 'pglite') expect(existsSync(join(cwd, 'data/pglite/PG_VERSION'))).toBe(true);
    } finally {
      await fake.stop();
    }
  });
});
