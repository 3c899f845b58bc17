// The order lifecycle table: every (from, to) pair a request may ask for.
import { describe, expect, it } from 'vitest';
import { assertTransition } from '../../../server/src/orders/order-lifecycle.js';
import type { OrderStatus } from '../../../server/src/db/database.js';
import { AppError } from '../../../server/src/errors.js';

const STATUSES: OrderStatus[] = ['pending', 'processing', 'completed', 'shipped', 'delivered', 'failed', 'cancelled'];

// The contract's "Order lifecycle" as far as requests go: processing sets
// processing/completed/failed itself, so no request may.
const ALLOWED = new Set([
  'pending -> cancelled',
  'processing -> cancelled',
  'completed -> shipped',
  'completed -> cancelled',
  'shipped -> delivered',
]);

function outcome(from: OrderStatus, to: OrderStatus): 'allowed' | string {
  try {
    assertTransition(from, to);
    return 'allowed';
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return `${err.status} ${err.code}`;
  }
}

describe('assertTransition', () => {
  it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const)))('%s -> %s', (from, to) => {
    expect(outcome(from, to)).toBe(ALLOWED.has(`${from} -> ${to}`) ? 'allowed' : '409 INVALID_TRANSITION');
  });

  it('names both statuses in the refusal', () => {
    expect(() => assertTransition('delivered', 'cancelled')).toThrow(
      'Cannot change an order from delivered to cancelled',
    );
  });

  it('never lets a request set a status only processing sets', () => {
    for (const from of STATUSES)
      for (const to of ['processing', 'completed', 'failed'] as const) expect(outcome(from, to)).not.toBe('allowed');
  });
});
