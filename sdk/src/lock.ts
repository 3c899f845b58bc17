// Mutual exclusion for the token refresh across SDK instances that share a
// token store. The server rotates refresh tokens and revokes the whole
// session when a used one comes back, so two instances (two tabs) must not
// both refresh with the same token: the second waits, re-reads the store and
// finds the pair the first one stored.
//
// Browsers (and Node 24.5+) have the Web Locks API, which works across tabs
// of one origin; elsewhere an in-process lock per store serialises the
// instances of one process. A store can bring its own (`TokenStore.lock`),
// e.g. a file lock for several processes sharing a keychain.

/** Runs `task` while holding the lock; resolves with its result. */
export type Lock = <T>(task: () => Promise<T>) => Promise<T>;

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
  query?(): Promise<{ held?: { name?: string }[] }>;
}

/** The Web Locks API when present (shared by every tab of the origin), else null. */
export function webLocks(): LockManagerLike | null {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return typeof locks?.request === 'function' ? locks : null;
}

/** A lock held through `navigator.locks` under `name`, in-process when the API is missing. */
export function namedLock(name: string): Lock {
  const fallback = inProcessLock();
  return (task) => {
    const locks = webLocks();
    return locks ? locks.request(name, task) : fallback(task);
  };
}

/** A FIFO mutex within this JavaScript realm. */
export function inProcessLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}

const perStore = new WeakMap<object, Lock>();

/**
 * The lock for a store that brings none: Web Locks under one name for the
 * origin (a hand-written localStorage store is then safe across tabs too),
 * else one in-process lock per store object, shared by the instances using it.
 */
export function lockFor(store: object): Lock {
  let lock = perStore.get(store);
  if (!lock) {
    lock = namedLock('@storefront/sdk token refresh');
    perStore.set(store, lock);
  }
  return lock;
}
