// The provider's listeners without React: a sign-out reported by the token
// store (another tab) signs this tab out and drops the account's data with
// no request; new tokens re-check the session; a session that turns to no
// account or another one drops the previous account's data, whoever noticed.
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { dropDataOfPreviousAccount, followOtherTabs } from '../../../react/src/context.js';
import { storefrontKeys as keys } from '../../../react/src/index.js';
import { memoryTokenStore, type TokenStore, type Tokens } from '../../../sdk/src/index.js';

let client: QueryClient;
beforeEach(() => {
  client = new QueryClient();
  client.setQueryData(keys.session(), { id: 1 });
  client.setQueryData(keys.orders.list(), { items: [{ id: 7 }] });
  client.setQueryData(keys.users.detail(1), { id: 1 });
  client.setQueryData(keys.products.detail(3), { id: 3 });
});
const cached = (key: readonly unknown[]) => client.getQueryData(key);

/** A store whose changes "elsewhere" the test reports by hand. */
function sharedStore(): TokenStore & { elsewhere(tokens: Tokens | undefined): void } {
  const listeners = new Set<(tokens: Tokens | undefined) => void>();
  return {
    ...memoryTokenStore(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    elsewhere: (tokens) => {
      for (const listener of listeners) listener(tokens);
    },
  };
}

describe('another tab', () => {
  it('signs out: the session is none at once and the account’s data is gone; the catalogue stays', () => {
    const store = sharedStore();
    const stop = followOtherTabs(client, store);
    store.elsewhere(undefined);
    expect(cached(keys.session())).toBeNull();
    expect(cached(keys.orders.list())).toBeUndefined();
    expect(cached(keys.users.detail(1))).toBeUndefined();
    expect(cached(keys.products.detail(3))).toEqual({ id: 3 });
    stop();
  });

  it('signs in (or refreshes): the session is re-checked, nothing else touched yet', () => {
    const store = sharedStore();
    const stop = followOtherTabs(client, store);
    store.elsewhere({ access_token: 'a2', refresh_token: 'r2' });
    expect(client.getQueryCache().find({ queryKey: keys.session(), exact: true })?.state.isInvalidated).toBe(true);
    expect(cached(keys.orders.list())).toEqual({ items: [{ id: 7 }] });
    stop();
    // Unsubscribed: later changes are not followed.
    store.elsewhere(undefined);
    expect(cached(keys.session())).toEqual({ id: 1 });
  });

  it('a store without subscribe (memory) is simply not followed', () => {
    expect(() => followOtherTabs(client, memoryTokenStore())()).not.toThrow();
  });
});

describe('the session changes account', () => {
  it('to none or to another account: the previous account’s data is dropped; the same account keeps it', () => {
    const stop = dropDataOfPreviousAccount(client);
    client.setQueryData(keys.session(), { id: 1 });
    expect(cached(keys.orders.list())).toEqual({ items: [{ id: 7 }] });

    client.setQueryData(keys.session(), { id: 2 });
    expect(cached(keys.orders.list())).toBeUndefined();
    expect(cached(keys.products.detail(3))).toEqual({ id: 3 });

    client.setQueryData(keys.orders.list(), { items: [{ id: 8 }] });
    client.setQueryData(keys.session(), null);
    expect(cached(keys.orders.list())).toBeUndefined();

    // From signed out to signed in there is no previous account to forget.
    client.setQueryData(keys.orders.list(), { items: [] });
    client.setQueryData(keys.session(), { id: 3 });
    expect(cached(keys.orders.list())).toEqual({ items: [] });
    stop();
  });
});
