// Registration, login, token refresh with rotation, logout (one session or all), password change.
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import type { Handlers } from '../http/handler-types.js';
import { findUserById, findUserForLogin, insertUser, toUser, updateUserFields } from '../identity/users.repository.js';
import { principalOf, type Principal } from '../identity/principal.js';
import {
  claimRefreshToken,
  createSession,
  findRefreshToken,
  insertRefreshToken,
  revokeSession,
  revokeUserSessions,
} from '../identity/sessions.repository.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashRefreshToken, newRefreshToken, signAccessToken } from './tokens.js';

type AuthOperation =
  | 'registerUser'
  | 'login'
  | 'refreshToken'
  | 'logout'
  | 'logoutAll'
  | 'getCurrentUser'
  | 'changePassword';

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'Incorrect email, username or password');

export function createAuthHandlers(ctx: AppContext & { loginThrottle: LoginThrottle }): Handlers<AuthOperation> {
  const { db, config, passwords } = ctx;

  function tokenPair(principal: Principal, refreshToken: string) {
    return {
      access_token: signAccessToken(ctx.jwt, principal),
      refresh_token: refreshToken,
      token_type: 'bearer' as const,
      expires_in: config.accessTokenTtl,
    };
  }

  return {
    /** Create an account with the `user` role. */
    async registerUser(req, reply) {
      const { username, email, password, full_name } = req.body;
      const row = await insertUser(db, {
        username,
        email,
        full_name: full_name ?? null,
        role: 'user',
        password_hash: await passwords.hash(password),
      });
      reply.code(201).header('location', `/api/v1/users/${row.id}`);
      return toUser(row);
    },

    /** Exchange credentials for a token pair; same answer and timing for unknown accounts. */
    async login(req) {
      const body = req.body;
      const by = 'email' in body ? { email: body.email } : { username: body.username };
      const user = await findUserForLogin(db, by);
      const account = user ? { userId: user.id } : { identifier: by.email ?? by.username ?? '' };
      // The attempt counts as a failure unless the password turns out right
      // (also when checking it fails: a guess may have been checked).
      await ctx.loginThrottle.reserve(account);
      let ok = false;
      try {
        ok = (await passwords.verify(body.password, user?.password_hash)) && user?.is_active === true;
      } finally {
        await (ok ? ctx.loginThrottle.succeeded(account) : ctx.loginThrottle.failed(account));
      }
      if (!ok || !user) throw invalidCredentials();
      const refresh = newRefreshToken();
      const login = { userId: user.id, passwordHash: user.password_hash };
      const sessionId = await createSession(db, login, refresh.hash, config.refreshTokenTtl);
      // Deactivated, or the password changed, since it was read: as if it had been before.
      if (sessionId === undefined) throw invalidCredentials();
      return tokenPair({ userId: user.id, role: user.role, sessionId }, refresh.token);
    },

    /** Rotate: the presented refresh token is used up; reusing one revokes its family. */
    async refreshToken(req) {
      const state = await findRefreshToken(db, hashRefreshToken(req.body.refresh_token));
      if (!state) throw new AppError('AUTHENTICATION_ERROR', 'The refresh token is invalid');
      if (!state.live) throw new AppError('TOKEN_REVOKED', 'The session has been revoked');
      if (state.expired && !state.used) throw new AppError('TOKEN_EXPIRED', 'The refresh token has expired');
      if (state.used || !(await claimRefreshToken(db, state.id))) {
        // A used token presented again means it leaked: end the whole session.
        await revokeSession(db, state.sessionId);
        throw new AppError('TOKEN_REVOKED', 'The refresh token was already used; the session has been revoked');
      }
      const refresh = newRefreshToken();
      await insertRefreshToken(db, state.sessionId, refresh.hash, config.refreshTokenTtl);
      return tokenPair({ userId: state.userId, role: state.role, sessionId: state.sessionId }, refresh.token);
    },

    /** End this session: its access and refresh tokens stop working at once. */
    async logout(req) {
      await revokeSession(db, principalOf(req).sessionId);
      return { message: 'Successfully logged out' };
    },

    /** Log out everywhere: every session of the user, this one included. */
    async logoutAll(req) {
      const ended = await revokeUserSessions(db, principalOf(req).userId);
      return { message: `Logged out of ${ended} session${ended === 1 ? '' : 's'}` };
    },

    /** The authenticated user. */
    async getCurrentUser(req) {
      const principal = principalOf(req);
      // bearerAuth loaded (or found cached, still valid) the account with the session.
      if (principal.user) return principal.user;
      const user = await findUserById(db, principal.userId);
      if (!user) throw new AppError('TOKEN_REVOKED', 'The account no longer exists');
      return toUser(user);
    },

    /** Change the password and revoke every other session of the user. */
    async changePassword(req) {
      const principal = principalOf(req);
      const user = await findUserById(db, principal.userId);
      if (!user || !(await passwords.verify(req.body.current_password, user.password_hash))) {
        throw new AppError('INVALID_CREDENTIALS', 'The current password is incorrect');
      }
      await updateUserFields(db, user.id, { password_hash: await passwords.hash(req.body.new_password) });
      await revokeUserSessions(db, user.id, principal.sessionId);
      return { message: 'Password changed; other sessions have been signed out' };
    },
  };
}
