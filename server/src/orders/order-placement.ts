// Placing an order: validation the schema cannot express, idempotency, and
// the insert plus its processing job in one statement (one transaction), so
// an accepted order always has a job (and its `order.created` webhook event)
// and a rolled-back one has neither.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError, validationError, type FieldError } from '../errors.js';
import type { components } from '@storefront/contract/types';
import type { OrderQueue } from './order-queue.js';
import { newEventId } from '../webhooks/outbox.js';
import { findOrder, findOrderByKey, type OrderWithItems, releaseExpiredKey } from './orders.repository.js';
import { placeInOneStatement } from './placement.repository.js';

type OrderCreate = components['schemas']['OrderCreate'];

/** 422 for a product listed twice, pointing at each repeat. */
function assertNoDuplicates(body: OrderCreate): void {
  const seen = new Set<number>();
  const errors: FieldError[] = [];
  body.items.forEach((item, i) => {
    if (seen.has(item.product_id))
      errors.push({
        path: `/body/items/${i}/product_id`,
        message: `product ${item.product_id} is already in the order`,
      });
    seen.add(item.product_id);
  });
  if (errors.length > 0) throw validationError(errors);
}

/** Same order, same hash: item order does not matter, each product appears once. */
function requestHash(body: OrderCreate): string {
  const items = [...body.items].sort((a, b) => a.product_id - b.product_id).map((i) => [i.product_id, i.quantity]);
  return createHash('sha256')
    .update(JSON.stringify({ items, shipping_address: body.shipping_address }))
    .digest('hex');
}

async function replay(
  db: Kysely<Database>,
  id: number,
  storedHash: string | null,
  hash: string | null,
): Promise<OrderWithItems> {
  if (storedHash !== hash)
    throw new AppError('CONFLICT', 'This Idempotency-Key was already used with a different request body');
  const existing = await findOrder(db, id);
  if (!existing) throw new Error(`Order ${id} vanished`);
  return existing;
}

export async function placeOrder(
  db: Kysely<Database>,
  queue: OrderQueue,
  input: { userId: number; body: OrderCreate; idempotencyKey: string | undefined; requestId: string },
): Promise<OrderWithItems> {
  const { userId, body, idempotencyKey, requestId } = input;
  assertNoDuplicates(body);
  const hash = idempotencyKey === undefined ? null : requestHash(body);
  const placement = {
    userId,
    shippingAddress: body.shipping_address,
    idempotencyKey: idempotencyKey ?? null,
    requestHash: hash,
    requestId,
    eventId: newEventId(),
    items: body.items,
  };
  // One statement, one round trip (placement.repository.ts); the rare paths below cost more.
  let result = await queue.placeAtomically((d, jobs) => placeInOneStatement(d, placement, jobs));
  if (result.kind === 'expired' && idempotencyKey !== undefined) {
    await releaseExpiredKey(db, userId, idempotencyKey);
    result = await queue.placeAtomically((d, jobs) => placeInOneStatement(d, placement, jobs));
  }
  switch (result.kind) {
    case 'placed':
      return { row: result.row, items: result.items };
    case 'missing': {
      const { productIds: missing } = result;
      throw new AppError('BAD_REQUEST', `Product${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found`);
    }
    case 'earlier':
      return replay(db, result.id, result.requestHash, hash);
    default: {
      // A concurrent request with the same key committed first (or released it meanwhile): answer as it did.
      const winner = idempotencyKey === undefined ? undefined : await findOrderByKey(db, userId, idempotencyKey);
      if (!winner) throw new Error('Idempotency conflict without a winning order');
      return replay(db, winner.id, winner.request_hash, hash);
    }
  }
}
