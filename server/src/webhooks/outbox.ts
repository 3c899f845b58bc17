// The outbox: an order change and the events announcing it commit together.
// Callers pass the transaction that makes the change; the events, one
// delivery per subscribed enabled endpoint and the pg-boss jobs that deliver
// them are written in it, so a committed change is always announced and a
// rolled-back one never is.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { fromKysely, type JobInsert, type PgBoss } from 'pg-boss';
import type { components } from '@storefront/contract/types';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { type JobTarget, jobTarget } from '../jobs/job-insert-sql.js';
import { insertEventsAndDeliveries, type NewDelivery, type WebhookEventType } from './webhooks.repository.js';

type Order = components['schemas']['Order'];

/** The pg-boss queue of webhook deliveries (one job per attempt). */
export const DELIVERY_QUEUE = 'webhook-delivery';
/** How the delivery queue is created: with pg-boss's wake-up on insert. Whichever queue starts first creates it. */
export const DELIVERY_QUEUE_OPTIONS = { notify: true } as const;

export interface DeliveryJob {
  deliveryId: number;
  /** 1-based; a job whose attempt was already recorded (a crash after recording) does nothing. */
  attempt: number;
  /** An admin's retry: one attempt, not followed by automatic retries. */
  manual?: boolean;
}

export type OutboxSettings = Pick<Config, 'webhookTimeoutMs'>;

/** A Standard Webhooks `webhook-id`, unique per event and kept on every attempt. */
export const newEventId = () => `msg_${randomBytes(16).toString('hex')}`;

/** The body every attempt of an event sends, byte for byte (the signature covers it). */
export function eventBody(type: string, timestamp: string, data: unknown): string {
  return JSON.stringify({ type, timestamp, data });
}

/** A job for one attempt: grouped by endpoint (bounded concurrency), and retried by pg-boss only after a crash. */
export function deliveryJob(delivery: NewDelivery, job: DeliveryJob, settings: OutboxSettings, startAfter?: Date) {
  return {
    data: job,
    group: { id: String(delivery.endpoint_id) },
    // An active job older than this was on a worker that died mid-attempt: pg-boss runs it again.
    expireInSeconds: Math.ceil(settings.webhookTimeoutMs / 1000) + 10,
    retryLimit: 5,
    retryDelay: 1,
    ...(startAfter && { startAfter }),
  } satisfies JobInsert<DeliveryJob>;
}

export interface OrderEvent {
  type: WebhookEventType;
  /** The order as getOrder returns it, after the change. */
  order: Order;
}

/** The event announcing that an order reached `status`; none for the steps in between. */
export function orderEventType(status: Order['status']): WebhookEventType | undefined {
  return status === 'pending' || status === 'processing' ? undefined : `order.${status}`;
}

/** What a statement needs to queue first attempts itself (orders/order-events.sql.ts). */
export interface DeliveryJobs {
  target: JobTarget;
  /** pg-boss options of a first attempt (`deliveryJob`), without data and group. */
  options: Record<string, unknown>;
}

export interface WebhookOutbox {
  /** Announces order changes inside `trx`, the transaction that makes them. */
  record(trx: Kysely<Database>, events: OrderEvent[]): Promise<void>;
  /** Queues the first attempt of new deliveries inside `trx`. */
  enqueue(trx: Kysely<Database>, deliveries: NewDelivery[], manual?: boolean, attempt?: number): Promise<void>;
  /** The delivery queue's job table and first-attempt options, read once the queue exists. */
  deliveryJobs(db: Kysely<Database>): Promise<DeliveryJobs>;
}

export function createWebhookOutbox(boss: PgBoss, settings: OutboxSettings): WebhookOutbox {
  const {
    data: _data,
    group: _group,
    ...options
  } = deliveryJob({ id: 0, endpoint_id: 0 }, { deliveryId: 0, attempt: 1 }, settings);
  let target: Promise<JobTarget> | undefined;
  const outbox: WebhookOutbox = {
    async deliveryJobs(db) {
      target ??= jobTarget(db, DELIVERY_QUEUE);
      try {
        return { target: await target, options };
      } catch (err) {
        target = undefined; // not created yet: ask again next time
        throw err;
      }
    },
    async record(trx, events) {
      const rows = events.map(({ type, order }) => ({
        id: newEventId(),
        type,
        payload: eventBody(type, order.updated_at, order),
      }));
      await outbox.enqueue(trx, await insertEventsAndDeliveries(trx, rows));
    },
    async enqueue(trx, deliveries, manual = false, attempt = 1) {
      if (deliveries.length === 0) return;
      const jobs = deliveries.map((d) =>
        deliveryJob(d, { deliveryId: d.id, attempt, ...(manual && { manual }) }, settings),
      );
      await boss.insert(DELIVERY_QUEUE, jobs, { db: fromKysely(trx) });
    },
  };
  return outbox;
}
