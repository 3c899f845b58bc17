// Who is behind a session, cached in process so an authenticated request
// usually costs no query, without weakening immediate logout:
//
// - Every change to a session or user row NOTIFYs `principal_changes` from the
//   committing transaction (migration 2026-11-23T00-00); each instance LISTENs
//   (on its listening connection, db/notifications.ts) and drops the affected entries.
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
//
// The same notifications end requests held open by a session that ends
// meanwhile (`holdWhileLive`, session-watchers.ts), cache or not.
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/connect.js';
import type { Principal, SessionHolds } from '../identity/principal.js';
import { loadPrincipal } from '../identity/sessions.repository.js';
import { listenFor } from '../db/notifications.js';
import { createSessionWatchers } from './session-watchers.js';
import { sessionEnded } from './tokens.js';

const MAX_ENTRIES = 50_000;

export interface PrincipalStore extends SessionHolds {
  /** The live principal of a session (cached or from the database), or undefined when revoked or deactivated. */
  load(sessionId: number, userId: number): Promise<Principal | undefined>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface Entry {
  principal: Principal;
  expires: number;
}

export function createPrincipalStore(options: {
  database: DatabaseHandle;
  ttlSeconds: number;
  log: FastifyBaseLogger;
}): PrincipalStore {
  const { database, ttlSeconds, log } = options;
  // AUTH_CACHE_TTL=0: principals straight from the database on every request (the channel still ends held requests).
  const caching = ttlSeconds > 0;
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

  const watchers = createSessionWatchers(database.db);

  function onNotification(payload: string | undefined): void {
    generation++;
    const id = Number(payload?.slice(2));
    if (payload?.startsWith('s:')) forgetSession(id);
    else if (payload?.startsWith('u:'))
      for (const sessionId of [...(sessionsOfUser.get(id) ?? [])]) forgetSession(sessionId);
    else clear();
    watchers.changed(payload);
  }

  function remember(principal: Principal): void {
    if (entries.size >= MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) forgetSession(oldest);
    }
    if (principal.user) Object.freeze(principal.user);
    entries.set(principal.sessionId, { principal: Object.freeze(principal), expires: Date.now() + ttlMs });
    let sessions = sessionsOfUser.get(principal.userId);
    if (!sessions) {
      sessions = new Set();
      sessionsOfUser.set(principal.userId, sessions);
    }
    sessions.add(principal.sessionId);
  }

  const channel = listenFor(database, {
    channel: 'principal_changes',
    onNotification,
    onStateChange: (up) => {
      clear(); // whatever was cached may have missed notifications
      listening = up;
      if (up) watchers.changedAll();
    },
    log,
  });

  const store: PrincipalStore = {
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
      if (principal && caching && listening && generation === before) remember(principal);
      return principal;
    },
    async holdWhileLive(principal, until) {
      let stopWatching = () => {};
      const ended = new Promise<void>((resolve) => {
        stopWatching = watchers.watch(principal, resolve);
      });
      try {
        await Promise.race([until, ended]);
      } finally {
        stopWatching();
      }
      // However the hold ended, the answer is what a request with this token gets now
      // (a revocation may have committed without having been heard yet).
      if (!(await store.load(principal.sessionId, principal.userId))) throw sessionEnded();
    },
    start: () => channel.start(),
    async stop() {
      listening = false;
      await channel.stop();
      clear();
    },
  };
  return store;
}
