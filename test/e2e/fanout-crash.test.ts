// Exactly-once fan-out across a crash, with real processes: `dialbot run-job daily-progress` posts a
// 120-rep team's progress as 3 channel messages; the process is killed with SIGKILL after N of them,
// and restarting it must end with the 3 messages in the channel, each once.
//
// How the kill lands where we want it, without racing the clock: the test installs a trigger on
// "Delivery" that parks the child inside the INSERT of part N+1's row (pg_sleep). The child records
// and marks part n before it records part n+1, so once the child is parked, parts 1..N are sent
// and marked and part N+1 was never sent, and it cannot get further until it is killed. The test
// learns that the child is parked from PostgreSQL's pg_stat_activity or, on PGlite (in the child's
// own process), from a file the trigger writes into the data directory.
//
// Not tested: a kill while a message is in flight (Slack has it, the Delivery is not yet marked).
// That message would go out twice: chat.postMessage has no idempotency key.
//
// The claim: the killed run's slot is still claimed by its `host:pid`. That process is gone from
// this host, so the restart takes the slot over at once (no waiting out the lease).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { KnownBlock } from '@slack/types';
import { openDatabase, type Database } from '../../src/db/client.js';
import { deployMigrations } from '../../src/db/migrate.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { logActivity } from '../../src/services/activities/log-activity.js';
import { ensureDefaultTeam } from '../../src/services/members/ensure-default-team.js';
import { ensureMember } from '../../src/services/members/ensure-member.js';
import { loadTeamSettings } from '../../src/services/teams/team-settings.js';
import { updateTeamSettings } from '../../src/services/teams/update-team-settings.js';
import { killChildren, removeTempDirs, runCli, startCli, tempDir, type CliResult, type RunningCli } from '../helpers/cli.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { givenTeamGoal } from '../helpers/goals.js';
import { BOT_TOKEN, createPostgresSchema, SIGNING_SECRET, testDatabases, visibleText, type TestDatabase } from '../helpers/harness.js';

const WORKSPACE = 'T0001';
const BOSS = 'U0BOSS';
const CHANNEL = 'C0SALES';
const ZONE = 'America/New_York';
/** 120 reps, 40 per message (REPS_PER_MESSAGE): the post is 3 messages. */
const REPS = Array.from({ length: 120 }, (_, i) => ({ id: `U1${String(i).padStart(3, '0')}`, name: `rep1${String(i).padStart(3, '0')}`, dials: i + 1 }));
const M = 3;
/** Every rep logs on Tue 1 Dec 2026: the week's count shows on Thursday's and Friday's posts. */
const LOGGED_AT = new Date('2026-12-01T15:00:00Z');

/**
 * Two cut points, each its own slot (day) of the same team: killed after 1 of 3, and after 2 of 3.
 * Both on PostgreSQL; on PGlite (slower to open, and the same job code) the first, where the
 * resumed run has the most left to send.
 */
const CASES = [
  { killAfter: 1, at: '2026-12-04T21:30:00Z', date: '2026-12-04', title: 'Daily progress · Sales · Fri 4 Dec' },
  { killAfter: 2, at: '2026-12-03T21:45:00Z', date: '2026-12-03', title: 'Daily progress · Sales · Thu 3 Dec' },
] as const;

const part = (n: number) => `channel:${CHANNEL}:part:${n}`;
const GATE_FILE = 'fanout-gate-reached';
/** Longer than any test: only the kill ends it. */
const GATE_SLEEP_S = 300;

type Post = { channel: string; text: string; blocks: KnownBlock[] };

/** What a CLI run printed, for failure messages. */
const shown = (r: CliResult) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;

function expectExit(result: CliResult, code: number): void {
  if (result.code !== code) throw new Error(`expected exit ${code}, got ${shown(result)}`);
}

