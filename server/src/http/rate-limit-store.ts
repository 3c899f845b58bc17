// The rate limiter's store with REDIS_URL: the plugin's Redis store, falling
// back to the plugin's in-memory store while Redis is unreachable. Without
// this the plugin either fails every request (an outage of a cache takes the
// API down) or, with `skipOnError`, stops limiting at all. Here each instance
// keeps limiting with its own counters (so N instances allow up to N times a
// budget), logs a warning when Redis goes and again when it is back, counts
// the requests it limited locally, and returns to Redis on its own: every
// request tries Redis first, and ioredis fails fast while it is reconnecting.
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { Counter, Gauge, type Registry } from 'prom-client';

type Store = FastifyRateLimitStore;
type Callback = Parameters<Store['incr']>[1];
type RouteParams = Parameters<Store['child']>[0];

// The plugin's own stores: it does not export them by name, and its package
// has no exports map, so their files are reachable as they are.
const require = createRequire(import.meta.url);
const RedisStore = require('@fastify/rate-limit/store/RedisStore') as new (
  continueExceeding: boolean | undefined,
  exponentialBackoff: boolean | undefined,
  redis: Redis,
  nameSpace: string,
) => Store;
const LocalStore = require('@fastify/rate-limit/store/LocalStore') as new (
  continueExceeding: boolean | undefined,
  exponentialBackoff: boolean | undefined,
) => Store;

interface Health {
  ok(): void;
  failed(err: Error): void;
}

function redisHealth(log: FastifyBaseLogger, registry: Registry | undefined): Health {
  let reachable = true;
  const up = registry
    ? new Gauge({ name: 'rate_limit_redis_up', help: '1 while the rate limiter reaches Redis', registers: [registry] })
    : undefined;
  const local = registry
    ? new Counter({
        name: 'rate_limit_local_fallback_total',
        help: 'Requests rate limited with this instance’s own counters because Redis was unreachable',
        registers: [registry],
      })
    : undefined;
  up?.set(1);
  return {
    ok() {
      if (reachable) return;
      reachable = true;
      up?.set(1);
      log.info('Redis is reachable again: rate limits are shared by all instances again');
    },
    failed(err) {
      local?.inc();
      if (!reachable) return;
      reachable = false;
      up?.set(0);
      log.warn(
        { err },
        'Redis is unreachable: rate limits fall back to this instance’s own in-memory counters until it returns',
      );
    },
  };
}

class FallbackStore implements Store {
  constructor(
    private readonly redis: Store,
    private readonly local: Store,
    private readonly health: Health,
  ) {}

  incr(key: string, cb: Callback, timeWindow: number, max: number): void {
    this.redis.incr(
      key,
      (err, res) => {
        if (!err) {
          this.health.ok();
          return cb(null, res);
        }
        this.health.failed(err);
        this.local.incr(key, cb, timeWindow, max);
      },
      timeWindow,
      max,
    );
  }

  child(routeOptions: RouteParams): Store {
    return new FallbackStore(this.redis.child(routeOptions), this.local.child(routeOptions), this.health);
  }
}

/** A store class for the plugin's `store` option (it calls `new Store(params)`). */
export function redisWithLocalFallback(options: {
  redis: Redis;
  nameSpace: string;
  log: FastifyBaseLogger;
  registry: Registry | undefined;
}): FastifyRateLimitStoreCtor {
  const health = redisHealth(options.log, options.registry);
  return class extends FallbackStore {
    // The plugin passes its resolved options, which include these two flags.
    constructor(params: FastifyRateLimitOptions & { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      super(
        new RedisStore(params.continueExceeding, params.exponentialBackoff, options.redis, options.nameSpace),
        new LocalStore(params.continueExceeding, params.exponentialBackoff),
        health,
      );
    }
  };
}

/**
 * Gives Redis up to `timeoutMs` to become ready at start, so the first
 * requests are counted in Redis rather than locally (and without a spurious
 * "unreachable" warning). A Redis that is down at start is not waited for
 * longer: the fallback covers it.
 */
export async function redisReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await once(redis, 'ready', { signal: AbortSignal.timeout(timeoutMs) }).catch(() => undefined);
}
