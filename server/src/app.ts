// Builds the API as a Fastify instance without listening (server.ts listens;
// tests inject). Routes, validation and security all come from the contract.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import jwt from '@fastify/jwt';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import { createAuthHandlers } from './auth/auth.handlers.js';
import { registerAuthentication, requirementsOf } from './auth/authentication.js';
import { createPrincipalStore } from './auth/principal-cache.js';
import { createLoginThrottle } from './auth/login-throttle.js';
import { createPasswordHasher } from './identity/passwords.js';
import { jwtPluginOptions } from './auth/tokens.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { DatabaseHandle } from './db/connect.js';
import { createOrderQueue } from './orders/order-queue.js';
import { createOrderWaiters } from './orders/order-waiters.js';
import type { ProcessingHooks } from './orders/order-processing.js';
import { createHealthHandlers } from './health/health.handlers.js';
import { loadContract, operationsById } from './http/contract.js';
import type { HandlerMap } from './http/handler-types.js';
import { AccessLog, NoAccessLog } from './http/access-log.js';
import { registerDocs } from './http/docs.js';
import { registerLoadShedding } from './http/load-shedding.js';
import { allowedMethodsOf } from './http/methods.js';
import { registerMetrics } from './http/metrics-endpoint.js';
import { registerCanonicalNumbers } from './http/canonical-numbers.js';
import { problemClientErrorHandler, registerFramingChecks } from './http/client-errors.js';
import { ignoreUndeclaredBodies } from './http/undeclared-bodies.js';
import { registerProbes } from './http/probes.js';
import { BODY_LIMIT_BYTES, frameworkErrorHandler, registerErrorHandling } from './http/error-handler.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { rateLimitFor, registerRateLimit } from './http/rate-limit.js';
import { createValidatorCompiler, enforceJsonBodies } from './http/validation.js';
import { createUserHandlers } from './users/users.handlers.js';
import { createProductHandlers } from './products/products.handlers.js';
import { createOrderHandlers } from './orders/orders.handlers.js';
import { createWebhookHandlers } from './webhooks/webhooks.handlers.js';
import { createWebhookQueue } from './webhooks/webhook-queue.js';
import { registerWebhookMetrics } from './webhooks/webhook-metrics.js';
import { registerOrderMetrics } from './orders/order-metrics.js';

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** Request spans (@fastify/otel) for the contract's operations; the entry points set it when OTEL_* asks for traces. */
  tracing?: boolean;
  /** Test seams inside order processing (e.g. a simulated crash). */
  processingHooks?: ProcessingHooks;
  /**
   * Production features to leave out: only the benchmark passes this, to
   * measure what each costs per request (bench/README.md). No configuration
   * reaches it, and without it every feature is on.
   */
  without?: ReadonlySet<SwitchableFeature>;
}

/** What the benchmark's per-feature cost table switches off, one at a time. */
export type SwitchableFeature =
  | 'accessLog'
  | 'securityHeaders'
  | 'rateLimit'
  | 'metrics'
  | 'loadShedding'
  | 'auth'
  | 'validation'
  | 'serialization';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify takes a hop count at run time but types only a function for it. */