/** Resolves once `check` holds; fails at once if the child exits first (with its output). */
async function whileRunning(cli: RunningCli, what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  let exited: CliResult | undefined;
  void cli.exited.then((r) => (exited = r));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (exited) throw new Error(`the child exited before ${what}: ${shown(exited)}`);
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms\n--- stdout\n${cli.stdout()}--- stderr\n${cli.stderr()}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

/** The database one suite's children share, and the test's own way into it between runs. */
type TestDb = {
  /** DATABASE_URL for the children. */
  url: string;
  /** Runs `fn` on the database (PGlite: only while no child has it open). */
  use<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /** Whether a child is parked in the gate. */
  gateReached(): Promise<boolean>;
  /** After the parked child is killed: nothing of it is left holding the database. */
  afterKill(): Promise<void>;
  close(): Promise<void>;
};

async function postgresDb(): Promise<TestDb> {
  const schema = await createPostgresSchema();
  // The children's connections carry a name of their own, to find them in pg_stat_activity.
  const app = `fanout-${new URL(schema.url).searchParams.get('schema')}`;
  const db = await openDatabase(schema.url);
  const children = async (where: string) =>
    (await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 ${where}`, app))[0]!.n;
  const terminate = async () => {
    await db.prisma.$queryRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, app);
    for (let i = 0; (await children('')) > 0; i++) {
      if (i > 400) throw new Error(`connections of ${app} still open`);
      await new Promise((done) => setTimeout(done, 25));
    }
  };
  return {
    url: `${schema.url}&application_name=${app}`,
    use: (fn) => fn(db),
    gateReached: async () => (await children(`AND wait_event = 'PgSleep'`)) === 1,
    // A killed client's backend sleeping in the gate does not notice the client is gone: it would
    // hold its row locks (and later insert part N+1's row) until the sleep ends.
    afterKill: terminate,
    async close() {
      await terminate().catch(() => undefined);
      await db.close();
      await schema.drop();
    },
  };
}

function pgliteDb(): TestDb {
  const dir = join(tempDir('dialbot-fanout-'), 'db');
  return {
    url: `pglite://${dir}`,
    async use(fn) {
      const db = await openDatabase(`pglite://${dir}`);
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    gateReached: async () => existsSync(join(dir, GATE_FILE)),
    async afterKill() {
      rmSync(join(dir, GATE_FILE), { force: true });
    },
    close: async () => undefined,
  };
}

/** Parks whoever inserts part `n`'s Delivery row (see the top of the file). */
async function installGate(prisma: PrismaClient, database: TestDatabase, n: number): Promise<void> {
  // PGlite runs inside the child: it tells the test through a file in its data directory.
  const signal = database === 'pglite' ? `EXECUTE format('COPY (SELECT 1) TO %L', current_setting('data_directory') || '/${GATE_FILE}');` : '';
  await prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION fanout_gate() RETURNS trigger LANGUAGE plpgsql AS $gate$
    BEGIN
      IF NEW.recipient = '${part(n)}' THEN
        ${signal}
        PERFORM pg_sleep(${GATE_SLEEP_S});
      END IF;
      RETURN NEW;
    END
    $gate$`);
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS fanout_gate ON "Delivery"`);
  await prisma.$executeRawUnsafe(`CREATE TRIGGER fanout_gate BEFORE INSERT ON "Delivery" FOR EACH ROW EXECUTE FUNCTION fanout_gate()`);
}

async function removeGate(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS fanout_gate ON "Delivery"`);
  await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS fanout_gate()`);
}

/**
 * A migrated database with the workspace's team posting to CHANNEL in New York time, a goal plan,
 * and 120 reps who each logged a different number of dials — stored through the app's services.
 */
async function seed(prisma: PrismaClient): Promise<string> {
  const now = new Date('2026-12-01T16:00:00Z');
  const names = new Map(REPS.map((r) => [r.id, r.name]));
  const directory = { profile: async (id: string) => ({ displayName: names.get(id) ?? id, timezone: ZONE, isWorkspaceAdmin: false }) };
  for (const rep of REPS) {
    const member = await ensureMember(prisma, directory, { workspaceId: WORKSPACE, slackUserId: rep.id, now, defaultTimezone: ZONE });
    await logActivity(prisma, {
      workspaceId: WORKSPACE,
      memberId: member.id,
      counts: { dial: rep.dials },
      occurredAt: LOGGED_AT,
      source: 'slash',
      authorUserId: rep.id,
      note: undefined,
      requestKey: `fanout-seed-${rep.id}`,
      now,
    });
  }
  const team = await ensureDefaultTeam(prisma, WORKSPACE);
  const { settings } = (await loadTeamSettings(prisma, team.id))!;
  await updateTeamSettings(prisma, {
    workspaceId: WORKSPACE,
    teamId: team.id,
    actorUserId: BOSS,
    settings: { ...settings, channelId: CHANNEL, timezone: ZONE },
    managerMemberIds: [],
    requestKey: 'fanout-seed-team',
    now,
  });
  await givenTeamGoal(prisma, { effectiveFrom: '2026-11-01', createdBy: BOSS, now });
  return team.id;
}

afterAll(() => killChildren());
afterAll(() => removeTempDirs());

