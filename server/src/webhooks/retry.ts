// One more attempt of a delivery, now, under the same webhook-id: for the
// admin API and the operator CLI alike.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import type { WebhookOutbox } from './outbox.js';
import { type DeliveryWithType, findDelivery, findEndpoint, reopenDelivery } from './webhooks.repository.js';

/** 404 for an unknown delivery, 409 when its endpoint is disabled or an attempt is already scheduled. */
export async function retryDelivery(
  db: Kysely<Database>,
  outbox: WebhookOutbox,
  id: number,
): Promise<DeliveryWithType> {
  await db.transaction().execute(async (trx) => {
    const current = await findDelivery(trx, id);
    if (!current) throw notFound(`Webhook delivery ${id}`);
    const endpoint = await findEndpoint(trx, current.endpoint_id);
    if (endpoint?.disabled_at)
      throw new AppError('CONFLICT', `Webhook endpoint ${endpoint.id} is disabled; enable it first`);
    const reopened = await reopenDelivery(trx, id);
    if (!reopened) throw new AppError('CONFLICT', `Webhook delivery ${id} is pending: its next attempt is scheduled`);
    await outbox.enqueue(trx, [reopened], true, reopened.attempts + 1);
  });
  const delivery = await findDelivery(db, id);
  if (!delivery) throw notFound(`Webhook delivery ${id}`);
  return delivery;
}
