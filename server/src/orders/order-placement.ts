// Placing an order: validation the schema cannot express, idempotency, and
// the insert plus its processing job in one transaction, so an accepted order
// always has a job (and its `order.created` webhook event) and a rolled-back
// one has neither.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError, validationError, type FieldError } from '../errors.js';
import type { components } from '@storefront/contract/types';
import type { OrderQueue } from './order-queue.js';
import {
  findOrder,
  findOrderByKey,
  insertOrder,
  lockLiveProducts,
  releaseExpiredKey,
  type OrderWithItems,
  type PricedProduct,
  toOrder,
} from './orders.repository.js';

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
  hash: string,
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
  return db.transaction().execute(async (trx) => {
    if (idempotencyKey !== undefined && hash !== null) {
      await releaseExpiredKey(trx, userId, idempotencyKey);
      const earlier = await findOrderByKey(trx, userId, idempotencyKey);
      if (earlier) return replay(trx, earlier.id, earlier.request_hash, hash);
    }
    const ids = body.items.map((i) => i.product_id);
    const live = await lockLiveProducts(trx, ids);
    const missing = ids.filter((id) => !live.has(id));
    if (missing.length > 0)
      throw new AppError('BAD_REQUEST', `Product${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found`);

    // Prices and names are fixed now, as the customer saw them; processing only takes stock.
    const created = await insertOrder(trx, {
      user_id: userId,
      shipping_address: body.shipping_address,
      idempotency_key: idempotencyKey ?? null,
      request_hash: hash,
      items: body.items.map((i) => {
        const product = live.get(i.product_id) as PricedProduct;
        return { ...i, product_name: product.name, unit_price: product.price };
      }),
    });
    if (!created) {
      // A concurrent request with the same key committed first: answer as it did.
      const winner = idempotencyKey === undefined ? undefined : await findOrderByKey(trx, userId, idempotencyKey);
      if (!winner || hash === null) throw new Error('Idempotency conflict without a winning order');
      return replay(trx, winner.id, winner.request_hash, hash);
    }
    await queue.enqueueOrder(created.row.id, { trx, requestId });
    await queue.outbox.record(trx, [{ type: 'order.created', order: toOrder(created.row, created.items) }]);
    return created;
  });
}
