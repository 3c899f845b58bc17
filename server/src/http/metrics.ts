// GET /metrics in Prometheus text format: requests and latency by operationId
// and status, database pool usage, job queue depth and outcomes, and the
// process defaults (event-loop delay, heap, RSS, GC). Outside the contract
// like /docs; never rate limited or shed under pressure (it is how overload
// is seen); off with METRICS_ENABLED=false, bearer-protected with METRICS_TOKEN.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import { AppError } from '../errors.js';
import { sendProblem } from './error-handler.js';

export interface MetricsOptions {
  config: Pick<Config, 'metricsEnabled' | 'metricsToken' | 'dbPoolSize'>;
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

async function withTimeout<T>(work: Promise<T>): Promise<T> {
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
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by operationId, method and status', labelNames, registers: [registry] });
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

  const up = new Gauge({ name: 'metrics_database_scrape_ok', help: '1 when the queue and order gauges could be read from the database', registers: [registry] });
  const jobs = new Gauge({ name: 'job_queue_jobs', help: 'pg-boss jobs by queue and state (created/retry = depth, active = running, completed/failed = outcomes)', labelNames: ['queue', 'state'], registers: [registry] });
  const orders = new Gauge({ name: 'orders_by_status', help: 'Orders by status', labelNames: ['status'], registers: [registry] });
  async function collectDatabaseGauges(): Promise<void> {
    try {
      const [jobRows, orderRows] = await withTimeout(
        Promise.all([
          sql<{ name: string; state: string; count: number }>`select name, state::text as state, count(*)::int as count from pgboss.job group by name, state`.execute(database.db),
          sql<{ status: string; count: number }>`select status::text as status, count(*)::int as count from orders group by status`.execute(database.db),
        ]),
      );
      jobs.reset();
      for (const r of jobRows.rows) jobs.set({ queue: r.name, state: r.state }, r.count);
      orders.reset();
      for (const r of orderRows.rows) orders.set({ status: r.status }, r.count);
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

export function registerMetrics(app: FastifyInstance, options: MetricsOptions): void {
  if (!options.config.metricsEnabled) return;
  const metrics = createMetricsRegistry(options);
  const expected = options.config.metricsToken ? digest(`Bearer ${options.config.metricsToken}`) : undefined;

  app.addHook('onResponse', async (req, reply) => metrics.observe(req, reply));
  app.get('/metrics', { config: { rateLimit: false, pressureHandler: () => undefined } }, async (req, reply) => {
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      return sendProblem(reply, req, new AppError('AUTHENTICATION_ERROR', 'A valid metrics token is required', undefined, { 'www-authenticate': 'Bearer' }));
    }
    const body = await metrics.render();
    return reply.type(metrics.registry.contentType).send(body);
  });
}