describe.each(testDatabases())('daily progress fan-out killed with SIGKILL, on %s', (database) => {
  let db: TestDb;
  let teamId: string;

  beforeAll(async () => {
    db = database === 'postgres' ? await postgresDb() : pgliteDb();
    teamId = await db.use(async (open) => {
      await deployMigrations(open);
      return seed(open.prisma);
    });
  }, 60_000);
  afterAll(async () => {
    killChildren(); // a child left parked by a failed test must not outlive its database
    await db?.close();
  });

  it.each(database === 'postgres' ? CASES : CASES.filter((c) => c.killAfter === 1))('killed after $killAfter of 3 messages, then restarted: 3 messages in the channel, each once', async ({ killAfter, at, date, title }) => {
    const fake = await FakeSlack.start();
    try {
      const slot = `daily-progress:${teamId}:${date}`;
      const env = { DATABASE_URL: db.url, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'warn' };
      const cliOptions = () => ({ cwd: tempDir(), env });
      const args = ['run-job', 'daily-progress', '--team', teamId, '--at', at];
      const posts = (): Post[] => fake.callsTo('chat.postMessage').map((c) => c.args as unknown as Post);
      const summary = (r: CliResult) => JSON.parse(r.stdout) as unknown;

      await db.use(({ prisma }) => installGate(prisma, database, killAfter + 1));

      // 1. The first run sends parts 1..N, then is parked before part N+1; it is killed there.
      const first = startCli(args, { ...cliOptions(), timeoutMs: 45_000 });
      await whileRunning(first, `a child parked before part ${killAfter + 1}`, () => db.gateReached());
      expect(posts().map((p) => p.text)).toEqual(Array.from({ length: killAfter }, (_, i) => `${title} (${i + 1}/${M})`));
      first.child.kill('SIGKILL');
      const killed = await first.exited;
      expect(killed.signal).toBe('SIGKILL');
      if (database === 'pglite') {
        // The dead process's pid lock is left behind; the next process must take it over.
        expect(readFileSync(join(db.url.replace(/^pglite:\/\//, ''), '.dialbot.lock'), 'utf8')).toBe(String(first.child.pid));
      }
      await db.afterKill();

      // 2. What the crash left: the claim of the killed process, parts 1..N marked sent, nothing else.
      await db.use(async ({ prisma }) => {
        await removeGate(prisma);
        const run = await prisma.jobRun.findUniqueOrThrow({ where: { slot }, include: { deliveries: { orderBy: { recipient: 'asc' } } } });
        expect(run.finishedAt).toBeNull();
        expect(run.claimedBy).toBe(`${hostname()}:${first.child.pid}`);
        expect(run.deliveries.map((d) => [d.recipient, d.sentAt !== null, d.messageTs !== null, d.error])).toEqual(
          Array.from({ length: killAfter }, (_, i) => [part(i + 1), true, true, null]),
        );
      });

      // 3. Restarted at once: the claimer is dead, so it takes the slot over and sends only the rest.
      const resuming = startCli(args, { ...cliOptions(), timeoutMs: 30_000 });
      const resumed = await resuming.exited;
      expectExit(resumed, 0);
      expect(summary(resumed)).toEqual({ job: 'daily-progress', at: new Date(at).toISOString(), slots: [{ teamId, slot, status: 'sent', messages: M - killAfter }] });
      const warnings = resumed.stderr.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg?: string; slot?: string });
      expect(warnings).toContainEqual(expect.objectContaining({ msg: 'resuming a job run another process left unfinished', slot }));

      // Slack got M messages, all to the channel, parts 1..M in order, each once.
      const sent = posts();
      expect(sent.map((p) => p.channel)).toEqual(Array(M).fill(CHANNEL));
      expect(sent.map((p) => p.text)).toEqual(Array.from({ length: M }, (_, i) => `${title} (${i + 1}/${M})`));
      expect(new Set(sent.map((p) => JSON.stringify(p.blocks))).size).toBe(M);
      // Every rep in exactly one message, in order, 40 a message: no part repeated or skipped.
      const sections = sent.map((p) =>
        p.blocks.flatMap((b) => (b.type === 'section' && b.text && /^\*rep\d+\*\n/.test(b.text.text) ? [b.text.text] : [])),
      );
      expect(sections.map((s) => s.length)).toEqual([40, 40, 40]);
      const all = sections.flat();
      expect(all.map((text) => /^\*(rep\d+)\*/.exec(text)![1])).toEqual(REPS.map((r) => r.name));
      // … each with their own week: rep1000 logged 1 dial, rep1119 120.
      all.forEach((text, i) => expect(text).toContain(` · Week ${REPS[i]!.dials} / `));
      // The summary (team total, at or above pace) heads part 1 only.
      expect(sent.map((p) => visibleText(p).includes('*Team total* (120 reps)'))).toEqual([true, false, false]);

      // The database: the slot finished by the resuming process, M deliveries, each sent once.
      await db.use(async ({ prisma }) => {
        const run = await prisma.jobRun.findUniqueOrThrow({ where: { slot }, include: { deliveries: { orderBy: { recipient: 'asc' } } } });
        expect(run.finishedAt).not.toBeNull();
        expect(run.claimedBy).toBe(`${hostname()}:${resuming.child.pid}`);
        expect(run.deliveries.map((d) => [d.recipient, d.sentAt !== null, d.error])).toEqual(Array.from({ length: M }, (_, i) => [part(i + 1), true, null]));
        expect(new Set(run.deliveries.map((d) => d.messageTs)).size).toBe(M);
        expect(run.deliveries.every((d) => /^\d+\.\d+$/.test(d.messageTs ?? ''))).toBe(true);
        expect(await prisma.delivery.count({ where: { jobRun: { slot } } })).toBe(M);
      });

      // 4. Once more: the slot is done, nothing is sent.
      const done = await runCli(args, cliOptions());
      expectExit(done, 0);
      expect(summary(done)).toEqual({ job: 'daily-progress', at: new Date(at).toISOString(), slots: [{ teamId, slot, status: 'done', messages: 0 }] });
      expect(done.stderr).toContain(`${slot}: already done`);
      expect(posts()).toHaveLength(M);
    } finally {
      await fake.stop();
    }
  }, 90_000);
});
