// Which status changes are allowed (the contract's "Order lifecycle").
import type { OrderStatus } from '../db/database.js';
import { AppError } from '../errors.js';

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['processing', 'cancelled'],
  processing: ['completed', 'failed', 'cancelled'],
  completed: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  failed: [],
  delivered: [],
  cancelled: [],
};

/** Throws 409 naming the current status when `from -> to` is not allowed. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!NEXT[from].includes(to)) throw new AppError('CONFLICT', `Cannot change an order from ${from} to ${to}`);
}
