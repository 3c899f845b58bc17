// The order-processing queue on pg-boss (Postgres tables, so jobs survive
// restarts and any number of server/worker processes share them; fetching
// uses SKIP LOCKED so each job runs in one place at a time). Processing is
// idempotent (order-processing.ts), which makes at-least-once delivery
// exactly-once in effect.
//
// Speed: the queue is created with pg-boss's `notify`, so the job's insert
// also NOTIFYs (committed with the order's transaction) and every working
// process, listening through the app's LISTEN (jobs/boss-db.ts), wakes its
// workers at once; polling stays as the fallback. A worker fetches jobs in
// batches, processes a batch in one transaction, and fetches again at once
// while batches come back full (`burstWhenBatchFull`).
//
// Tracing: pg-boss stores the placing request's trace context on the job
// (`propagateContext`) and runs the handler in a `process` span that
// continues it, so the processing and its SQL join the request's trace.
import { context, propagation, trace } from '@opentelemetry/api';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { fromKysely, type JobResult, type JobWithMetadata, PgBoss } from 'pg-boss';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { bossDbFor } from '../jobs/boss-db.js';
import { moveJobsOfPgBoss10, setAsidePgBoss10 } from '../jobs/pg-boss-10-takeover.js';
import { type ProcessingHooks, type ProcessingOutcome, processOrder, processOrders } from './order-processing.js';
import { jobTarget, type JobTarget } from '../jobs/job-insert-sql.js';
import { createWebhookOutbox, DELIVERY_QUEUE, DELIVERY_QUEUE_OPTIONS, type WebhookOutbox } from '../webhooks/outbox.js';
import type { PlacementJobs } from './placement.repository.js';
import { abandonOrder } from './processing.repository.js';
import { findOrders, toOrder } from './orders.repository.js';

export interface EnqueueOptions {
  /** The transaction that inserted the order, so the job (and its wake-up) commit or roll back with it. */
  trx?: Kysely<Database>;
  /** The request that placed the order, carried into the worker's log lines. */
  requestId?: string;
}

export interface OrderQueue {
  /** Webhook events, written in the transaction of the order change they announce. */
  outbox: WebhookOutbox;
  /**
   * Runs a placement statement that writes the order's jobs itself
   * (placement.repository.ts), handing it what it needs to write them: the
   * queues' job targets, the job options and the request's trace context.
   */
  placeAtomically<T>(run: (db: Kysely<Database>, jobs: PlacementJobs) => Promise<T>): Promise<T>;
  /** Queues processing of an order. */
  enqueueOrder(orderId: number, options?: EnqueueOptions): Promise<void>;
  /** Installs the queue's tables if needed and, for a worker, starts taking jobs. */
  start(): Promise<void>;
  /** Stops taking jobs, lets running ones finish (bounded), and releases the queue. */
  stop(): Promise<void>;
}

export interface OrderQueueOptions {
  database: DatabaseHandle;
  config: Pick<
    Config,
    | 'queuePollSeconds'
    | 'queueRetryDelaySeconds'
    | 'queueRetryLimit'
    | 'queueConcurrency'
    | 'queueJobExpireSeconds'
    | 'queueMaintenanceSeconds'
    | 'webhookTimeoutMs'
  >;
  /** Whether this process processes jobs (server with RUN_WORKER, or `pnpm worker`) or only enqueues them. */
  work: boolean;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  hooks?: ProcessingHooks;
}

/** The pg-boss queue of order processing (also read by orders/stats.repository.ts). */
export const QUEUE = 'order-processing';
/**
 * Jobs fetched and processed together. A batch costs the same six round
 * trips whatever its size (fetch, BEGIN, two statements, COMMIT,
 * completion); 50 keeps one transaction's locks short.
 */
const BATCH_SIZE = 50;

interface OrderJob {
  orderId: number;
  requestId?: string;
}
type Job = JobWithMetadata<OrderJob>;

