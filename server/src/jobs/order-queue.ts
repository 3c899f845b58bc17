// The order-processing queue on pg-boss (Postgres tables, so jobs survive
// restarts and any number of server/worker processes share them; fetching
// uses SKIP LOCKED so each job runs in one place at a time). Processing is
// idempotent (order-processing.ts), which makes at-least-once delivery
// exactly-once in effect.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { processOrder, type ProcessingHooks } from '../orders/order-processing.js';
import { abandonOrder } from '../orders/processing.repository.js';
import { bossDbFor, bossDbIn } from './boss-db.js';

export interface OrderQueue {
  /** Queues processing of an order; pass the transaction that inserted it so the job commits (or not) with it. */
  enqueueOrder(orderId: number, trx?: Kysely<Database>): Promise<void>;
  /** Installs the queue's tables if needed and, for a worker, starts taking jobs. */
  start(): Promise<void>;
  /** Stops taking jobs, lets running ones finish (bounded), and releases the queue. */
  stop(): Promise<void>;
}

export interface OrderQueueOptions {
  database: DatabaseHandle;
  config: Pick<Config, 'queuePollSeconds' | 'queueRetryDelaySeconds' | 'queueRetryLimit' | 'queueConcurrency' | 'queueJobExpireSeconds' | 'queueMaintenanceSeconds'>;
  /** Whether this process processes jobs (server with RUN_WORKER, or `pnpm worker`) or only enqueues them. */
  work: boolean;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  hooks?: ProcessingHooks;
}

const QUEUE = 'order-processing';
interface OrderJob {
  orderId: number;
}

export function createOrderQueue({ database, config, work, log, hooks }: OrderQueueOptions): OrderQueue {
  const boss = new PgBoss({
    db: bossDbFor(database),
    schedule: false, // no cron jobs; saves a polling loop
    supervise: work, // expires jobs of crashed workers so they are retried
    maintenanceIntervalSeconds: config.queueMaintenanceSeconds,
  });
  // pg-boss emits errors (e.g. a poll while the database restarts); without a listener they would crash the process.
  boss.on('error', (err) => log.warn({ err }, 'job queue error'));

  const sendOptions = {
    retryLimit: config.queueRetryLimit,
    retryDelay: config.queueRetryDelaySeconds,
    retryBackoff: true,
    // A job is one short transaction; a job still active after this was on a crashed worker.
    expireInSeconds: config.queueJobExpireSeconds,
  };

  async function runJob(job: PgBoss.JobWithMetadata<OrderJob>): Promise<void> {
    const { orderId } = job.data;
    try {
      const outcome = await processOrder(database.db, orderId, hooks);
      log.info({ orderId, outcome }, 'order processed');
    } catch (err) {
      if (job.retryCount >= job.retryLimit) {
        // Out of retries: end the order visibly rather than leave it pending forever.
        log.error({ err, orderId }, 'order processing failed for good');
        await abandonOrder(database.db, orderId, 'The order could not be processed; please try again');
        return;
      }
      log.warn({ err, orderId, attempt: job.retryCount + 1 }, 'order processing failed; will retry');
      await boss.fail(QUEUE, job.id, err instanceof Error ? { message: err.message } : { message: String(err) });
    }
  }

  return {
    async enqueueOrder(orderId, trx) {
      await boss.send(QUEUE, { orderId } satisfies OrderJob, { ...sendOptions, ...(trx && { db: bossDbIn(trx) }) });
    },

    async start() {
      await boss.start();
      await boss.createQueue(QUEUE);
      if (!work) return;
      for (let i = 0; i < config.queueConcurrency; i += 1) {
        // Jobs of a batch run one by one; a failing job is failed on its own
        // (boss.fail) and pg-boss completes the rest when the handler returns.
        await boss.work<OrderJob>(QUEUE, { batchSize: 5, includeMetadata: true, pollingIntervalSeconds: config.queuePollSeconds }, async (jobs) => {
          for (const job of jobs) await runJob(job);
        });
      }
    },

    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
