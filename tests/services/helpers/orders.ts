// Order bookkeeping for the process tests: products with a known initial
// stock, waiting for the queue to settle, and the invariants that prove no
// order was lost, processed twice or oversold.
import type { LocalDatabase } from './postgres.js';
import { http, sleep } from './http.js';

export const HOLDING = ['completed', 'shipped', 'delivered'];

/** Creates `count` products through the API; returns id → initial stock. */
export async function createProducts(
  baseUrl: string,
  adminToken: string,
  count: number,
  stock: number,
  prefix = 'rel',
): Promise<Map<number, number>> {
  const initial = new Map<number, number>();
  for (let i = 0; i < count; i += 1) {
    const res = await http(baseUrl, 'POST', '/api/v1/products', {
      token: adminToken,
      body: { name: `${prefix}-${i}-${Date.now()}`, price: 5 + i, stock, description: null, category: 'reliability' },
    });
    if (res.status !== 201) throw new Error(`createProduct ${res.status} ${res.text}`);
    initial.set(res.body.id, stock);
  }
  return initial;
}

/** Waits (bounded) until no order is pending or processing; returns the count still unsettled. */
export async function waitForSettled(db: LocalDatabase, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from orders where status in ('pending','processing')`,
    );
    if (row!.n === 0 || Date.now() > deadline) return row!.n;
    await sleep(250);
  }
}

/** initial stock = current stock + quantities held by completed/shipped/delivered orders, per product. */
export async function stockInvariantViolations(db: LocalDatabase, initial: Map<number, number>): Promise<string[]> {
  const rows = await db.query<{ id: number; stock: number; held: number }>(
    `select p.id, p.stock, coalesce((select sum(i.quantity) from order_items i join orders o on o.id = i.order_id
        where i.product_id = p.id and o.status = any($1)), 0)::int as held
     from products p where p.id = any($2)`,
    [HOLDING, [...initial.keys()]],
  );
  const out: string[] = [];
  for (const r of rows) {
    if (r.stock < 0) out.push(`product ${r.id}: negative stock ${r.stock}`);
    if (initial.get(r.id) !== r.stock + r.held)
      out.push(`product ${r.id}: initial ${initial.get(r.id)} != stock ${r.stock} + held ${r.held}`);
  }
  if (rows.length !== initial.size) out.push(`expected ${initial.size} products, found ${rows.length}`);
  return out;
}

/** Orders whose processing is not exactly one queue job (none = lost, several = duplicated). */
export async function jobCountViolations(db: LocalDatabase): Promise<string[]> {
  const rows = await db.query<{ id: number; jobs: number }>(
    `select o.id, (select count(*) from pgboss.job j where j.name = 'order-processing' and (j.data->>'orderId')::int = o.id)::int as jobs from orders o`,
  );
  return rows.filter((r) => r.jobs !== 1).map((r) => `order ${r.id} has ${r.jobs} jobs`);
}

/** Orders by status, for reports. */
export async function ordersByStatus(db: LocalDatabase): Promise<Record<string, number>> {
  const rows = await db.query<{ status: string; n: number }>(
    `select status::text, count(*)::int as n from orders group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
