// `pnpm worker`: processes orders in a process of its own, next to (or
// instead of) the servers' in-process workers. Any number may run against
// one Postgres database; each order is still processed once in effect.
import { pino } from 'pino';
import { loadConfigOrExit } from './config.js';
import { connectDatabaseOrExit, withSessionDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { loggerOptions } from './logging.js';
import { startTracing } from './tracing/sdk.js';
import { createOrderQueue } from './orders/order-queue.js';
import { gracefulShutdown } from './shutdown/signals.js';
import { createWebhookQueue } from './webhooks/webhook-queue.js';

const config = loadConfigOrExit();
if (!config.databaseUrl) {
  // The embedded database belongs to one process: the server runs its worker in-process instead (RUN_WORKER).
  console.error(
    'pnpm worker needs DATABASE_URL: the embedded database cannot be shared between processes; the server processes orders itself when RUN_WORKER=true.',
  );
  process.exit(1);
}

const tracing = await startTracing('storefront-worker');
const log = pino(loggerOptions(config, 'worker'));
const database = await connectDatabaseOrExit({
  ...config,
  tracing: tracing !== undefined,
  onPoolError: (err) => log.warn({ err }, 'idle database client failed; the pool replaces it'),
});
await withSessionDatabase(database, migrateToLatest);
const webhooks = createWebhookQueue({ database, config, work: true, log });
await webhooks.start();
const queue = createOrderQueue({ database, config, work: true, log });
await queue.start();
log.info({ concurrency: config.queueConcurrency }, 'order worker started');

// The worker's shutdown: running jobs finish (bounded by the queue's own
// stop timeout), queued ones stay queued for another worker.
gracefulShutdown({
  deadlineMs: config.shutdownGraceSeconds * 1000 + 5_000,
  log,
  async drain(cause) {
    if ('err' in cause) log.error({ err: cause.err }, 'worker shutting down after an error');
    else log.info({ signal: cause.signal }, 'worker shutting down');
    await queue.stop();
    await webhooks.stop();
    await database.close();
    await tracing?.shutdown();
  },
});
