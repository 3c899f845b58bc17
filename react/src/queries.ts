// Query options per read operation, for `useQuery`, `prefetchQuery`,
// `ensureQueryData` or a router loader alike: the generated ones, and the
// session the auth state is built on.
import { AuthenticationError, type Storefront, type User } from '@storefront/sdk';
import { generatedQueries } from './generated/queries.js';
import { storefrontKeys as keys } from './keys.js';
import { query } from './query-options.js';

export { type SdkInfiniteQueryOptions, type SdkQueryOptions, sdkRetries } from './query-options.js';

/** The account signed in on this client, or null. */
export type Session = User | null;

export const storefrontQueries = {
  ...generatedQueries,
  /**
   * The auth state: null without tokens, or when the server no longer
   * accepts them (the SDK has then cleared its store); the account otherwise.
   * Other failures (network, 5xx) stay errors: they do not mean signed out.
   */
  session: (sdk: Storefront) =>
    query(keys.session(), async (signal): Promise<Session> => {
      if (!(await sdk.tokenStore.get())) return null;
      try {
        return await sdk.auth.me({ signal });
      } catch (error) {
        if (error instanceof AuthenticationError) return null;
        throw error;
      }
    }),
};
