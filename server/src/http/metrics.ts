// GET /metrics in Prometheus text format: requests and latency by operationId
// and status, database pool usage, job queue depth and outcomes, the oldest
// waiting order's age, and the process defaults (event-loop delay, heap, RSS,
// GC); other parts add theirs to the registry it returns (webhooks/).
// Outside the contract like /docs; never rate limited or shed under
// pressure (it is how overload is seen); off with METRICS_ENABLED=false,
// bearer-protected with METRICS_TOKEN. In production without a token the
// public port does not serve it (orders by status and per-operation traffic
// are nobody else's business): a loopback-only listener on METRICS_PORT does,
// or nothing.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import { AppError } from '../errors.js';
import { QUEUE } from '../orders/order-queue.js';
import { orderStats } from '../orders/stats.repository.js';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
import { sendProblem } from './error-handler.js';

export interface MetricsOptions {
  config: Pick<Config, 'metricsEnabled' | 'metricsToken' | 'metricsPort' | 'nodeEnv' | 'dbPoolSize'>;
  database: DatabaseHandle;
}

// Kept short so a scrape during a database outage answers quickly.
const COLLECT_TIMEOUT_MS = 1000;

const digest = (s: string) => createHash('sha256').update(s).digest();

function operationOf(req: FastifyRequest): string {
  const config = req.routeOptions.config as { operationId?: unknown } | undefined;
  if (typeof config?.operationId === 'string') return config.operationId;
  // Routes outside the contract by their pattern; unmatched URLs share one label (no cardinality blow-up).
  return req.routeOptions.url ?? 'unmatched';
}

/** A database read for a scrape, bounded so a scrape during an outage still answers. */
export async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('metrics query timed out')), COLLECT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createMetricsRegistry({ config, database }: MetricsOptions) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });

  const labelNames = ['operation', 'method', 'status'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by operationId, method and status',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by operationId, method and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const pool = database.pool;
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database connections by state (total, idle, waiting clients, max)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      if (!pool) {
        this.set({ state: 'max' }, 1); // embedded PGlite: one in-process session
        return;
      }
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
      this.set({ state: 'max' }, config.dbPoolSize);
    },
  });

  const up = new Gauge({
    name: 'metrics_database_scrape_ok',
    help: '1 when the queue and order gauges could be read from the database',
    registers: [registry],
  });
  const jobs = new Gauge({
    name: 'job_queue_jobs',
    help: 'Order-processing jobs by pg-boss state (created = queued, retry = waiting to retry, active = running, completed/failed = outcomes)',
    labelNames: ['queue', 'state'],
    registers: [registry],
  });
  const orders = new Gauge({
    name: 'orders_by_status',
    help: 'Orders by status',
    labelNames: ['status'],
    registers: [registry],
  });
  const oldestPending = new Gauge({
    name: 'orders_oldest_pending_age_seconds',
    help: 'Seconds since the oldest order still waiting to be processed (pending or processing) was placed; 0 when none waits',
    registers: [registry],
  });
  // The same figures as `storefront orders stats` (orders/stats.repository.ts).
  async function collectDatabaseGauges(): Promise<void> {
    try {
      const stats = await withTimeout(orderStats(database.db, QUEUE));
      for (const [state, count] of Object.entries(stats.jobs)) jobs.set({ queue: QUEUE, state }, count);
      for (const [status, count] of Object.entries(stats.orders)) orders.set({ status }, count);
      oldestPending.set(stats.oldestPendingAgeSeconds ?? 0);
      up.set(1);
    } catch {
      up.set(0); // keep the last values; the scrape still answers
    }
  }

  return {
    registry,
    observe(req: FastifyRequest, reply: FastifyReply) {
      const labels = { operation: operationOf(req), method: req.method, status: String(reply.statusCode) };
      requests.inc(labels);
      duration.observe(labels, reply.elapsedTime / 1000);
    },
    async render(): Promise<string> {
      await collectDatabaseGauges();
      return registry.metrics();
    },
  };
}

/** Returns the registry, for other parts to add their metrics to (undefined when metrics are off). */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions): Registry | undefined {
  if (!options.config.metricsEnabled) return undefined;
  const metrics = createMetricsRegistry(options);
  const expected = options.config.metricsToken ? digest(`Bearer ${options.config.metricsToken}`) : undefined;

  app.addHook('onResponse', async (req, reply) => metrics.observe(req, reply));
  const { config } = options;
  if (config.nodeEnv === 'production' && !config.metricsToken) {
    if (config.metricsPort === undefined) {
      app.addHook('onReady', async () =>
        app.log.warn(
          '/metrics is not served: NODE_ENV=production without METRICS_TOKEN. Set METRICS_TOKEN to serve it on the API port to bearers of the token, or METRICS_PORT to serve it on 127.0.0.1 only',
        ),
      );
    } else serveOnLoopback(app, metrics, config.metricsPort);
    return metrics.registry;
  }
  if (!expected)
    app.addHook('onReady', async () =>
      app.log.info(
        '/metrics is served without a token to clients on this machine only (loopback; NODE_ENV is not production). Set METRICS_TOKEN to serve it to bearers of the token',
      ),
    );
  app.get('/metrics', { config: { rateLimit: false, pressureHandler: () => undefined } }, async (req, reply) => {
    // Without a token, outside production: the developer's own machine only,
    // even with HOST=0.0.0.0. Both the peer and, behind a trusted proxy
    // (TRUST_PROXY), the client it names must be local; without TRUST_PROXY
    // req.ip is the peer, so X-Forwarded-For cannot forge it.
    if (!expected && !(LOOPBACK.test(req.socket.remoteAddress ?? '') && LOOPBACK.test(req.ip))) {
      return sendProblem(reply, req, new AppError('NOT_FOUND', 'No route for GET /metrics'));
    }
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      return sendProblem(
        reply,
        req,
        new AppError('AUTHENTICATION_ERROR', 'A valid metrics token is required', undefined, {
          'www-authenticate': 'Bearer',
        }),
      );
    }
    const body = await metrics.render();
    return reply.type(metrics.registry.contentType).send(body);
  });
  return metrics.registry;
}

/** A listener of its own on 127.0.0.1, started and stopped with the app. */
function serveOnLoopback(app: FastifyInstance, metrics: ReturnType<typeof createMetricsRegistry>, port: number): void {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.render().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      (err: unknown) => {
        app.log.error({ err }, 'metrics scrape failed');
        res.writeHead(500).end();
      },
    );
  });
  app.addHook('onReady', async () => {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    const { port: bound } = server.address() as AddressInfo;
    app.log.info(
      `/metrics is served on http://127.0.0.1:${bound}/metrics only (loopback; NODE_ENV=production without METRICS_TOKEN)`,
    );
  });
  app.addHook('onClose', async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}
