// The auth operations that touch the token store, beside the generated ones:
// login and refresh fill it, logout empties it.
import { ApiPromise, type RequestOptions } from '../call.js';
import type { ClientParts } from '../client.js';
import { authOperations } from '../generated/resources.js';
import type { Body, Data, Result } from '../types.js';
import type { TokenPair } from '../schemas.js';

export function authResource(parts: ClientParts) {
  const { client, auth, tokenStore, call } = parts;
  return {
    ...authOperations(parts),

    /** login: by email or username; stores the token pair. */
    login(body: Body<'login'>, options?: RequestOptions): ApiPromise<Result<TokenPair>> {
      const pending = call<TokenPair>(options, (init) => client.POST('/auth/login', { body, ...init }));
      return new ApiPromise(
        pending.withResponse().then(async (result) => {
          await tokenStore.set(result.data);
          return result;
        }),
      );
    },

    /**
     * refreshToken: exchange the stored refresh token for a new pair (stored).
     * The SDK does this by itself on TOKEN_EXPIRED; concurrent calls share one refresh,
     * and instances sharing the token store take turns (see TokenStore.lock).
     */
    refresh(): ApiPromise<Result<TokenPair>> {
      return new ApiPromise(
        auth.refresh().then(({ data, response, requestId }) => {
          // Concurrent callers share one result object: define the id once.
          if (!Object.hasOwn(data, 'requestId')) Object.defineProperty(data, 'requestId', { value: requestId });
          return { data: data as Result<TokenPair>, response, requestId };
        }),
      );
    },

    /** logout: end the session on the server and clear the token store (even if the call fails). */
    logout(options?: RequestOptions): ApiPromise<Result<Data<'logout'>>> {
      const pending = call<Data<'logout'>>(options, (init) => client.POST('/auth/logout', init));
      return new ApiPromise(pending.withResponse().finally(() => tokenStore.clear()));
    },

    /** logoutAll: end every session of the account on every device (this one too) and clear the token store. */
    logoutAll(options?: RequestOptions): ApiPromise<Result<Data<'logoutAll'>>> {
      const pending = call<Data<'logoutAll'>>(options, (init) => client.POST('/auth/logout-all', init));
      return new ApiPromise(pending.withResponse().finally(() => tokenStore.clear()));
    },
  };
}
