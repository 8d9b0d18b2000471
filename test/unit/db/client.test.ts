// The embedded database is single-process: a second opener is refused with a clear message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseBusyError, openDatabase, parseDatabaseUrl } from '../../../src/db/client.js';

describe('parseDatabaseUrl', () => {
  it('picks the runtime from DATABASE_URL', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'pglite', dataDir: join(process.cwd(), 'data/pglite') });
    expect(parseDatabaseUrl('pglite://memory://')).toEqual({ kind: 'pglite', dataDir: null });
    expect(parseDatabaseUrl('file:./x/db')).toEqual({ kind: 'pglite', dataDir: join(process.cwd(), 'x/db') });
    expect(parseDatabaseUrl('postgresql://u:p@h:5432/d?schema=s1&sslmode=require')).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://u:p@h:5432/d?sslmode=require',
      schema: 's1',
    });
    expect(parseDatabaseUrl('postgres://h/d')).toMatchObject({ kind: 'postgres', schema: undefined });
  });
});

describe('embedded database lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dialbot-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second opener of the same directory until the first closes', async () => {
    const first = await openDatabase(`pglite://${dir}`);
    await expect(openDatabase(`pglite://${dir}`)).rejects.toThrow(DatabaseBusyError);
    await expect(openDatabase(`pglite://${dir}`)).rejects.toThrow(/in use by another dialbot process \(pid \d+\)/);
    await first.close();
    const second = await openDatabase(`pglite://${dir}`);
    await second.close();
  });

  it('takes over a lock left by a process that died', async () => {
    writeFileSync(join(dir, '.dialbot.lock'), '999999999');
    const db = await openDatabase(`pglite://${dir}`);
    await db.close();
  });
});

describe('migrations on PostgreSQL', () => {
  it('leave no advisory lock behind, so the next process migrates at once', async () => {
    const { createPostgresSchema, POSTGRES_URL } = await import('../../helpers/harness.js');
    const { deployMigrations } = await import('../../../src/db/migrate.js');
    const pg = (await import('pg')).default;
    const schema = await createPostgresSchema();
    const db = await openDatabase(schema.url);
    const probe = new pg.Client({ connectionString: POSTGRES_URL });
    await probe.connect();
    try {
      expect((await deployMigrations(db)).length).toBeGreaterThan(0);
      // Prisma's engine locks 72707369 and never unlocks: dialbot must close the engine's connection.
      const engineSessions = await probe.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [`dialbot-migrate:${process.pid}`]);
      expect(engineSessions.rows).toEqual([]);
    } finally {
      await probe.end();
      await db.close();
      await schema.drop();
    }
  });
});
