// The Prisma client and the runtime behind it, chosen from DATABASE_URL:
// unset / file: / pglite:// → embedded PostgreSQL (PGlite, WASM) on disk or in memory;
// postgres:// / postgresql:// → a PostgreSQL server through node-postgres.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';

export type Db = PrismaClient;

export const DEFAULT_DATA_DIR = './data/pglite';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null } // null: in memory
  | { kind: 'postgres'; connectionString: string; schema: string | undefined };

export type Database = {
  prisma: PrismaClient;
  target: DatabaseTarget;
  /** Driver adapter factory shared by the client and the migrator. */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /**
   * Runs `fn` while holding a database-wide lock (so one process at a time migrates), giving it
   * the adapter the schema engine must use.
   */
  withMigrationLock<T>(fn: (adapter: SqlMigrationAwareDriverAdapterFactory) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (!url) return { kind: 'pglite', dataDir: resolve(DEFAULT_DATA_DIR) };
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    return { kind: 'postgres', connectionString: parsed.toString(), schema };
  }
  const location = url.replace(/^pglite:\/\//, '').replace(/^file:/, '');
  if (location === 'memory://' || location === 'memory') return { kind: 'pglite', dataDir: null };
  return { kind: 'pglite', dataDir: resolve(location) };
}

/** Thrown when the embedded database directory is already open in another process. */
export class DatabaseBusyError extends Error {
  readonly code = 'database_busy';
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is single-process: two processes on one data directory would corrupt it. A lock file
 * holding the owner's pid keeps a second process (say, `dialbot export` beside `dialbot start`)
 * out; a lock left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, '.dialbot.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner && isRunning(owner)) {
        throw new DatabaseBusyError(
          `The embedded database in ${dataDir} is in use by another dialbot process (pid ${owner}). ` +
            'Stop it first, or use PostgreSQL (DATABASE_URL) to run several processes.',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseBusyError(`Could not lock the embedded database in ${dataDir}.`);
}

// An arbitrary constant identifying dialbot's migration lock among advisory locks.
const MIGRATION_LOCK_KEY = 4_242_001;

export async function openDatabase(url: string | undefined): Promise<Database> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'pglite') {
    let unlock = () => undefined as void;
    if (target.dataDir) {
      mkdirSync(target.dataDir, { recursive: true });
      unlock = lockDataDir(target.dataDir);
    }
    let pglite: PGlite;
    try {
      pglite = await PGlite.create(target.dataDir ? { dataDir: target.dataDir } : {});
    } catch (error) {
      unlock();
      throw error;
    }
    const adapter = new PrismaPGlite(pglite);
    const prisma = new PrismaClient({ adapter });
    return {
      prisma,
      target,
      adapter,
      // PGlite is single-process by construction: its data dir cannot be shared.
      withMigrationLock: (fn) => fn(adapter),
      async close() {
        try {
          await prisma.$disconnect();
          await pglite.close();
        } finally {
          unlock();
        }
      },
    };
  }

  const searchPath = target.schema ? { options: `-c search_path="${target.schema.replace(/"/g, '')}"` } : {};
  const poolConfig: pg.PoolConfig = { connectionString: target.connectionString, ...searchPath };
  const pool = new pg.Pool({ ...poolConfig, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  if (target.schema) {
    const client = new pg.Client({ connectionString: target.connectionString });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
  }
  const adapter = new PrismaPg(pool, target.schema ? { schema: target.schema } : undefined);
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    target,
    adapter,
    async withMigrationLock(fn) {
      const client = new pg.Client(poolConfig);
      await client.connect();
      // The engine takes Prisma's own advisory lock and never releases it (its CLI exits instead):
      // on a shared pool the lock would stay on an idle connection and stall the next migrator.
      // It gets a one-connection pool of its own, closed afterwards, which frees that lock.
      const enginePool = new pg.Pool({ ...poolConfig, max: 1, application_name: `dialbot-migrate:${process.pid}` });
      enginePool.on('error', () => undefined);
      try {
        // Database-wide, not per schema: Prisma's engine takes its own database-wide lock with a
        // 10 s timeout, so migrators of different schemas must queue here (no timeout) instead.
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        return await fn(new PrismaPg(enginePool, target.schema ? { schema: target.schema } : undefined));
      } finally {
        await enginePool.end().catch(() => undefined);
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        await client.end();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** True when the database answers a trivial query. */
export async function isDatabaseReady(prisma: PrismaClient, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((done) => {
    timer = setTimeout(() => done(false), timeoutMs);
  });
  const query = prisma.$queryRawUnsafe('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
