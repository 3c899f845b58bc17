// Requests held open while their session lives (a getOrder long poll). Each
// change notified on `principal_changes` (principal-cache.ts) for a watched
// session or its user re-checks that session in the database, and ends the
// watch of one that is no longer live, so the held request can answer 401 at
// once instead of outliving its logout or deactivation.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Principal } from '../identity/principal.js';
import { loadPrincipal } from '../identity/sessions.repository.js';

interface Watch {
  principal: Principal;
  ended: () => void;
}

export interface SessionWatchers {
  /** Calls `ended` once the session is no longer live; returns the function that stops watching. */
  watch(principal: Principal, ended: () => void): () => void;
  /** A `principal_changes` payload: `s:<session id>`, `u:<user id>`, or anything else (everything may have changed). */
  changed(payload: string | undefined): void;
  /** Notifications may have been missed (the LISTEN connection came back): re-check every watch. */
  changedAll(): void;
}

export function createSessionWatchers(db: Kysely<Database>): SessionWatchers {
  // A plain set: there are at most ORDER_WAIT_MAX_WAITERS watches, and a
  // notification's scan over them costs microseconds.
  const watches = new Set<Watch>();

  function recheck(selected: Watch[]): void {
    for (const w of selected) {
      loadPrincipal(db, w.principal.sessionId, w.principal.userId).then(
        (live) => {
          if (!live && watches.delete(w)) w.ended();
        },
        // The database did not answer: the check when the hold ends decides (principal-cache.ts).
        () => undefined,
      );
    }
  }

  return {
    watch(principal, ended) {
      const w = { principal, ended };
      watches.add(w);
      return () => void watches.delete(w);
    },
    changed(payload) {
      const id = Number(payload?.slice(2));
      const all = [...watches];
      if (payload?.startsWith('s:')) recheck(all.filter((w) => w.principal.sessionId === id));
      else if (payload?.startsWith('u:')) recheck(all.filter((w) => w.principal.userId === id));
      else recheck(all);
    },
    changedAll() {
      recheck([...watches]);
    },
  };
}
