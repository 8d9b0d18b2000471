/**
 * Starts the real dialbot (same composition root as `dialbot start`) on a random port, against a
 * real database and the fake Slack, with a clock the test controls. Requests are signed like Slack's.
 *
 * Databases: every suite runs on the embedded default (PGlite, in memory) and on PostgreSQL
 * (127.0.0.1:5432, database `test`, a schema of its own per harness, dropped afterwards).
 * `DIALBOT_TEST_DATABASES=pglite` limits a local run to one of them.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { startDialbot, type Dialbot } from '../../src/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { FakeSlack } from './fake-slack.js';
import { SlackRequester } from './slack-request.js';

export type TestDatabase = 'pglite' | 'postgres';

export const POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/test';
export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-bot-token-0000';

/** The databases every e2e suite runs against. */
export function testDatabases(): TestDatabase[] {
  const only = process.env.DIALBOT_TEST_DATABASES?.split(',').map((s) => s.trim());
  return (['pglite', 'postgres'] as const).filter((db) => !only || only.includes(db));
}

/** A clock the test moves by hand. */
export class TestClock {
  private current: Date;
  constructor(at: string) {
    this.current = new Date(at);
  }
  readonly now = (): Date => new Date(this.current);
  set(at: string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type LogLine = Record<string, unknown> & { msg?: string; level?: string };

export type Harness = {
  /** Empties every table (migrations kept), forgets the fake's calls and sets the clock: a clean slate between tests. */
  reset(at?: string): Promise<void>;
  slack: FakeSlack;
  requester: SlackRequester;
  dialbot: Dialbot;
  prisma: PrismaClient;
  clock: TestClock;
  logs: LogLine[];
  /** Raw log output, to search for things that must never be logged. */
  rawLogs: () => string;
  databaseUrl: string;
  stop(): Promise<void>;
};

export async function createPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `dialbot_test_${randomBytes(6).toString('hex')}`;
  return {
    url: `${POSTGRES_URL}?schema=${schema}`,
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function startHarness(options: { database: TestDatabase; now?: string; env?: Record<string, string> }): Promise<Harness> {
  const slack = await FakeSlack.start();
  const clock = new TestClock(options.now ?? '2026-12-04T15:00:00Z');
  const postgres = options.database === 'postgres' ? await createPostgresSchema() : undefined;
  const databaseUrl = postgres?.url ?? 'pglite://memory://';

  const chunks: string[] = [];
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk.toString();
      chunks.push(text);
      for (const line of text.split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });

  const dialbot = await startDialbot({
    env: {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      ...options.env,
    },
    clock: clock.now,
    scheduler: false, // tests run jobs themselves, at the instants they choose
    logger: createLogger({ level: 'debug', destination: stream }),
  });
  const requester = new SlackRequester({ url: `http://127.0.0.1:${dialbot.port}/slack/events`, signingSecret: SIGNING_SECRET });

  const startAt = options.now ?? '2026-12-04T15:00:00Z';
  return {
    async reset(at = startAt) {
      const tables = await dialbot.db.prisma.$queryRawUnsafe<{ name: string }[]>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
      );
      await dialbot.db.prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(', ')} CASCADE`);
      slack.reset();
      clock.set(at);
    },
    slack,
    requester,
    dialbot,
    prisma: dialbot.db.prisma,
    clock,
    logs,
    rawLogs: () => chunks.join(''),
    databaseUrl,
    async stop() {
      // Each step runs even if an earlier one fails (a test may have closed the database itself).
      const results = await Promise.allSettled([dialbot.stop()]);
      await slack.stop();
      await postgres?.drop();
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}

/** Resolves once `check` passes (the app works after acking, so results land a moment later). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** What a rep sees after a slash command: the HTTP ack, and the ephemeral reply posted to response_url. */
export async function slash(
  h: Harness,
  userId: string,
  text: string,
  fields: Record<string, string> = {},
): Promise<{ ack: Awaited<ReturnType<SlackRequester['command']>>; responseUrl: string; reply: () => Promise<Record<string, unknown>> }> {
  const responseUrl = h.slack.responseUrl();
  const ack = await h.requester.command({ user_id: userId, text, response_url: responseUrl, ...fields });
  const path = new URL(responseUrl).pathname;
  return {
    ack,
    responseUrl,
    reply: async () => (await h.slack.waitFor('response_url', (c) => c.args._path === path)).args,
  };
}

/** All mrkdwn/plain text in a message or view's blocks, joined, for assertions on what users read. */
export function visibleText(message: { text?: unknown; blocks?: unknown }): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') parts.push(record.text);
      for (const [key, value] of Object.entries(record)) if (key !== 'text' || typeof value !== 'string') walk(value);
    }
  };
  walk(message.blocks ?? []);
  return parts.join('\n');
}
