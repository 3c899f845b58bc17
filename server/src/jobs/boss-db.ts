// How pg-boss reaches the database: through the app's own connections rather
// than a pool of its own (one pool size, one statement timeout, one error
// listener), and through the app's LISTEN (db/notifications.ts) for its
// wake-ups. Enqueueing inside the order's transaction uses pg-boss's own
// Kysely adapter (`fromKysely(trx)`), so it needs nothing here.
import { type Db, fromPglite } from 'pg-boss';
import type { DatabaseHandle } from '../db/connect.js';
import { type ListenOptions, listenFor } from '../db/notifications.js';

export function bossDbFor(handle: DatabaseHandle, log: ListenOptions['log']): Db {
  const { pool, pglite } = handle;
  // pg-boss runs parameterless multi-statement scripts (install, maintenance):
  // pg's simple protocol takes them as they are, PGlite through exec(), which
  // pg-boss's PGlite adapter does. PGlite serialises every query behind an
  // open transaction, so none lands inside one of the app's.
  if (!pool && !pglite) throw new Error('No database driver for the job queue');
  const db: Db = pool ? { executeSql: (text, values) => pool.query(text, values) } : fromPglite(pglite!);
  db.listen = async (channel, onNotification, onReconnect) => {
    const listener = listenFor(handle, { channel, onNotification, onReconnect, log });
    await listener.start();
    // pg-boss asks for a call after every (re)subscribe: jobs sent before the LISTEN began are fetched now.
    onReconnect();
    return { close: () => listener.stop() };
  };
  return db;
}
