// Processing orders: the job the queue runs, for a batch of orders in one
// transaction (prices were fixed at placement; this only checks and takes
// stock). Safe to run any number of times, concurrently, in several
// processes: the orders' row locks and their status decide, so stock is
// reserved at most once and never oversold.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { newEventId, type WebhookOutbox } from '../webhooks/outbox.js';
import {
  finishOrders,
  lockOpenOrderLines,
  markProcessing,
  type OrderLine,
  type Outcome,
} from './processing.repository.js';

export type ProcessingOutcome = 'completed' | 'failed' | 'skipped';

/** Test seams: e.g. throw after reserving to simulate a crash mid-job. */
export interface ProcessingHooks {
  afterReserve?: (orderId: number) => void | Promise<void>;
}

export interface StockPlan {
  outcomes: Map<number, Outcome>;
  /** Quantity to take per product, summed over the completed orders. */
  take: Map<number, number>;
}

/**
 * Decides each order in id order against the stock left by the orders before
 * it, all-or-nothing per order: exactly what processing them one by one would do.
 */
export function planStock(orderIds: number[], lines: OrderLine[]): StockPlan {
  const left = new Map<number, number>();
  const linesOf = new Map<number, OrderLine[]>(orderIds.map((id) => [id, []]));
  for (const line of lines) {
    left.set(line.product_id, line.stock);
    linesOf.get(line.order_id)?.push(line);
  }
  const plan: StockPlan = { outcomes: new Map(), take: new Map() };
  for (const orderId of [...orderIds].sort((a, b) => a - b)) {
    const own = linesOf.get(orderId) ?? [];
    const problems: string[] = [];
    for (const line of own) {
      const available = left.get(line.product_id) ?? 0;
      if (line.deleted) problems.push(`Product "${line.name}" (id ${line.product_id}) is no longer available`);
      else if (available < line.quantity)
        problems.push(
          `Not enough stock for "${line.name}" (id ${line.product_id}): ${line.quantity} requested, ${available} available`,
        );
    }
    if (problems.length > 0) {
      plan.outcomes.set(orderId, { status: 'failed', failure_reason: problems.join('; ').slice(0, 500) });
      continue;
    }
    for (const line of own) {
      left.set(line.product_id, (left.get(line.product_id) ?? 0) - line.quantity);
      plan.take.set(line.product_id, (plan.take.get(line.product_id) ?? 0) + line.quantity);
    }
    plan.outcomes.set(orderId, { status: 'completed', failure_reason: null });
  }
  return plan;
}

/**
 * Processes a batch in one transaction of two statements, whatever its size:
 * lock the open orders and their products; take the stock, record the
 * outcomes and announce them (webhook events). With BEGIN and COMMIT, four
 * round trips.
 */
export async function processOrders(
  db: Kysely<Database>,
  outbox: WebhookOutbox,
  orderIds: number[],
  hooks: ProcessingHooks = {},
): Promise<Map<number, ProcessingOutcome>> {
  const results = new Map<number, ProcessingOutcome>(orderIds.map((id) => [id, 'skipped']));
  // Read before the transaction (once per process), so it holds no lock meanwhile.
  const deliveryJobs = await outbox.deliveryJobs(db);
  await db.transaction().execute(async (trx) => {
    // Already processed (a retry after a crash, a duplicate job), cancelled, or gone: skipped.
    const lines = await lockOpenOrderLines(trx, [...results.keys()]);
    if (lines.length === 0) return;
    const open = [...new Set(lines.map((l) => l.order_id))];
    const plan = planStock(open, lines);
    const eventIds = new Map(open.map((id) => [id, newEventId()]));
    const taken = await finishOrders(trx, { ...plan, eventIds }, deliveryJobs);
    // Cannot fall short while we hold the locks and planned from them; if it
    // does, throwing rolls everything back and the jobs are retried.
    if (taken !== plan.take.size) throw new Error(`Reserving stock for orders ${open.join(', ')} fell short`);
    for (const [orderId, outcome] of plan.outcomes)
      if (outcome.status === 'completed') await hooks.afterReserve?.(orderId);
    for (const [orderId, outcome] of plan.outcomes) results.set(orderId, outcome.status);
  });
  return results;
}

/** One order on its own, shown as `processing` first (the queue's path for a retry). */
export async function processOrder(
  db: Kysely<Database>,
  outbox: WebhookOutbox,
  orderId: number,
  hooks: ProcessingHooks = {},
): Promise<ProcessingOutcome> {
  await markProcessing(db, orderId);
  return (await processOrders(db, outbox, [orderId], hooks)).get(orderId) ?? 'skipped';
}
