// Processing one order: the job the queue runs. Safe to run any number of
// times, concurrently, in several processes: the order's row lock and its
// status decide, so stock is reserved at most once and never oversold.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { finishOrder, lockOrder, lockOrderLines, markProcessing, reserveStock, snapshotItems, type OrderLine } from './processing.repository.js';

export type ProcessingOutcome = 'completed' | 'failed' | 'skipped';

/** Test seams: e.g. throw after reserving to simulate a crash mid-job. */
export interface ProcessingHooks {
  afterReserve?: (orderId: number) => void | Promise<void>;
}

const PROCESSABLE = new Set(['pending', 'processing']);

function shortfalls(lines: OrderLine[]): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    if (line.deleted) problems.push(`Product "${line.name}" (id ${line.product_id}) is no longer available`);
    else if (line.stock < line.quantity) {
      problems.push(`Not enough stock for "${line.name}" (id ${line.product_id}): ${line.quantity} requested, ${line.stock} available`);
    }
  }
  return problems;
}

export async function processOrder(db: Kysely<Database>, orderId: number, hooks: ProcessingHooks = {}): Promise<ProcessingOutcome> {
  await markProcessing(db, orderId);
  return db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, orderId);
    // Already processed (a retry after a crash), cancelled, or gone: nothing to do.
    if (!order || !PROCESSABLE.has(order.status)) return 'skipped';
    const lines = await lockOrderLines(trx, orderId);
    await snapshotItems(trx, orderId);
    const problems = shortfalls(lines);
    if (problems.length > 0) {
      await finishOrder(trx, orderId, { status: 'failed', failure_reason: problems.join('; ').slice(0, 500) });
      return 'failed';
    }
    for (const line of lines) {
      // Cannot fail while we hold the locks and checked the stock; if it
      // does, throwing rolls everything back and the job is retried.
      if (!(await reserveStock(trx, line.product_id, line.quantity))) throw new Error(`Reserving product ${line.product_id} for order ${orderId} failed`);
    }
    await hooks.afterReserve?.(orderId);
    await finishOrder(trx, orderId, { status: 'completed', stock_reserved: true });
    return 'completed';
  });
}
