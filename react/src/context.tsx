// The provider: which SDK instance the hooks call, and the one cache
// listener that turns a rejected session (refresh refused, account
// deactivated, logged out in another tab) into the signed-out state.
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { AuthenticationError, type Storefront } from '@storefront/sdk';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { storefrontKeys } from './keys.js';

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
