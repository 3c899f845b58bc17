// Webhook figures for /metrics, read from the database at each scrape, so
// they count the deliveries of every process (servers and workers alike):
// deliveries by outcome, and the delivery lag (the age of the oldest event
// not yet delivered).
import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../db/database.js';
import { scrapeReader } from '../http/metrics.js';
import { deliveryStats } from './webhooks.repository.js';

export function registerWebhookMetrics(registry: Registry, db: Kysely<Database>): void {
  const read = scrapeReader(() => deliveryStats(db));
  new Gauge({
    name: 'webhook_deliveries',
    help: 'Webhook deliveries by status (delivered = a 2xx, failed = out of attempts or 410, pending = still being tried)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const stats = await read();
      if (stats) for (const [status, count] of Object.entries(stats.byStatus)) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'webhook_oldest_pending_delivery_age_seconds',
    help: 'Seconds since the event of the oldest delivery not yet made was written (the delivery lag); 0 when none waits',
    registers: [registry],
    async collect() {
      const stats = await read();
      if (stats) this.set(stats.oldestPendingAgeSeconds ?? 0);
    },
  });
}
