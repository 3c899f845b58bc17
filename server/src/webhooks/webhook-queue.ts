// Delivering webhooks on pg-boss: one job per attempt, grouped by endpoint
// so at most WEBHOOK_CONCURRENCY_PER_ENDPOINT attempts run against one
// receiver at a time (across every process) and a slow receiver never holds
// the others. A failed attempt records itself and queues the next one, with
// backoff, in one transaction; a worker that dies mid-attempt leaves an
// active job that pg-boss expires and runs again (at least once, same
// webhook-id). The job carries the order's trace context, so a delivery
// joins the trace of the change it announces.
import type { FastifyBaseLogger } from 'fastify';
import { fromKysely, type Job, PgBoss } from 'pg-boss';
import { setAsidePgBoss10 } from '../jobs/pg-boss-10-takeover.js';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import { bossDbFor } from '../jobs/boss-db.js';
import { checkTarget, RefusedAddress } from './address-guard.js';
import { retryDelaySeconds } from './backoff.js';
import { type AttemptResult, postToTarget } from './delivery.js';
import {
  createWebhookOutbox,
  DELIVERY_QUEUE,
  DELIVERY_QUEUE_OPTIONS,
  type DeliveryJob,
  deliveryJob,
  type WebhookOutbox,
} from './outbox.js';
import { signedHeaders } from './signing.js';
import {
  attemptOf,
  countFailure,
  disableEndpoint,
  type AttemptRecord,
  recordAttempt,
  resetFailures,
} from './webhooks.repository.js';

export type WebhookSettings = Pick<
  Config,
  | 'nodeEnv'
  | 'webhookAllowPrivateNetworks'
  | 'webhookTimeoutMs'
  | 'webhookRetryDelaySeconds'
  | 'webhookRetryMaxDelaySeconds'
  | 'webhookMaxAttempts'
  | 'webhookDisableAfterFailures'
  | 'webhookConcurrencyPerEndpoint'
  | 'queuePollSeconds'
  | 'queueMaintenanceSeconds'
>;

export interface WebhookQueue {
  outbox: WebhookOutbox;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface WebhookQueueOptions {
  database: DatabaseHandle;
  config: WebhookSettings;
  /** Whether this process delivers (server with RUN_WORKER, or `pnpm worker`) or only enqueues. */
  work: boolean;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/**
 * Workers per process. Attempts mostly wait on the network, so more than the
 * order queue's; the per-endpoint group limit keeps any one receiver's share bounded.
 */
const WORKERS = 8;

export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'gone' | 'skipped';

export function createWebhookQueue({ database, config, work, log }: WebhookQueueOptions): WebhookQueue {
  const db = database.db;
  const boss = new PgBoss({
    db: bossDbFor(database, log),
    schedule: false,
    supervise: work,
    superviseIntervalSeconds: config.queueMaintenanceSeconds,
    monitorIntervalSeconds: config.queueMaintenanceSeconds,
    useListenNotify: work,
    openTelemetry: { propagateContext: true },
  });
  boss.on('error', (err) => log.warn({ err }, 'webhook queue error'));
  const outbox = createWebhookOutbox(boss, config);

  /** Sends, unless the endpoint went away, was disabled, or its address is now refused. */
  async function attempt(job: DeliveryJob): Promise<AttemptOutcome> {
    const d = await attemptOf(db, job.deliveryId);
    // Deleted, settled, or this attempt already recorded (a crash after recording): nothing to do.
    if (d?.status !== 'pending' || d.attempts !== job.attempt - 1) return 'skipped';
    let result: AttemptResult;
    if (d.disabled_at) result = { statusCode: null, durationMs: 0, error: 'the endpoint is disabled' };
    else {
      try {
        const target = await checkTarget(d.url, {
          production: config.nodeEnv === 'production',
          allowPrivateNetworks: config.webhookAllowPrivateNetworks,
        });
        const secrets = [d.secret];
        if (d.previous_secret && d.previous_secret_expires_at && d.previous_secret_expires_at > new Date())
          secrets.push(d.previous_secret);
        result = await postToTarget(
          target,
          signedHeaders(d.event_id, d.payload, secrets),
          d.payload,
          config.webhookTimeoutMs,
        );
      } catch (err) {
        if (!(err instanceof RefusedAddress)) throw err;
        result = { statusCode: null, durationMs: 0, error: `address refused: the URL ${err.message}` };
      }
    }
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const gone = result.statusCode === 410;
    const last = job.manual === true || job.attempt >= config.webhookMaxAttempts || gone || d.disabled_at !== null;
    const outcome: AttemptOutcome = ok ? 'delivered' : gone ? 'gone' : last ? 'failed' : 'retry';
    const nextAttemptAt =
      outcome === 'retry' ? new Date(Date.now() + retryDelaySeconds(job.attempt, config) * 1000) : null;
    const record: AttemptRecord = {
      status: ok ? 'delivered' : outcome === 'retry' ? 'pending' : 'failed',
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
      nextAttemptAt,
    };
    await db.transaction().execute(async (trx) => {
      if (!(await recordAttempt(trx, d.id, job.attempt, record))) return;
      if (ok) await resetFailures(trx, d.endpoint_id);
      else if (gone) await disableEndpoint(trx, d.endpoint_id, 'the receiver answered 410 Gone');
      else if (outcome === 'failed' && !job.manual && d.disabled_at === null)
        await countFailure(trx, d.endpoint_id, config.webhookDisableAfterFailures);
      if (nextAttemptAt) {
        const next = deliveryJob(
          { id: d.id, endpoint_id: d.endpoint_id },
          { deliveryId: d.id, attempt: job.attempt + 1 },
          config,
          nextAttemptAt,
        );
        await boss.insert(DELIVERY_QUEUE, [next], { db: fromKysely(trx) });
      }
    });
    const fields = { deliveryId: d.id, endpointId: d.endpoint_id, eventId: d.event_id, attempt: job.attempt };
    if (ok) log.info({ ...fields, status: result.statusCode, ms: result.durationMs }, 'webhook delivered');
    else log.warn({ ...fields, outcome, error: result.error }, 'webhook attempt failed');
    return outcome;
  }

  return {
    outbox,
    async start() {
      // Whichever queue starts first sets a pg-boss 10 schema aside (the order
      // queue moves its jobs over): pg-boss 12 cannot start on one.
      await setAsidePgBoss10(database.db);
      await boss.start();
      await boss.createQueue(DELIVERY_QUEUE, DELIVERY_QUEUE_OPTIONS);
      if (!work) return;
      await boss.work<DeliveryJob>(
        DELIVERY_QUEUE,
        {
          batchSize: 1,
          localConcurrency: WORKERS,
          groupConcurrency: config.webhookConcurrencyPerEndpoint,
          pollingIntervalSeconds: config.queuePollSeconds,
          notifyPollingIntervalSeconds: config.queuePollSeconds,
        },
        async ([job]: Job<DeliveryJob>[]) => {
          if (job) await attempt(job.data);
        },
      );
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: config.webhookTimeoutMs + 1000 });
    },
  };
}
