// localStorageTokenStore over a stand-in for the browser: a Storage map and
// a window that dispatches `storage` events, as the browser does in every
// other tab of the origin when one tab writes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localStorageTokenStore, type Tokens } from '../../../sdk/src/index.js';

function storageMap(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

let window: EventTarget;
beforeEach(() => {
  window = new EventTarget();
  vi.stubGlobal('addEventListener', window.addEventListener.bind(window));
  vi.stubGlobal('removeEventListener', window.removeEventListener.bind(window));
});
afterEach(() => vi.unstubAllGlobals());

/** What the browser dispatches in this tab when another tab writes `key`. */
function writtenElsewhere(key: string | null, newValue: string | null, storageArea: object) {
  window.dispatchEvent(Object.assign(new Event('storage'), { key, newValue, storageArea }));
}

describe('localStorageTokenStore().subscribe', () => {
  it('reports a sign-in, a refresh and a sign-out made in another tab, and stops when unsubscribed', () => {
    const storage = storageMap();
    const store = localStorageTokenStore({ storage });
    const seen: (Tokens | undefined)[] = [];
    const stop = store.subscribe!((tokens) => seen.push(tokens));

    writtenElsewhere('storefront.tokens', JSON.stringify({ access_token: 'a1', refresh_token: 'r1' }), storage);
    writtenElsewhere('storefront.tokens', JSON.stringify({ access_token: 'a2', refresh_token: 'r2' }), storage);
    writtenElsewhere('storefront.tokens', null, storage); // logout: the key removed
    writtenElsewhere(null, null, storage); // localStorage.clear()
    expect(seen).toEqual([
      { access_token: 'a1', refresh_token: 'r1' },
      { access_token: 'a2', refresh_token: 'r2' },
      undefined,
      undefined,
    ]);

    stop();
    writtenElsewhere('storefront.tokens', null, storage);
    expect(seen).toHaveLength(4);
  });

  it('ignores other keys, the other storage area, and reports what it cannot read as no tokens', () => {
    const storage = storageMap();
    const store = localStorageTokenStore({ storage, key: 'shop.tokens' });
    const seen: (Tokens | undefined)[] = [];
    store.subscribe!((tokens) => seen.push(tokens));
    writtenElsewhere('storefront.tokens', null, storage);
    writtenElsewhere('shop.tokens', null, storageMap());
    writtenElsewhere('shop.tokens', '{not json', storage);
    expect(seen).toEqual([undefined]);
  });

  it('its own writes are not reported back (the browser sends the event to other tabs only)', async () => {
    const storage = storageMap();
    const store = localStorageTokenStore({ storage });
    const seen: unknown[] = [];
    store.subscribe!((tokens) => seen.push(tokens));
    await store.set({ access_token: 'a', refresh_token: 'r' });
    await store.clear();
    expect(seen).toEqual([]);
    expect(await store.get()).toBeUndefined();
  });
});
