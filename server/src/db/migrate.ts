// Runs the migrations: on start (server.ts) and by `pnpm db:migrate`.
import { fileURLToPath } from 'node:url';
import { type Kysely, Migrator } from 'kysely';
import { migrations } from '../../migrations/index.js';
import { loadConfigOrExit } from '../config.js';
import { connectDatabase } from './connect.js';
import type { Database } from './database.js';

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const handle = await connectDatabase(loadConfigOrExit());
  try {
    await migrateToLatest(handle.db);
    console.log('Database is at the latest migration.');
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}
