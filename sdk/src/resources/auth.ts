// The auth operations; login and refresh fill the token store, logout empties it.
import { ApiPromise, call, init } from '../call.js';
import type { ClientParts } from '../client.js';
import type { Body, Data, RequestOptions, Result } from '../types.js';

export function authResource({ client, auth, tokenStore }: ClientParts) {
  return {
    /** registerUser: create an account (role `user`). Does not log in. */
    register: (body: Body<'registerUser'>, options?: RequestOptions) => call<Data<'registerUser'>>(client.POST('/auth/register', { body, ...init(options) })),

    /** login: by email or username; stores the token pair. */
    login(body: Body<'login'>, options?: RequestOptions): ApiPromise<Result<Data<'login'>>> {
      const pending = call<Data<'login'>>(client.POST('/auth/login', { body, ...init(options) }));
      return new ApiPromise(
        pending.withResponse().then(async (result) => {
          await tokenStore.set(result.data);
          return result;
        }),
      );
    },

    /**
     * refreshToken: exchange the stored refresh token for a new pair (stored).
     * The SDK does this by itself on TOKEN_EXPIRED; concurrent calls share one refresh.
     */
    refresh: () => auth.refresh(),

    /** logout: end the session on the server and clear the token store (even if the call fails). */
    logout(options?: RequestOptions): ApiPromise<Result<Data<'logout'>>> {
      const pending = call<Data<'logout'>>(client.POST('/auth/logout', init(options)));
      return new ApiPromise(pending.withResponse().finally(() => tokenStore.clear()));
    },

    /** getCurrentUser: the account the access token belongs to. */
    me: (options?: RequestOptions) => call<Data<'getCurrentUser'>>(client.GET('/auth/me', init(options))),

    /** changePassword: other sessions are revoked; this one stays valid. */
    changePassword: (body: Body<'changePassword'>, options?: RequestOptions) =>
      call<Data<'changePassword'>>(client.PUT('/auth/password', { body, ...init(options) })),
  };
}
