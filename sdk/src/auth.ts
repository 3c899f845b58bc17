// The bearer header on every call, and on a 401 TOKEN_EXPIRED one refresh
// shared by every request that hit it. The server rotates refresh tokens
// and treats a reused one as theft (it revokes the session), so:
// - within an instance, concurrent requests share one refresh;
// - across instances sharing a store, the refresh runs under the store's
//   lock, and once inside, the store is read again: if another instance has
//   already replaced the token this request was sent with, its pair is used
//   and no second refresh is made.
// A refresh the server refuses clears the store and surfaces as AuthenticationError.
import type { Middleware } from 'openapi-fetch';
import { contextOf, withContext } from './context.js';
import { ApiError, AuthenticationError } from './errors.js';
import { lockFor } from './lock.js';
import type { TokenPair } from './schemas.js';
import type { TokenStore, Tokens } from './token-stores.js';

/** Operations that must never carry the bearer token (and never trigger a refresh). */
const ANONYMOUS_PATHS = new Set(['/auth/login', '/auth/register', '/auth/refresh']);

/** Answers the refresh call as openapi-fetch does: `{ data }` or `{ error }`, always with the response. */
export type RefreshCall = (refreshToken: string) => Promise<{ data?: TokenPair; error?: unknown; response: Response }>;

export interface Refreshed {
  data: TokenPair;
  response: Response;
  requestId: string;
}

export interface AuthController {
  middleware: Middleware;
  /** Exchanges the stored refresh token for a new pair now; concurrent calls of this instance share it. */
  refresh(): Promise<Refreshed>;
  /** The pair to replay with after `stale` was refused as expired: someone else's fresh pair, or a new one. */
  renew(stale: string): Promise<Tokens>;
}

export function createAuth(store: TokenStore, refreshCall: RefreshCall): AuthController {
  const lock = store.lock ?? lockFor(store);
  let inflight: Promise<Tokens | Refreshed> | undefined;
  // What each authenticated request sent, so it can be replayed once with a fresh token.
  const sent = new Map<string, { copy: Request; token: string }>();

  async function exchange(refreshToken: string): Promise<Refreshed> {
    const { data, error, response } = await refreshCall(refreshToken);
    const requestId = response.headers.get('x-request-id') ?? '';
    if (data) {
      await store.set(data);
      return { data, response, requestId };
    }
    if (response.status >= 400 && response.status < 500) {
      await store.clear();
      throw new AuthenticationError(response.status, error, response.headers);
    }
    // 429 or 5xx: the refresh token may still be good, so keep it.
    throw ApiError.from(response, error);
  }

  /** One locked refresh at a time per instance; `stale` skips it when the store already moved on. */
  function locked(stale: string | undefined): Promise<Tokens | Refreshed> {
    inflight ??= lock(async () => {
      const current = await store.get();
      if (!current) throw notLoggedIn();
      if (stale !== undefined && current.access_token !== stale) return current;
      return exchange(current.refresh_token);
    }).finally(() => {
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
    async onResponse({ request, response, id, options }) {
      const replay = sent.get(id);
      sent.delete(id);
      if (!replay || response.status !== 401) return undefined;
      const problem: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      if ((problem as { code?: unknown } | undefined)?.code !== 'TOKEN_EXPIRED') return undefined;
      const fresh = await renew(replay.token);
      await response.body?.cancel();
      replay.copy.headers.set('authorization', `Bearer ${fresh.access_token}`);
      return options.fetch(withContext(replay.copy, contextOf(request)));
    },
    onError({ id }) {
      sent.delete(id);
      return undefined;
    },
  };

  async function renew(stale: string): Promise<Tokens> {
    const outcome = await locked(stale);
    return 'data' in outcome ? outcome.data : outcome;
  }

  async function refresh(): Promise<Refreshed> {
    const joined = inflight && (await inflight.catch(() => undefined));
    if (joined && 'data' in joined) return joined;
    return (await locked(undefined)) as Refreshed;
  }

  return { middleware, refresh, renew };
}

function notLoggedIn(): AuthenticationError {
  return new AuthenticationError(
    401,
    {
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      detail: 'Not logged in: the token store holds no refresh token',
      code: 'AUTHENTICATION_ERROR',
      request_id: '',
    },
    new Headers(),
  );
}
