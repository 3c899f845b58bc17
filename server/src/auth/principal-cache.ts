// Who is behind a session, cached in process so an authenticated request
// usually costs no query, without weakening immediate logout:
//
// - Every change to a session or user row NOTIFYs `principal_changes` from the
//   committing transaction (migration 2026-11-23T00-00); each instance LISTENs
//   on a dedicated connection and drops the affected entries.
// - A cached entry is only trusted after a round trip on that listening
//   connection that started after the request arrived. Postgres delivers a
//   connection's pending notifications before it answers its next query, so
//   every revocation committed before the request (by any instance) has been
//   applied by then. Requests arriving together share one round trip.
// - An entry loaded from the database is kept only if no notification arrived
//   while it was being read (it could be stale); entries expire after the TTL
//   anyway, and the whole cache is off while the listening connection is down.
//
// On PGlite (one process, one session) notifications are delivered before the
// committing query resolves, so no round trip is needed.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { DatabaseHandle } from '../db/connect.js';
import type { Database } from '../db/database.js';
import type { Principal } from './principal.js';
import { loadPrincipal } from './sessions.repository.js';

const CHANNEL = 'principal_changes';
const MAX_ENTRIES = 50_000;
const RECONNECT_MS = 1_000;

export interface PrincipalStore {
  /** The live principal of a session (cached or from the database), or undefined when revoked or deactivated. */
  load(sessionId: number, userId: number): Promise<Principal | undefined>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface Entry {
  principal: Principal;
  expires: number;
}

/** Principals straight from the database on every request (AUTH_CACHE_TTL=0). */
function uncachedPrincipals(db: Kysely<Database>): PrincipalStore {
  return { load: (sessionId, userId) => loadPrincipal(db, sessionId, userId), start: async () => {}, stop: async () => {} };
}

export function createPrincipalStore(options: { database: DatabaseHandle; ttlSeconds: number; log: FastifyBaseLogger }): PrincipalStore {
  const { database, ttlSeconds, log } = options;
  if (ttlSeconds <= 0) return uncachedPrincipals(database.db);
  const ttlMs = ttlSeconds * 1000;
  const entries = new Map<number, Entry>();
  const sessionsOfUser = new Map<number, Set<number>>();
  /** Bumped by every notification and (re)connection: a read that spans a bump may be stale. */
  let generation = 0;
  let listening = false;

  function forgetSession(sessionId: number): void {
    const entry = entries.get(sessionId);
    if (!entry) return;
    entries.delete(sessionId);
    const sessions = sessionsOfUser.get(entry.principal.userId);
    sessions?.delete(sessionId);
    if (sessions?.size === 0) sessionsOfUser.delete(entry.principal.userId);
  }

  function clear(): void {
    generation++;
    entries.clear();
    sessionsOfUser.clear();
  }

  function onNotification(payload: string | undefined): void {
    generation++;
    const id = Number(payload?.slice(2));
    if (payload?.startsWith('s:')) forgetSession(id);
    else if (payload?.startsWith('u:')) for (const sessionId of [...(sessionsOfUser.get(id) ?? [])]) forgetSession(sessionId);
    else clear();
  }

  function remember(principal: Principal): void {
    if (entries.size >= MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) forgetSession(oldest);
    }
    if (principal.user) Object.freeze(principal.user);
    entries.set(principal.sessionId, { principal: Object.freeze(principal), expires: Date.now() + ttlMs });
    let sessions = sessionsOfUser.get(principal.userId);
    if (!sessions) sessionsOfUser.set(principal.userId, (sessions = new Set()));
    sessions.add(principal.sessionId);
  }

  const channel = database.pool ? postgresChannel(database.pool, onNotification, log) : pgliteChannel(database, onNotification);
  channel.onStateChange = (up) => {
    clear(); // whatever was cached may have missed notifications
    listening = up;
  };

  return {
    async load(sessionId, userId) {
      if (listening) {
        const entry = entries.get(sessionId);
        if (entry && entry.principal.userId === userId && entry.expires > Date.now()) {
          const synced = await channel.sync().then(
            () => true,
            () => false,
          );
          // Still there after the sync: no revocation committed before this request.
          if (synced && entries.get(sessionId) === entry) return entry.principal;
        }
      }
      const before = generation;
      const principal = await loadPrincipal(database.db, sessionId, userId);
      if (principal && listening && generation === before) remember(principal);
      return principal;
    },
    start: () => channel.start(),
    async stop() {
      listening = false;
      await channel.stop();
      clear();
    },
  };
}

interface ChangeChannel {
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
      await unlisten?.();
      unlisten = undefined;
    },
    // The one session delivers a commit's notifications before the commit resolves.
    sync: async () => {},
  };
  return channel;
}

function postgresChannel(pool: pg.Pool, onNotification: (payload: string | undefined) => void, log: FastifyBaseLogger): ChangeChannel {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  // Requests waiting for the next round trip, and whether one is in flight.
  let waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  let syncing = false;

  async function connect(): Promise<void> {
    const next = new pg.Client({ ...pool.options, application_name: 'storefront-principal-cache' } as pg.ClientConfig);
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
