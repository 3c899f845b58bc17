// Rate limits per tier, chosen per operation by the contract's `x-rate-limit`:
// anonymous callers by IP, authenticated callers by user, login/register by
// IP with a tighter budget, and none for health checks. An IPv6 client is
// counted by its network (RATE_LIMIT_IPV6_PREFIX, a /64 by default): a host
// usually gets a whole /64, so a budget per address would limit nothing. With REDIS_URL the
// counters live in Redis so every instance shares one budget; while Redis is
// unreachable each instance counts on its own (rate-limit-store.ts).
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Principal } from '../identity/principal.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { OperationObject } from './contract.js';
import { redisReady, redisWithLocalFallback } from './rate-limit-store.js';

type RequestWithPrincipal = FastifyRequest & { principal: Principal | null };

/** The client's address as rate limits count it: its IPv6 network, or its IPv4 address (also when IPv4-mapped). */
export function clientOf(req: FastifyRequest, config: Pick<Config, 'rateLimitIpv6Prefix'>): string {
  return normalizeIP(req.ip, config.rateLimitIpv6Prefix);
}

export async function registerRateLimit(
  app: FastifyInstance,
  config: Pick<Config, 'rateLimitWindow' | 'rateLimitUser' | 'rateLimitAnon' | 'rateLimitIpv6Prefix'>,
  redis: Redis | undefined,
  registry?: Registry,
): Promise<void> {
  if (redis) await redisReady(redis, 2000);
  await app.register(rateLimit, {
    global: true,
    timeWindow: config.rateLimitWindow * 1000,
    // With Redis, its outage falls back to per-instance counters, never to no limit (rate-limit-store.ts).
    ...(redis && {
      store: redisWithLocalFallback({ redis, nameSpace: 'storefront-rl:', log: app.log, registry }),
    }),
    // The principal was established before the limiter runs (auth/authentication.ts).
    keyGenerator(req) {
      const principal = (req as RequestWithPrincipal).principal;
      return principal ? `user:${principal.userId}` : `ip:${clientOf(req, config)}`;
    },
    max: (_req, key) => (key.startsWith('user:') ? config.rateLimitUser : config.rateLimitAnon),
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', `Rate limit exceeded, retry in ${Math.ceil(ctx.ttl / 1000)} seconds`),
  });
}

/** Route-level rate-limit config for an operation, from its `x-rate-limit` tier. */
export function rateLimitFor(op: OperationObject, config: Pick<Config, 'rateLimitAuth' | 'rateLimitIpv6Prefix'>) {
  if (op['x-rate-limit'] === 'none') return false;
  if (op['x-rate-limit'] === 'auth') {
    return {
      max: config.rateLimitAuth,
      keyGenerator: (req: FastifyRequest) => `auth:${op.operationId}:${clientOf(req, config)}`,
    };
  }
  return undefined; // the global per-IP / per-user limit
}