function trustProxyOption(trust: Config['trustProxy']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

export async function buildApp({
  config,
  database,
  logger = false,
  processingHooks,
  tracing = false,
  without = new Set(),
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    logController: without.has('accessLog') ? new NoAccessLog() : new AccessLog(),
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: BODY_LIMIT_BYTES,
    // A slow client cannot hold a connection forever: the whole request (and
    // its headers sooner) must arrive in time, an idle socket is closed, and
    // Node checks those deadlines every second (its default is 30 s).
    requestTimeout: config.httpRequestTimeoutMs,
    // requireHostHeader: a missing Host is answered in problem+json (http/client-errors.ts), not by Node.
    http: { headersTimeout: config.httpHeadersTimeoutMs, connectionsCheckingInterval: 1_000, requireHostHeader: false },
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    // During shutdown, requests that still reach the app (already accepted,
    // or on a keep-alive connection) are served normally with
    // `Connection: close`, rather than Fastify's own 503 in plain JSON
    // outside the contract; SHUTDOWN_GRACE_SECONDS bounds the drain (server.ts).
    return503OnClosing: false,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler: problemClientErrorHandler,
    // Accept a caller's request id when it is sane, so traces join up.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  if (tracing) {
    // First, so it sees every hook and route. Only the API is traced: probes
    // and scrapes every few seconds would bury the requests that matter.
    // Loaded only then, as ioredis below only with REDIS_URL: each import costs about 100 ms of start-up.
    const { FastifyOtelInstrumentation } = await import('@fastify/otel');
    const otel = new FastifyOtelInstrumentation({ ignorePaths: (route) => !route.url.startsWith('/api/') });
    await app.register(otel.plugin());
  }
  app.setValidatorCompiler(without.has('validation') ? () => () => true : createValidatorCompiler());
  if (without.has('serialization')) app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  enforceJsonBodies(app);
  registerFramingChecks(app);
  registerCanonicalNumbers(app);
  ignoreUndeclaredBodies(app);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  const contract = loadContract();
  registerErrorHandling(app, allowedMethodsOf(contract, '/api/v1'));
  const loadShedding = without.has('loadShedding')
    ? { shedding: () => false }
    : await registerLoadShedding(app, config, database);
  const metricsRegistry = without.has('metrics') ? undefined : registerMetrics(app, { config, database });

  await app.register(jwt, jwtPluginOptions(config));
  const redis = config.redisUrl
    ? // A command that gets no answer (a network partition) fails after 1 s,
      // and the rate limiter falls back to local counters (http/rate-limit-store.ts).
      new (await import('ioredis')).Redis(config.redisUrl, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        commandTimeout: 1000,
      })
    : undefined;
  if (redis) {
    redis.on('error', (err) => app.log.warn({ err }, 'redis error'));
    app.addHook('onClose', async () => void redis.disconnect());
    // With the offline queue off, a command sent before the connection is up
    // fails and the rate limiter skips counting it: wait until Redis is ready
    // (or has failed, or 2 s have passed; the API then runs without it).
    await once(redis, 'ready', { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
  }
  if (!without.has('securityHeaders')) await registerSecurityHeaders(app, config);

  // Principal cache (auth/principal-cache.ts): listens for revocations before any route serves.
  const principals = createPrincipalStore({ database, ttlSeconds: config.authCacheTtl, log: app.log });
  await principals.start();
  app.addHook('onClose', () => principals.stop());
  const operations = operationsById(contract);
  // The caller is known before the rate limiter counts the request, and
  // refused after it, all before the body is read (auth/authentication.ts).
  const authentication = without.has('auth')
    ? undefined
    : registerAuthentication(app, {
        jwt: app.jwt,
        principals,
        requirementOf: requirementsOf(operations, contract.security),
      });
  if (!without.has('rateLimit')) await registerRateLimit(app, config, redis, metricsRegistry);
  authentication?.enforceAfterRateLimit();

  // Webhook deliveries first: the order queue's outbox sends to its pg-boss queue.
  const webhookQueue = createWebhookQueue({ database, config, work: config.runWorker, log: app.log });
  if (metricsRegistry) {
    registerOrderMetrics(metricsRegistry, database.db);
    registerWebhookMetrics(metricsRegistry, database.db);
  }
  await webhookQueue.start();
  app.addHook('onClose', () => webhookQueue.stop());
  // The queue is ready (tables installed, worker polling when RUN_WORKER) before any route is.
  const orderQueue = createOrderQueue({
    database,
    config,
    work: config.runWorker,
    log: app.log,
    ...(processingHooks && { hooks: processingHooks }),
  });
  await orderQueue.start();
  let queueRunning = true;
  app.addHook('onClose', async () => {
    queueRunning = false;
    await orderQueue.stop();
  });
  registerProbes(app, { db: database.db, queueRunning: () => queueRunning, shedding: loadShedding.shedding });

  // getOrder's long poll: waiting requests answer before the server stops accepting (preClose).
  const orderWaiters = createOrderWaiters({ database, max: config.orderWaitMaxWaiters, log: app.log });
  await orderWaiters.start();
  app.addHook('preClose', async () => orderWaiters.close());
  app.addHook('onClose', () => orderWaiters.stop());

  await registerDocs(app, contract);
  const ctx: AppContext = {
    db: database.db,
    config,
    jwt: app.jwt,
    passwords: createPasswordHasher(config.bcryptCost),
    version: contract.info.version,
  };
  const loginThrottle = createLoginThrottle(database.db, config.loginMaxFailures, config.rateLimitWindow);
  const handlers: HandlerMap = {
    ...createHealthHandlers(ctx),
    ...createAuthHandlers({ ...ctx, loginThrottle }),
    ...createUserHandlers(ctx),
    ...createProductHandlers(ctx),
    ...createOrderHandlers({ ...ctx, orderQueue, orderWaiters, sessions: principals }),
    ...createWebhookHandlers({
      ...ctx,
      webhookOutbox: webhookQueue.outbox,
      guard: {
        production: config.nodeEnv === 'production',
        allowPrivateNetworks: config.webhookAllowPrivateNetworks,
      },
    }),
  };

  await app.register(openapiGlue, {
    specification: contract,
    prefix: '/api/v1',
    operationResolver: (operationId: string) => {
      const handler = handlers[operationId as keyof HandlerMap] as (req: unknown, reply: unknown) => Promise<unknown>;
      const op = operations.get(operationId);
      if (!handler || !op) throw new Error(`No handler for operation ${operationId}`);
      const rateLimit = rateLimitFor(op, config);
      // The glue adds method, url, schema and security to these options.
      const route: Partial<RouteOptions> = {
        handler: (req, reply) => handler(req, reply),
        config: {
          operationId,
          ...(rateLimit !== undefined && { rateLimit }),
          // The health check answers from its own database ping, in its own schema.
          ...(operationId === 'getHealth' && { pressureHandler: () => undefined }),
        },
      };
      return route as RouteOptions;
    },
  });
  return app;
}
