// Order figures for /metrics, read from the database at each scrape (the same
// figures as `storefront orders stats`, stats.repository.ts), so they count
// the work of every process: orders by status, the order queue's jobs by
// pg-boss state, and the oldest waiting order's age.
import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../db/database.js';
import { scrapeReader } from '../http/metrics.js';
import { QUEUE } from './order-queue.js';
import { orderStats } from './stats.repository.js';

export function registerOrderMetrics(registry: Registry, db: Kysely<Database>): void {
  const read = scrapeReader(() => orderStats(db, QUEUE));
  new Gauge({
    name: 'metrics_database_scrape_ok',
    help: '1 when the queue and order gauges could be read from the database',
    registers: [registry],
    async collect() {
      this.set((await read()) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'job_queue_jobs',
    help: 'Order-processing jobs by pg-boss state (created = queued, retry = waiting to retry, active = running, completed/failed = outcomes)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const stats = await read();
      if (stats) for (const [state, count] of Object.entries(stats.jobs)) this.set({ queue: QUEUE, state }, count);
    },
  });
  new Gauge({
    name: 'orders_by_status',
    help: 'Orders by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const stats = await read();
      if (stats) for (const [status, count] of Object.entries(stats.orders)) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'orders_oldest_pending_age_seconds',
    help: 'Seconds since the oldest order still waiting to be processed (pending or processing) was placed; 0 when none waits',
    registers: [registry],
    async collect() {
      const stats = await read();
      if (stats) this.set(stats.oldestPendingAgeSeconds ?? 0);
    },
  });
}
