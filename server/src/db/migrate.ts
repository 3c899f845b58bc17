// The migration runner: on start (server.ts, worker.ts) and behind the
// operator CLI's `migrate status | up | down | make` (cli/migrate.commands.ts).
// Kysely's Migrator over the static list in migrations/index.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { type MigrationResult, Migrator } from 'kysely/migration';
import { migrations } from '../migrations/index.js';
import type { Database } from './database.js';

export interface MigrationState {
  name: string;
  /** When it ran, or undefined while pending. */
  executedAt: Date | undefined;
}

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function check({ error, results }: { error?: unknown; results?: MigrationResult[] }): MigrationResult[] {
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
  return results ?? [];
}

/** Applies every pending migration; returns the ones applied, in order. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return check(await migrator(db).migrateToLatest()).map((r) => r.migrationName);
}

/** Reverts the latest applied migration; returns its name, or undefined when none is applied. */
export async function migrateDown(db: Kysely<Database>): Promise<string | undefined> {
  return check(await migrator(db).migrateDown())[0]?.migrationName;
}

export async function migrationStatus(db: Kysely<Database>): Promise<MigrationState[]> {
  const infos = await migrator(db).getMigrations();
  return infos.map((m) => ({ name: m.name, executedAt: m.executedAt }));
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Writes a new, empty migration into `dir` (the source folder of
 * migrations) named after the current UTC time, and registers it in the
 * folder's index.ts. Returns the new file's path.
 */
export async function makeMigration(dir: string, name: string, now = new Date()): Promise<string> {
  if (!NAME.test(name)) throw new Error(`Migration name "${name}" must be lower-case words joined by hyphens`);
  const stamp = now.toISOString().slice(0, 16).replace(':', '-');
  const id = `${stamp}-${name}`;
  const indexFile = join(dir, 'index.ts');
  const index = await readFile(indexFile, 'utf8');
  if (index.includes(`'${id}'`)) throw new Error(`Migration ${id} already exists`);
  const file = join(dir, `${id}.ts`);
  await writeFile(
    file,
    `// Frozen once shipped: never edit a migration that has run somewhere; add a new one instead.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {}

export async function down(db: Kysely<unknown>): Promise<void> {}
`,
    { flag: 'wx' },
  );
  const binding = name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^(\d)/, '_$1');
  const lastImport = index.lastIndexOf('\nimport ');
  const importEnd = index.indexOf('\n', lastImport + 1);
  const close = index.lastIndexOf('};');
  if (lastImport < 0 || close < 0) throw new Error(`Cannot find where to register the migration in ${indexFile}`);
  const updated =
    `${index.slice(0, importEnd)}\nimport * as ${binding} from './${id}.js';${index.slice(importEnd, close)}` +
    `  '${id}': ${binding},\n${index.slice(close)}`;
  await writeFile(indexFile, updated);
  return file;
}
