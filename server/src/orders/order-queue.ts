// The order-processing queue on pg-boss (Postgres tables, so jobs survive
// restarts and any number of server/worker processes share them; fetching
// uses SKIP LOCKED so each job runs in one place at a time). Processing is
// idempotent (order-processing.ts), which makes at-least-once delivery
// exactly-once in effect.
//
// Speed: pg-boss 10 only polls, so enqueueing also sends a NOTIFY from the
// order's transaction and every working process LISTENs for it and wakes a
// worker at once (polling stays as the fallback). A worker fetches jobs in
// batches and processes a batch in one transaction; while batches come back
// full it fetches again without waiting for the next poll.
import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { listenFor } from '../db/notifications.js';
import { currentTraceContext, inJobSpan } from '../tracing/job-spans.js';
import { bossDbFor, bossDbIn } from '../jobs/boss-db.js';
import { type ProcessingHooks, type ProcessingOutcome, processOrder, processOrders } from './order-processing.js';
import { abandonOrder } from './processing.repository.js';

export interface EnqueueOptions {
  /** The transaction that inserted the order, so the job (and its wake-up) commit or roll back with it. */
  trx?: Kysely<Database>;
  /** The request that placed the order, carried into the worker's log lines. */
  requestId?: string;
}

export interface OrderQueue {
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
  >;
  /** Whether this process processes jobs (server with RUN_WORKER, or `pnpm worker`) or only enqueues them. */
  work: boolean;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  hooks?: ProcessingHooks;
}

/** The pg-boss queue of order processing (also read by orders/stats.repository.ts). */
export const QUEUE = 'order-processing';
/** The NOTIFY channel that wakes workers. */
export const JOBS_CHANNEL = 'order_jobs';
/**
 * Jobs fetched and processed together. A batch costs the same eight round
 * trips whatever its size; 50 keeps one transaction's locks short.
 */
const BATCH_SIZE = 50;

interface OrderJob {
  orderId: number;
  requestId?: string;
  /** The placing request's trace context (W3C traceparent), when tracing. */
  trace?: Record<string, string>;
}
type Job = PgBoss.JobWithMetadata<OrderJob>;

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

  const workerIds: string[] = [];
  let nextWorker = 0;
  /** One NOTIFY is one job: wake the workers in turn (a busy one fetches again right after its batch). */
  const wakeOne = () => {
    const id = workerIds[nextWorker++ % workerIds.length];
    if (id) boss.notifyWorker(id);
  };
  const wakeAll = () => {
    for (const id of workerIds) boss.notifyWorker(id);
  };
  const wakeUps = work
    ? listenFor(database, { channel: JOBS_CHANNEL, onNotification: wakeOne, onReconnect: wakeAll, log })
    : undefined;

  function logOutcome(job: Job, outcome: ProcessingOutcome): void {
    log.info({ orderId: job.data.orderId, requestId: job.data.requestId, outcome }, 'order processed');
  }

  /** A failed attempt: retried by pg-boss with backoff, or, out of retries, the order ends as failed. */
  async function failed(jobs: Job[], err: unknown): Promise<void> {
    const reason = { message: err instanceof Error ? err.message : String(err) };
    for (const job of jobs) {
      const { orderId, requestId } = job.data;
      if (job.retryCount >= job.retryLimit) {
        log.error({ err, orderId, requestId }, 'order processing failed for good');
        await abandonOrder(database.db, orderId, 'The order could not be processed; please try again');
      } else {
        log.warn({ err, orderId, requestId, attempt: job.retryCount + 1 }, 'order processing failed; will retry');
        await boss.fail(QUEUE, job.id, reason);
      }
    }
  }

  const spanAttributes = (batch: Job[]) => ({
    'order.ids': batch.map((j) => j.data.orderId).join(','),
    'job.attempt': (batch[0]?.retryCount ?? 0) + 1,
  });

  /**
   * First attempts are processed as one batch; a batch that throws fails all
   * its jobs, and each is retried on its own, so one order that keeps
   * failing cannot take others down with it.
   */
  async function runJobs(jobs: Job[]): Promise<void> {
    const first = jobs.filter((j) => j.retryCount === 0);
    if (first.length > 0) {
      await inJobSpan(
        'process orders',
        first.map((j) => j.data.trace),
        spanAttributes(first),
        async () => {
          try {
            const outcomes = await processOrders(
              database.db,
              first.map((j) => j.data.orderId),
              hooks,
            );
            for (const job of first) logOutcome(job, outcomes.get(job.data.orderId) ?? 'skipped');
          } catch (err) {
            await failed(first, err);
          }
        },
      );
    }
    for (const job of jobs.filter((j) => j.retryCount > 0)) {
      await inJobSpan('process order', [job.data.trace], spanAttributes([job]), async () => {
        try {
          logOutcome(job, await processOrder(database.db, job.data.orderId, hooks));
        } catch (err) {
          await failed([job], err);
        }
      });
    }
  }

  return {
    async enqueueOrder(orderId, { trx, requestId } = {}) {
      const db = trx ?? database.db;
      const trace = currentTraceContext();
      const data: OrderJob = { orderId, ...(requestId !== undefined && { requestId }), ...(trace && { trace }) };
      await boss.send(QUEUE, data, { ...sendOptions, db: bossDbIn(db) });
      await sql`select pg_notify(${JOBS_CHANNEL}, '')`.execute(db);
    },

    async start() {
      await boss.start();
      await boss.createQueue(QUEUE);
      if (!wakeUps) return;
      await wakeUps.start();
      for (let i = 0; i < config.queueConcurrency; i += 1) {
        let self = '';
        self = await boss.work<OrderJob>(
          QUEUE,
          { batchSize: BATCH_SIZE, includeMetadata: true, pollingIntervalSeconds: config.queuePollSeconds },
          async (jobs) => {
            await runJobs(jobs);
            // A full batch: more are probably waiting, so fetch again now rather than at the next poll.
            if (jobs.length === BATCH_SIZE && self) boss.notifyWorker(self);
          },
        );
        workerIds.push(self);
      }
    },

    async stop() {
      workerIds.length = 0;
      await wakeUps?.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
