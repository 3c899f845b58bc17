// The stock plan of a batch: each order, in id order, all-or-nothing against
// what the orders before it left, exactly as processing them one by one would.
import { describe, expect, it } from 'vitest';
import { planStock } from '../../server/src/orders/order-processing.js';
import type { OrderLine } from '../../server/src/orders/processing.repository.js';

const line = (order_id: number, product_id: number, quantity: number, stock: number, deleted = false): OrderLine => ({
  order_id,
  product_id,
  name: `P${product_id}`,
  quantity,
  stock,
  deleted,
});

describe('planStock', () => {
  it('completes orders in id order until a product runs out, then fails the rest naming what is left', () => {
    // Product 1 has 3 in stock; orders 12 and 10 want 2 each, order 11 wants 1.
    const plan = planStock([12, 10, 11], [line(12, 1, 2, 3), line(10, 1, 2, 3), line(11, 1, 1, 3)]);
    expect(plan.outcomes.get(10)).toEqual({ status: 'completed', failure_reason: null });
    expect(plan.outcomes.get(11)).toEqual({ status: 'completed', failure_reason: null });
    expect(plan.outcomes.get(12)).toEqual({
      status: 'failed',
      failure_reason: 'Not enough stock for "P1" (id 1): 2 requested, 0 available',
    });
    expect(plan.take).toEqual(new Map([[1, 3]]));
  });

  it('takes nothing for an order that fails on any line (all-or-nothing)', () => {
    const plan = planStock([1], [line(1, 5, 1, 10), line(1, 6, 4, 3)]);
    expect(plan.outcomes.get(1)?.status).toBe('failed');
    expect(plan.take.size).toBe(0);
  });

  it('fails an order whose product was deleted, listing every problem', () => {
    const plan = planStock([1, 2], [line(1, 5, 1, 10, true), line(1, 6, 9, 3), line(2, 7, 1, 1)]);
    expect(plan.outcomes.get(1)?.failure_reason).toBe(
      'Product "P5" (id 5) is no longer available; Not enough stock for "P6" (id 6): 9 requested, 3 available',
    );
    expect(plan.outcomes.get(2)?.status).toBe('completed');
    expect(plan.take).toEqual(new Map([[7, 1]]));
  });

  it('sums what several orders take from one product', () => {
    const plan = planStock([1, 2, 3], [line(1, 4, 2, 100), line(2, 4, 3, 100), line(3, 4, 5, 100), line(3, 9, 1, 1)]);
    expect(plan.take).toEqual(
      new Map([
        [4, 10],
        [9, 1],
      ]),
    );
    expect([...plan.outcomes.values()].every((o) => o.status === 'completed')).toBe(true);
  });
});
