// The glue's security handler for the contract's `bearerAuth` scheme. It runs
// for every operation that declares the scheme; `bearerAuth: [admin]` in the
// contract additionally requires the admin role.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError, forbidden } from '../errors.js';
import type { PrincipalStore } from './principal-cache.js';
import { bearerChallenge, verifyAccessToken, type AccessClaims } from './tokens.js';

export function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match?.[1];
}

export function createSecurityHandlers(ctx: AppContext, principals: PrincipalStore) {
  return {
    async bearerAuth(req: FastifyRequest & { accessClaims?: AccessClaims | null }, _reply: unknown, roles: string[]): Promise<void> {
      const token = bearerToken(req);
      if (!token) {
        const malformed = req.headers.authorization !== undefined;
        throw new AppError('AUTHENTICATION_ERROR', malformed ? 'The Authorization header must be "Bearer <token>"' : 'Authentication required', undefined, bearerChallenge());
      }
      const claims = req.accessClaims ?? verifyAccessToken(ctx.jwt, token);
      // The session and the account are checked on every request (from the
      // principal cache, which revocations clear before the next request),
      // so logout, deactivation and role changes take effect immediately.
      const principal = await principals.load(claims.sid, Number(claims.sub));
      if (!principal) throw new AppError('TOKEN_REVOKED', 'The session has been revoked', undefined, bearerChallenge('invalid_token'));
      if (roles.includes('admin') && principal.role !== 'admin') throw Object.assign(forbidden(), { statusCode: 403 });
      (req as FastifyRequest & { principal: typeof principal }).principal = principal;
    },
  };
}
