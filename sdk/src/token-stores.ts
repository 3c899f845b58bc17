// Where the token pair lives. The SDK reads the store before every request
// and again after taking the refresh lock, so a store shared by several SDK
// instances (tabs, workers) always serves the newest pair.
import { type Lock, namedLock, webLocks } from './lock.js';
import type { TokenPair } from './schemas.js';

export type Tokens = Pick<TokenPair, 'access_token' | 'refresh_token'>;
type MaybePromise<T> = T | Promise<T>;

/** Memory by default; implement it for a keychain, a cookie jar... (or use localStorageTokenStore). */
export interface TokenStore {
  get(): MaybePromise<Tokens | undefined>;
  set(tokens: Tokens): MaybePromise<void>;
  clear(): MaybePromise<void>;
  /**
   * Held around each token refresh. Give one when instances in several places share
   * the store (processes sharing a file); without it the SDK uses `navigator.locks`
   * when present, else an in-process lock per store object.
   */
  lock?: Lock;
  /**
   * Calls `listener` when the tokens change elsewhere (another tab signed in,
   * out, or refreshed), not for this instance's own writes; returns the
   * unsubscribe. `localStorageTokenStore` has it; `@storefront/react` uses it
   * to follow a sign-in or sign-out in another tab at once.
   */
  subscribe?(listener: (tokens: Tokens | undefined) => void): () => void;
}

export function memoryTokenStore(initial?: Tokens): TokenStore {
  let tokens = initial && copy(initial);
  return {
    get: () => tokens,
    set: (next) => {
      tokens = copy(next);
    },
    clear: () => {
      tokens = undefined;
    },
  };
}

export interface WebStorageOptions {
  /** The storage key. Default `storefront.tokens`. */
  key?: string;
  /** Default `globalThis.localStorage`; `sessionStorage` keeps the session to one tab. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/**
 * Tokens in `localStorage`, shared by every tab of the origin; the refresh is
 * serialised across tabs with `navigator.locks`, so they never spend the same
 * refresh token twice. (Anything in localStorage is readable by scripts on the
 * page: weigh this against XSS exposure as for any bearer token.)
 */
export function localStorageTokenStore(options: WebStorageOptions = {}): TokenStore {
  const key = options.key ?? 'storefront.tokens';
  const storage = () => options.storage ?? globalThis.localStorage;
  const read = () => parseTokens(storage().getItem(key));
  const lock = namedLock(`@storefront/sdk tokens ${key}`);
  return {
    get: read,
    set(tokens) {
      const previous = read();
      storage().setItem(key, JSON.stringify(copy(tokens)));
      if (previous && previous.refresh_token !== tokens.refresh_token) markSpent(key, previous.refresh_token);
    },
    clear: () => storage().removeItem(key),
    // Chromium hands a localStorage write to other tabs asynchronously, so a tab
    // that gets the lock right after another tab refreshed may still read the old
    // pair. The refresher marks the refresh token it spent (a Web Lock held for a
    // while, which every tab sees at once); finding that mark, wait until the new
    // pair is visible here before the task re-reads the store.
    lock: (task) =>
      lock(async () => {
        const seen = read();
        if (seen && (await isSpent(key, seen.refresh_token))) await changed(read, seen, 2_000);
        return task();
      }),
    // The browser tells every other tab of the origin about a localStorage write
    // with a `storage` event, promptly and whether the tab has focus or not; the
    // writing tab gets none, so its own login or logout is not reported back.
    subscribe(listener) {
      const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
      if (!target.addEventListener || !target.removeEventListener) return () => {};
      const onStorage = (event: StorageEvent) => {
        if (event.storageArea && event.storageArea !== storage()) return; // the other storage (session/local)
        // key null: the whole storage was cleared.
        if (event.key === key || event.key === null) listener(parseTokens(event.newValue));
      };
      target.addEventListener('storage', onStorage);
      return () => target.removeEventListener?.('storage', onStorage);
    },
  };
}

function parseTokens(text: string | null): Tokens | undefined {
  try {
    const parsed = JSON.parse(text ?? 'null') as Partial<Tokens> | null;
    return typeof parsed?.access_token === 'string' && typeof parsed.refresh_token === 'string'
      ? copy(parsed as Tokens)
      : undefined;
  } catch {
    return undefined;
  }
}

const SPENT_MARK_MS = 10_000;
const spentName = (key: string, refreshToken: string) => `@storefront/sdk spent ${key} ${refreshToken.slice(-24)}`;

function markSpent(key: string, refreshToken: string): void {
  const locks = webLocks();
  void locks?.request(spentName(key, refreshToken), () => new Promise((resolve) => setTimeout(resolve, SPENT_MARK_MS)));
}

async function isSpent(key: string, refreshToken: string): Promise<boolean> {
  const locks = webLocks();
  if (!locks?.query) return false;
  const { held = [] } = await locks.query();
  return held.some((l) => l.name === spentName(key, refreshToken));
}

/** Resolves once `read()` differs from `seen` (or after `maxMs`). */
async function changed(read: () => Tokens | undefined, seen: Tokens, maxMs: number): Promise<void> {
  for (const until = Date.now() + maxMs; Date.now() < until; ) {
    if (read()?.refresh_token !== seen.refresh_token) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function copy({ access_token, refresh_token }: Tokens): Tokens {
  return { access_token, refresh_token };
}
