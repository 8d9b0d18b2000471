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
