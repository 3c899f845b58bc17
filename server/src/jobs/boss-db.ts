// How pg-boss reaches the database: through the app's own connections
// rather than a pool of its own, and, for enqueueing, through the very
// transaction that inserts the order.
import { CompiledQuery, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/connect.js';
import type { Database } from '../db/database.js';

export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Runs pg-boss's statements inside `trx` (commit and rollback include the job). */
export function bossDbIn(trx: Kysely<Database>): BossDb {
  return {
    async executeSql(text, values = []) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows };
    },
  };
}

export function bossDbFor(handle: DatabaseHandle): BossDb {
  const { pool, pglite, db } = handle;
  if (pool) return { executeSql: (text, values) => pool.query(text, values) };
  if (!pglite) throw new Error('No database driver for the job queue');
  const viaKysely = bossDbIn(db);
  return {
    async executeSql(text, values = []) {
      if (values.length > 0) return viaKysely.executeSql(text, values);
      // pg-boss sends parameterless multi-statement scripts (install,
      // maintenance); PGlite runs those with exec(), not query(). Holding a
      // Kysely connection meanwhile keeps them out of an open transaction on
      // PGlite's single session.
      return db.connection().execute(async () => {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      });
    },
  };
}
