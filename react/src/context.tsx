// The provider: which SDK instance the hooks call, and the listeners that
// keep the auth state true: a rejected session (refresh refused, account
// deactivated) re-checks it, a sign-in or sign-out in another tab sharing the
// token store is followed at once, and data of an account no longer signed
// in is dropped.
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { AuthenticationError, type Storefront, type TokenStore } from '@storefront/sdk';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { applyEffects, signedOut } from './invalidation.js';
import { storefrontKeys, userScopedKeys } from './keys.js';
import type { Session } from './queries.js';

const StorefrontContext = createContext<Storefront | undefined>(undefined);

export interface StorefrontProviderProps {
  /** `createStorefront({ baseUrl, tokenStore })`: one per app (or per tab). */
  client: Storefront;
  children?: ReactNode;
}

/** Goes inside TanStack's `QueryClientProvider`. */
export function StorefrontProvider({ client, children }: StorefrontProviderProps) {
  const queryClient = useQueryClient();
  useEffect(() => watchSessionLoss(queryClient), [queryClient]);
  useEffect(() => dropDataOfPreviousAccount(queryClient), [queryClient]);
  useEffect(() => followOtherTabs(queryClient, client.tokenStore), [queryClient, client.tokenStore]);
  return <StorefrontContext.Provider value={client}>{children}</StorefrontContext.Provider>;
}

/** The SDK instance of the nearest StorefrontProvider. */
export function useStorefront(): Storefront {
  const client = useContext(StorefrontContext);
  if (!client) throw new Error('useStorefront: wrap the app in <StorefrontProvider client={createStorefront(...)}>');
  return client;
}

/** Any call that ends in AuthenticationError re-checks the session; returns the unsubscribe. */
function watchSessionLoss(queryClient: QueryClient): () => void {
  const recheck = (error: unknown) => {
    if (error instanceof AuthenticationError)
      void queryClient.invalidateQueries({ queryKey: storefrontKeys.session(), exact: true });
  };
  const offQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error' && event.query.queryKey[1] !== 'session')
      recheck(event.action.error);
  });
  const offMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') recheck(event.action.error);
  });
  return () => {
    offQueries();
    offMutations();
  };
}

/**
 * A sign-out in another tab (the shared store emptied) is a sign-out here: the
 * same cache effects as `logout`, with no request. New tokens (a sign-in, maybe
 * as someone else, or a refresh) re-check the session.
 */
export function followOtherTabs(queryClient: QueryClient, store: TokenStore): () => void {
  return (
    store.subscribe?.((tokens) => {
      if (tokens) void queryClient.invalidateQueries({ queryKey: storefrontKeys.session(), exact: true });
      else void applyEffects(queryClient, signedOut());
    }) ?? (() => {})
  );
}

/**
 * When the session turns from one account to none or another (a 401 re-check,
 * another tab), that account's cached data goes, so it is never shown meanwhile.
 */
export function dropDataOfPreviousAccount(queryClient: QueryClient): () => void {
  const idOf = (session: unknown) => (session as Session | undefined)?.id;
  let shown = idOf(queryClient.getQueryData(storefrontKeys.session()));
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || event.query.queryKey[1] !== 'session') return;
    const now = idOf(event.query.state.data);
    if (shown !== undefined && now !== shown)
      for (const queryKey of userScopedKeys()) queryClient.removeQueries({ queryKey });
    shown = now;
  });
}
