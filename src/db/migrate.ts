// Migrations without the Prisma CLI (it downloads a native engine; these machines are offline):
// Prisma's own schema engine compiled to WASM, driven through the same driver adapter as the
// client. It reads and writes Prisma's standard `_prisma_migrations` table, so `prisma migrate
// deploy` stays compatible. See README → Contributing → Migrations.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as Engine from '@prisma/schema-engine-wasm';
import type { Database } from './client.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCHEMA_PATH = join(root, 'prisma/schema.prisma');
export const MIGRATIONS_DIR = join(root, 'prisma/migrations');

const NO_FILTERS = { externalTables: [], externalEnums: [] };

type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let gluePromise: Promise<Glue> | undefined;

/**
 * The engine arms ~10 s timers (e.g. connect timeouts) it never clears; unref them so a CLI
 * command or test run exits as soon as its work is done instead of idling until they fire.
 */
function withUnrefTimers(glue: Glue): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
  for (const [name, fn] of Object.entries(imports)) {
    if (name.startsWith('__wbg_setTimeout_') && typeof fn === 'function') {
      imports[name] = (...args: unknown[]) => {
        const timer = (fn as (...a: unknown[]) => unknown)(...args);
        (timer as { unref?: () => void } | undefined)?.unref?.();
        return timer;
      };
    }
  }
  return imports;
}

/** Node 20 cannot import `.wasm`, so instantiate the wasm-bindgen "bundler" build by hand, once. */
function loadEngineGlue(): Promise<Glue> {
  gluePromise ??= (async () => {
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Glue;
    const require = createRequire(import.meta.url);
    const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const module = new WebAssembly.Module(readFileSync(wasmPath));
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': withUnrefTimers(glue) });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return gluePromise;
}

async function createEngine(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<Engine.SchemaEngine> {
  const glue = await loadEngineGlue();
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  return glue.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

/** The committed migrations, in the shape the engine wants. */
export function loadMigrations(dir = MIGRATIONS_DIR): Engine.MigrationList {
  const lockPath = join(dir, 'migration_lock.toml');
  const migrationDirectories = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
        .map((name) => ({
          path: name,
          migrationFile: {
            path: 'migration.sql',
            content: { tag: 'ok' as const, value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') },
          },
        }))
    : [];
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies every committed migration the database lacks; returns the names applied. */
export async function deployMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  return db.withMigrationLock(async (adapter) => {
    // Up to date (every start of every replica): no need to load and run the engine.
    if ((await migrationStatus(db, dir)).pending.length === 0) return [];
    const engine = await createEngine(adapter);
    try {
      const { appliedMigrationNames } = await engine.applyMigrations({
        migrationsList: loadMigrations(dir),
        filters: NO_FILTERS,
      });
      return appliedMigrationNames;
    } finally {
      engine.free();
    }
  });
}

export type MigrationStatus = { applied: string[]; pending: string[] };

/** Which committed migrations the database has and lacks (read from `_prisma_migrations`). */
export async function migrationStatus(db: Database, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const all = loadMigrations(dir).migrationDirectories.map((m) => m.path);
  const rows = await db.prisma
    .$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    .catch(() => []);
  const applied = new Set(rows.map((r) => r.migration_name));
  return { applied: all.filter((m) => applied.has(m)), pending: all.filter((m) => !applied.has(m)) };
}

/**
 * The SQL that takes the committed migrations to the current schema.prisma — empty when they
 * match. Run it against an in-memory PGlite: the engine's shadow database is then in memory too.
 */
export async function diffMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<string> {
  const engine = await createEngine(db.adapter);
  try {
    const migrations = loadMigrations(dir);
    const { stdout } = await engine.diff({
      from: migrations.migrationDirectories.length > 0 ? { tag: 'migrations', ...migrations } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = (stdout ?? '').trim();
    return sql === '' || sql === '-- This is an empty migration.' ? '' : `${sql}\n`;
  } finally {
    engine.free();
  }
}

