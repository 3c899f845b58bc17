// The auth state for the UI: who is signed in (from the session query), and
// login / logout / refresh as actions that keep the cache consistent.
import { useQuery } from '@tanstack/react-query';
import type { StorefrontError } from '@storefront/sdk';
import { useStorefront } from './context.js';
import { useLogin, useLogout, useLogoutAll, useRefreshToken } from './generated/mutation-hooks.js';
import type { MutationVariables } from './mutation-runners.js';
import { type Session, storefrontQueries } from './queries.js';

export type AuthStatus = 'loading' | 'signedIn' | 'signedOut' | 'error';

export interface AuthState {
  /** `error`: the server could not be asked (network, 5xx); the tokens are kept. */
  status: AuthStatus;
  user: NonNullable<Session> | undefined;
  error: StorefrontError | null;
  login: (body: MutationVariables<'login'>['body']) => Promise<void>;
  logout: () => Promise<void>;
  /** Log out everywhere: every session of the account ends, this one too. */
  logoutAll: () => Promise<void>;
  /** A new token pair now (the SDK also refreshes by itself when a token expires). */
  refresh: () => Promise<void>;
  /** A login or logout is in flight. */
  pending: boolean;
}

export function useAuth(): AuthState {
  const session = useQuery(storefrontQueries.session(useStorefront()));
  const login = useLogin();
  const logout = useLogout();
  const logoutAll = useLogoutAll();
  const refresh = useRefreshToken();
  const status: AuthStatus = session.data
    ? 'signedIn'
    : session.data === null
      ? 'signedOut'
      : session.isError
        ? 'error'
        : 'loading';
  return {
    status,
    user: session.data ?? undefined,
    error: session.error ?? login.error ?? logout.error ?? logoutAll.error,
    login: async (body) => {
      await login.mutateAsync({ body });
    },
    logout: async () => {
      await logout.mutateAsync();
    },
    logoutAll: async () => {
      await logoutAll.mutateAsync();
    },
    refresh: async () => {
      await refresh.mutateAsync();
    },
    pending: login.isPending || logout.isPending || logoutAll.isPending,
  };
}
