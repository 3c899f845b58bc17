// LISTEN on one notification channel: on Postgres through a connection of its
// own to DATABASE_DIRECT_URL (a pooled connection cannot hold a LISTEN, and a
// transaction pooler would hand it to other clients), reconnecting every second
// while it is lost; on PGlite through its in-process session. Postgres
// delivers a NOTIFY only when the sending transaction commits.
//
// Whoever relies on it must have a fallback for when it is down (`listening`
// is false): notifications sent meanwhile are lost, so `onReconnect` runs once
// it is back for the owner to catch up.
import type { DatabaseHandle } from './connect.js';
import pg from 'pg';

const RECONNECT_MS = 1_000;

export interface NotificationListener {
  /** True while notifications are being received. */
  readonly listening: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ListenOptions {
  channel: string;
  onNotification: (payload: string) => void;
  /** After the connection came back (notifications may have been missed). */
  onReconnect?: () => void;
  log: { warn(obj: object, msg: string): void };
}

export function listenFor(database: DatabaseHandle, options: ListenOptions): NotificationListener {
  if (database.session) return postgresListener(database.session, options);
  if (database.pglite) return pgliteListener(database.pglite, options);
  throw new Error('No database driver to listen with');
}

function pgliteListener(pglite: NonNullable<DatabaseHandle['pglite']>, options: ListenOptions): NotificationListener {
  let unlisten: (() => Promise<void>) | undefined;
  return {
    get listening() {
      return unlisten !== undefined;
    },
    async start() {
      unlisten = await pglite.listen(options.channel, options.onNotification);
    },
    async stop() {
      const done = unlisten;
      unlisten = undefined;
      // A database closed first (a test closing it under the app) has no listener left to remove.
      if (!pglite.closed) await done?.();
    },
  };
}

function postgresListener(session: pg.ClientConfig, options: ListenOptions): NotificationListener {
  const { channel, onNotification, onReconnect, log } = options;
  let client: pg.Client | undefined;
  let stopped = false;
  let lostOnce = false;
  let retry: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const next = new pg.Client({ ...session, application_name: `storefront-listen-${channel}` });
    next.on('notification', (msg) => {
      if (msg.channel === channel) onNotification(msg.payload ?? '');
    });
    next.on('error', (err) => lost(next, err));
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
    if (lostOnce) onReconnect?.();
  }

  function lost(which: pg.Client, err?: Error): void {
    if (client !== which) return;
    client = undefined;
    lostOnce = true;
    if (stopped) return;
    log.warn({ err, channel }, 'lost the LISTEN connection; reconnecting');
    schedule();
  }

  function schedule(): void {
    retry = setTimeout(() => {
      connect().catch((err: unknown) => {
        log.warn({ err, channel }, 'cannot LISTEN yet');
        if (!stopped) schedule();
      });
    }, RECONNECT_MS);
  }

  return {
    get listening() {
      return client !== undefined;
    },
    async start() {
      try {
        await connect();
      } catch (err) {
        lostOnce = true;
        log.warn({ err, channel }, 'cannot LISTEN; retrying');
        schedule();
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
}
