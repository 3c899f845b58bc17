// Rate limits per tier, chosen per operation by the contract's `x-rate-limit`:
// anonymous callers by IP, authenticated callers by user, login/register by
// IP with a tighter budget, and none for health checks. With REDIS_URL the
// counters live in Redis so every instance shares one budget.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { bearerToken } from '../auth/auth.security.js';
import { verifyAccessToken, type AccessClaims } from '../auth/tokens.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { OperationObject } from './contract.js';

type RequestWithClaims = FastifyRequest & { accessClaims: AccessClaims | null };

export async function registerRateLimit(app: FastifyInstance, config: Config, redis: Redis | undefined): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    timeWindow: config.rateLimitWindow * 1000,
    redis,
    nameSpace: 'storefront-rl:',
    skipOnError: true, // a Redis outage must not take the API down with it
    keyGenerator(req) {
      const claims = claimsOf(app, req as RequestWithClaims);
      return claims ? `user:${claims.sub}` : `ip:${req.ip}`;
    },
    max: (_req, key) => (key.startsWith('user:') ? config.rateLimitUser : config.rateLimitAnon),
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', `Rate limit exceeded, retry in ${Math.ceil(ctx.ttl / 1000)} seconds`),
  });
}

/** Route-level rate-limit config for an operation, from its `x-rate-limit` tier. */
export function rateLimitFor(op: OperationObject, config: Config) {
  if (op['x-rate-limit'] === 'none') return false;
  if (op['x-rate-limit'] === 'auth') {
    return { max: config.rateLimitAuth, keyGenerator: (req: FastifyRequest) => `auth:${op.operationId}:${req.ip}` };
  }
  return undefined; // the global per-IP / per-user limit
}

/** A verified access token's claims, computed once per request and reused by bearerAuth. */
function claimsOf(app: FastifyInstance, req: RequestWithClaims): AccessClaims | null {
  if (req.accessClaims !== null) return req.accessClaims;
  const token = bearerToken(req);
  if (!token) return null;
  try {
    req.accessClaims = verifyAccessToken(app.jwt, token);
  } catch {
    return null; // bearerAuth reports the precise error later
  }
  return req.accessClaims;
}
