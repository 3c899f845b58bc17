// Builds the API as a Fastify instance without listening (server.ts listens;
// tests inject). Routes, validation and security all come from the contract.
import { randomUUID } from 'node:crypto';
import jwt from '@fastify/jwt';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import { Redis } from 'ioredis';
import { createAuthHandlers } from './auth/auth.handlers.js';
import { createSecurityHandlers } from './auth/auth.security.js';
import { createPrincipalStore } from './auth/principal-cache.js';
import { createLoginThrottle } from './auth/login-throttle.js';
import { createPasswordHasher } from './auth/passwords.js';
import { jwtPluginOptions } from './auth/tokens.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { DatabaseHandle } from './db/connect.js';
import { createOrderQueue } from './jobs/order-queue.js';
import type { ProcessingHooks } from './orders/order-processing.js';
import { createHealthHandlers } from './health/health.handlers.js';
import { type HandlerMap, loadContract, operationsOf } from './http/contract.js';
import { registerDocs } from './http/docs.js';
import { registerLoadShedding } from './http/load-shedding.js';
import { registerMetrics } from './http/metrics.js';
import { frameworkErrorHandler, registerErrorHandling } from './http/error-handler.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { rateLimitFor, registerRateLimit } from './http/rate-limit.js';
import { createValidatorCompiler, enforceJsonBodies } from './http/validation.js';
import { createUserHandlers } from './users/users.handlers.js';
import { createProductHandlers } from './products/products.handlers.js';
import { createOrderHandlers } from './orders/orders.handlers.js';

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** Test seams inside order processing (e.g. a simulated crash). */
  processingHooks?: ProcessingHooks;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export async function buildApp({ config, database, logger = false, processingHooks }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    // A slow client cannot hold a connection forever: the whole request (and
    // its headers sooner) must arrive in time, an idle socket is closed, and
    // Node checks those deadlines every second (its default is 30 s).
    requestTimeout: config.httpRequestTimeoutMs,
    http: { headersTimeout: config.httpHeadersTimeoutMs, connectionsCheckingInterval: 1_000 },
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    // During shutdown, requests that still reach the app (already accepted,
    // or on a keep-alive connection) are served normally with
    // `Connection: close`, rather than Fastify's own 503 in plain JSON
    // outside the contract; close-with-grace bounds the drain at 10 s.
    return503OnClosing: false,
    frameworkErrors: frameworkErrorHandler,
    // Accept a caller's request id when it is sane, so traces join up.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  app.setValidatorCompiler(createValidatorCompiler());
  enforceJsonBodies(app);
  app.decorateRequest('principal', null);
  app.decorateRequest('accessClaims', null);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerErrorHandling(app);
  await registerLoadShedding(app, config, database);
  registerMetrics(app, { config, database });

  await app.register(jwt, jwtPluginOptions(config));
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
  if (redis) {
    redis.on('error', (err) => app.log.warn({ err }, 'redis error'));
    app.addHook('onClose', async () => void redis.disconnect());
  }
  await registerSecurityHeaders(app, config);
  await registerRateLimit(app, config, redis);

  // The queue is ready (tables installed, worker polling when RUN_WORKER) before any route is.
  const orderQueue = createOrderQueue({ database, config, work: config.runWorker, log: app.log, ...(processingHooks && { hooks: processingHooks }) });
  await orderQueue.start();
  app.addHook('onClose', () => orderQueue.stop());

  const contract = loadContract();
  await registerDocs(app, contract);
  const ctx: AppContext = {
    db: database.db,
    config,
    jwt: app.jwt,
    passwords: createPasswordHasher(config.bcryptCost),
    loginThrottle: createLoginThrottle(database.db, config.loginMaxFailures, config.rateLimitWindow),
    orderQueue,
    version: contract.info.version,
  };
  const handlers: HandlerMap = {
    ...createHealthHandlers(ctx),
    ...createAuthHandlers(ctx),
    ...createUserHandlers(ctx),
    ...createProductHandlers(ctx),
    ...createOrderHandlers(ctx),
  };

  // Authenticate before validating: an anonymous caller learns "401", not
  // which fields of an admin-only body were wrong.
  app.addHook('onRoute', (route) => {
    if (route.preHandler && route.config && 'operationId' in route.config) {
      route.preValidation = route.preHandler;
      route.preHandler = undefined;
    }
  });

  // Principal cache (auth/principal-cache.ts): listens for revocations before any route serves.
  const principals = createPrincipalStore({ database, ttlSeconds: config.authCacheTtl, log: app.log });
  await principals.start();
  app.addHook('onClose', () => principals.stop());

  const operations = operationsOf(contract);
  await app.register(openapiGlue, {
    specification: contract,
    prefix: '/api/v1',
    securityHandlers: createSecurityHandlers(ctx, principals),
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
