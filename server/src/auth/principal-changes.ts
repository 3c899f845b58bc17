// The principal cache's view of `principal_changes` (see principal-cache.ts
// for why): LISTEN on Postgres through a connection of its own to
// DATABASE_DIRECT_URL (never through a transaction pooler), reconnecting
// while it is lost, or on PGlite's in-process session; and `sync()`, the
// round trip after which every notification committed earlier has arrived.
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { DatabaseHandle } from '../db/connect.js';

const CHANNEL = 'principal_changes';
const RECONNECT_MS = 1_000;

export interface ChangeChannel {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once every notification committed before the call has been handled. */
  sync(): Promise<void>;
  onStateChange?: (listening: boolean) => void;
}

function pgliteChannel(database: DatabaseHandle, onNotification: (payload: string) => void): ChangeChannel {
  const pglite = database.pglite;
  if (!pglite) throw new Error('No database driver for the principal cache');
  let unlisten: (() => Promise<void>) | undefined;
  const channel: ChangeChannel = {
    async start() {
      unlisten = await pglite.listen(CHANNEL, onNotification);
      channel.onStateChange?.(true);
    },
    async stop() {
      channel.onStateChange?.(false);
      // A database closed first (a test closing it under the app) has no listener left to remove.
      if (!pglite.closed) await unlisten?.();
      unlisten = undefined;
    },
    // The one session delivers a commit's notifications before the commit resolves.
    sync: async () => {},
  };
  return channel;
}

function postgresChannel(
  session: pg.ClientConfig,
  onNotification: (payload: string | undefined) => void,
  log: FastifyBaseLogger,
): ChangeChannel {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  // Requests waiting for the next round trip, and whether one is in flight.
  let waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  let syncing = false;

  async function connect(): Promise<void> {
    const next = new pg.Client({ ...session, application_name: 'storefront-principal-cache' });
    next.on('notification', (msg) => {
      if (msg.channel === CHANNEL) onNotification(msg.payload);
    });
    next.on('error', (err) => lost(next, err));
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`listen ${CHANNEL}`);
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
    channel.onStateChange?.(true);
  }

  function lost(which: pg.Client, err?: Error): void {
    if (client !== which) return;
    client = undefined;
    channel.onStateChange?.(false);
    if (stopped) return;
    log.warn({ err }, 'principal cache: lost its LISTEN connection; authenticating from the database until it is back');
    schedule();
  }

  function schedule(): void {
    retry = setTimeout(() => {
      connect().catch((err: unknown) => {
        log.warn({ err }, 'principal cache: cannot LISTEN yet');
        if (!stopped) schedule();
      });
    }, RECONNECT_MS);
  }

  async function drain(): Promise<void> {
    syncing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        if (!client) throw new Error('not listening');
        // Sent after every request of the batch arrived; answered after any notification committed before.
        await client.query('select 1');
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    syncing = false;
  }

  const channel: ChangeChannel = {
    async start() {
      try {
        await connect();
      } catch (err) {
        log.warn({ err }, 'principal cache: cannot LISTEN; authenticating from the database until it can');
        schedule();
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      channel.onStateChange?.(false);
      await current?.end().catch(() => {});
    },
    sync() {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        if (!syncing) void drain();
      });
    },
  };
  return channel;
}

/** The channel for this database: Postgres when it has a pool, else PGlite. */
export function principalChangeChannel(
  database: DatabaseHandle,
  onNotification: (payload: string | undefined) => void,
  log: FastifyBaseLogger,
): ChangeChannel {
  return database.session
    ? postgresChannel(database.session, onNotification, log)
    : pgliteChannel(database, onNotification);
}
