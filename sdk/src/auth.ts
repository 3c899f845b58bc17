// Token handling: a pluggable store, the bearer header on every call, and on
// a 401 TOKEN_EXPIRED one refresh shared by every request that hit it (the
// server rotates refresh tokens and treats a reused one as theft, so N
// parallel refreshes would end the session). A refresh the server refuses
// clears the store and surfaces as AuthenticationError.
import type { Middleware } from 'openapi-fetch';
import type { components } from './generated/openapi.js';
import { ApiError, AuthenticationError, type Problem } from './errors.js';

export type TokenPair = components['schemas']['TokenPair'];
export type Tokens = Pick<TokenPair, 'access_token' | 'refresh_token'>;
type MaybePromise<T> = T | Promise<T>;

/** Where the token pair lives: memory by default; implement this for localStorage, a keychain, a cookie jar... */
export interface TokenStore {
  get(): MaybePromise<Tokens | undefined>;
  set(tokens: Tokens): MaybePromise<void>;
  clear(): MaybePromise<void>;
}

export function memoryTokenStore(initial?: Tokens): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = { access_token: next.access_token, refresh_token: next.refresh_token };
    },
    clear: () => {
      tokens = undefined;
    },
  };
}

/** Operations that must never carry the bearer token (and never trigger a refresh). */
const ANONYMOUS_PATHS = new Set(['/auth/login', '/auth/register', '/auth/refresh']);

/** Answers the refresh call as openapi-fetch does: `{ data }` or `{ error }`, always with the response. */
export type RefreshCall = (refreshToken: string) => Promise<{ data?: TokenPair; error?: unknown; response: Response }>;

export interface AuthController {
  middleware: Middleware;
  /** Refreshes once for everyone waiting; `stale` skips the call when another request already replaced that token. */
  refresh(stale?: string): Promise<Tokens>;
}

export function createAuth(store: TokenStore, refreshCall: RefreshCall): AuthController {
  let inflight: Promise<Tokens> | undefined;
  // What each authenticated request sent, so it can be replayed once with a fresh token.
  const sent = new Map<string, { copy: Request; token: string }>();

  async function runRefresh(refreshToken: string): Promise<Tokens> {
    const { data, error, response } = await refreshCall(refreshToken);
    if (data) {
      await store.set(data);
      return data;
    }
    if (response.status >= 400 && response.status < 500) {
      await store.clear();
      throw new AuthenticationError(response.status, error, response.headers);
    }
    // 429 or 5xx: the refresh token may still be good, so keep it.
    throw ApiError.from(response, error);
  }

  async function refresh(stale?: string): Promise<Tokens> {
    if (inflight) return inflight;
    const current = await store.get();
    if (!current) throw notLoggedIn();
    if (stale !== undefined && current.access_token !== stale) return current;
    inflight ??= runRefresh(current.refresh_token).finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  const middleware: Middleware = {
    async onRequest({ request, schemaPath, id }) {
      if (ANONYMOUS_PATHS.has(schemaPath) || request.headers.has('authorization')) return undefined;
      const tokens = await store.get();
      if (!tokens) return undefined;
      request.headers.set('authorization', `Bearer ${tokens.access_token}`);
      // A bodyless request can be sent twice as is; one with a body needs a copy.
      sent.set(id, { copy: request.body ? request.clone() : request, token: tokens.access_token });
      return request;
    },
    async onResponse({ response, id, options }) {
      const replay = sent.get(id);
      sent.delete(id);
      if (!replay || response.status !== 401) return undefined;
      const problem: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      if ((problem as { code?: unknown } | undefined)?.code !== 'TOKEN_EXPIRED') return undefined;
      const fresh = await refresh(replay.token);
      await response.body?.cancel();
      replay.copy.headers.set('authorization', `Bearer ${fresh.access_token}`);
      return options.fetch(replay.copy);
    },
    onError({ id }) {
      sent.delete(id);
      return undefined;
    },
  };
  return { middleware, refresh };
}

function notLoggedIn(): AuthenticationError {
  const problem: Problem = {
    type: 'about:blank',
    title: 'Unauthorized',
    status: 401,
    detail: 'Not logged in: the token store holds no refresh token',
    code: 'AUTHENTICATION_ERROR',
    request_id: '',
  };
  return new AuthenticationError(401, problem, new Headers());
}