export function createOrderQueue({ database, config, work, log, hooks }: OrderQueueOptions): OrderQueue {
  const boss = new PgBoss({
    db: bossDbFor(database, log),
    schedule: false, // no cron jobs; saves a polling loop
    supervise: work, // expires jobs of crashed workers so they are retried
    superviseIntervalSeconds: config.queueMaintenanceSeconds,
    monitorIntervalSeconds: config.queueMaintenanceSeconds,
    useListenNotify: work,
    openTelemetry: { propagateContext: true },
  });
  // pg-boss emits errors (e.g. a poll while the database restarts); without a listener they would crash the process.
  boss.on('error', (err) => log.warn({ err }, 'job queue error'));
  const outbox = createWebhookOutbox(boss, config);

  const sendOptions = {
    retryLimit: config.queueRetryLimit,
    retryDelay: config.queueRetryDelaySeconds,
    retryBackoff: true,
    // A job is one short transaction; a job still active after this was on a crashed worker.
    expireInSeconds: config.queueJobExpireSeconds,
  };

  function logOutcome(job: Job, outcome: ProcessingOutcome): void {
    log.info({ orderId: job.data.orderId, requestId: job.data.requestId, outcome }, 'order processed');
  }

  /** A failed attempt: retried by pg-boss with backoff, or, out of retries, the order ends as failed. */
  async function failed(job: Job, err: unknown): Promise<JobResult> {
    const { orderId, requestId } = job.data;
    if (job.retryCount >= job.retryLimit) {
      log.error({ err, orderId, requestId }, 'order processing failed for good');
      await database.db.transaction().execute(async (trx) => {
        if (!(await abandonOrder(trx, orderId, 'The order could not be processed; please try again'))) return;
        const [order] = await findOrders(trx, [orderId]);
        if (order) await outbox.record(trx, [{ type: 'order.failed', order: toOrder(order.row, order.items) }]);
      });
      return { id: job.id, status: 'completed' };
    }
    log.warn({ err, orderId, requestId, attempt: job.retryCount + 1 }, 'order processing failed; will retry');
    return { id: job.id, status: 'failed', output: { message: err instanceof Error ? err.message : String(err) } };
  }

  /**
   * First attempts are processed as one batch; a batch that throws fails all
   * its jobs, and each is retried on its own, so one order that keeps
   * failing cannot take others down with it. Each job is settled on its own
   * (`perJobResults`).
   */
  async function runJobs(jobs: Job[]): Promise<JobResult[]> {
    trace.getActiveSpan()?.setAttribute('order.ids', jobs.map((j) => j.data.orderId).join(','));
    const results: JobResult[] = [];
    const first = jobs.filter((j) => j.retryCount === 0);
    if (first.length > 0) {
      try {
        const outcomes = await processOrders(
          database.db,
          outbox,
          first.map((j) => j.data.orderId),
          hooks,
        );
        for (const job of first) {
          logOutcome(job, outcomes.get(job.data.orderId) ?? 'skipped');
          results.push({ id: job.id, status: 'completed' });
        }
      } catch (err) {
        for (const job of first) results.push(await failed(job, err));
      }
    }
    for (const job of jobs.filter((j) => j.retryCount > 0)) {
      try {
        logOutcome(job, await processOrder(database.db, outbox, job.data.orderId, hooks));
        results.push({ id: job.id, status: 'completed' });
      } catch (err) {
        results.push(await failed(job, err));
      }
    }
    return results;
  }

  let orderTarget: Promise<JobTarget> | undefined;

  return {
    outbox,
    async placeAtomically(run) {
      orderTarget ??= jobTarget(database.db, QUEUE);
      const [order, delivery] = await Promise.all([orderTarget, outbox.deliveryJobs(database.db)]);
      // As pg-boss's `propagateContext` does on send: the worker continues the request's trace.
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier);
      const jobs: PlacementJobs = {
        order,
        orderJob: sendOptions,
        delivery,
        traceContext: Object.keys(carrier).length > 0 ? carrier : null,
      };
      // The one statement is its own transaction: one round trip everywhere.
      // Behind a transaction pooler it has, like every statement outside a
      // transaction there, the client's deadline and the role's default
      // statement_timeout (db/connect.ts, README "PgBouncer").
      return run(database.db, jobs);
    },
    async enqueueOrder(orderId, { trx, requestId } = {}) {
      const data: OrderJob = { orderId, ...(requestId !== undefined && { requestId }) };
      await boss.send(QUEUE, data, { ...sendOptions, db: fromKysely(trx ?? database.db) });
    },

    async start() {
      await setAsidePgBoss10(database.db);
      await boss.start();
      await boss.createQueue(QUEUE, { notify: true });
      // Processing writes the delivery jobs of its webhook events itself (order-events.sql.ts), into this queue.
      await boss.createQueue(DELIVERY_QUEUE, DELIVERY_QUEUE_OPTIONS);
      const moved = await moveJobsOfPgBoss10(database.db);
      if (moved > 0) log.info({ jobs: moved }, 'moved the jobs of pg-boss 10 into pg-boss 12');
      if (!work) return;
      await boss.work(
        QUEUE,
        {
          batchSize: BATCH_SIZE,
          includeMetadata: true,
          perJobResults: true,
          localConcurrency: config.queueConcurrency,
          // The same fallback poll whether or not the LISTEN connection is up.
          pollingIntervalSeconds: config.queuePollSeconds,
          notifyPollingIntervalSeconds: config.queuePollSeconds,
          burstWhenBatchFull: true,
        },
        runJobs,
      );
    },

    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
