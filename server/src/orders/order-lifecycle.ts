// Which status changes a request may make (the contract's "Order lifecycle").
// `processing`, `completed` and `failed` are missing on purpose: only order
// processing (order-processing.ts) sets them, because it is what snapshots
// prices, computes the total and takes the stock. An order completed by hand
// had none of those.
import type { OrderStatus } from '../db/database.js';
import { AppError } from '../errors.js';

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['cancelled'],
  processing: ['cancelled'],
  completed: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  failed: [],
  delivered: [],
  cancelled: [],
};

/** Throws 409 INVALID_TRANSITION naming the current status when a request may not move `from -> to`. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!NEXT[from].includes(to))
    throw new AppError('INVALID_TRANSITION', `Cannot change an order from ${from} to ${to}`);
}
