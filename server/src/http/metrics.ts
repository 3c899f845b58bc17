// The metrics registry: requests and latency by operationId and status,
// database pool usage and the process defaults (event-loop delay, heap, RSS,
// GC). Other parts add figures of their own to the registry (orders/,
// webhooks/), read at scrape time through `scrapeReader`; app.ts wires them,
// so http/ knows nothing of them. Serving it is metrics-endpoint.ts's job.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';

export interface MetricsOptions {
  config: Pick<Config, 'metricsEnabled' | 'metricsToken' | 'metricsPort' | 'nodeEnv' | 'dbPoolSize'>;
  database: DatabaseHandle;
}

// Kept short so a scrape during a database outage answers quickly.
const COLLECT_TIMEOUT_MS = 1000;

function operationOf(req: FastifyRequest): string {
  const config = req.routeOptions.config as { operationId?: unknown } | undefined;
  if (typeof config?.operationId === 'string') return config.operationId;
  // Routes outside the contract by their pattern; unmatched URLs share one label (no cardinality blow-up).
  return req.routeOptions.url ?? 'unmatched';
}

/** A database read for a scrape, bounded so a scrape during an outage still answers. */
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

/**
 * A database read shared by every gauge of one scrape (prom-client collects
 * them all at once), bounded in time; undefined when the database did not
 * answer, so the gauges keep their last values and the scrape still answers.
 */
export function scrapeReader<T>(read: () => Promise<T>): () => Promise<T | undefined> {
  let reading: Promise<T | undefined> | undefined;
  return () => {
    reading ??= withTimeout(read())
      .catch(() => undefined)
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };
}

export type Metrics = ReturnType<typeof createMetricsRegistry>;

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

  return {
    registry,
    observe(req: FastifyRequest, reply: FastifyReply) {
      const labels = { operation: operationOf(req), method: req.method, status: String(reply.statusCode) };
      requests.inc(labels);
      duration.observe(labels, reply.elapsedTime / 1000);
    },
    render: (): Promise<string> => registry.metrics(),
  };
}
