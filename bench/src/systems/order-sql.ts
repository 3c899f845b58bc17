// Order placement in one round trip, shared by the ceiling and the Hono peer:
// one statement whose data-modifying CTEs read the live products (key-share
// locked, as the server's placement locks them), insert the order with its
// total and the items at the prices just read, insert the processing job and
// wake its workers. Postgres runs the statement atomically, so an order always
// has its items and its job. The job goes to a plain queue table of the
// bench's own (`bench_job`, created by data.ts), not pg-boss's: pg-boss 12
// derives a job's retention and retry columns from its queue row, which the
// ceiling has no business re-implementing. What this leaves out next to the
// server: the idempotency key and the `order.created` webhook outbox row.
import type pg from 'pg';

export const ORDER_SQL = `
with input as (
  select * from jsonb_to_recordset($2::jsonb) as i(product_id int, quantity int)
), priced as (
  select p.id, p.name, p.price, i.quantity
  from products p join input i on i.product_id = p.id
  where p.deleted_at is null
  order by p.id
  for key share of p
), placed as (
  insert into orders (user_id, shipping_address, total_amount)
  select $1, $3, sum(price * quantity) from priced
  having count(*) = (select count(*) from input)
  returning *
), items as (
  insert into order_items (order_id, product_id, quantity, product_name, unit_price)
  select placed.id, priced.id, priced.quantity, priced.name, priced.price from placed, priced
  returning *
), job as (
  insert into bench_job (name, data)
  select 'order-processing', jsonb_build_object('orderId', placed.id) from placed
  returning id
), woken as (
  select pg_notify('bench_job', 'order-processing') from job
)
select placed.*,
  (select json_agg(json_build_object('id', id, 'product_id', product_id, 'product_name', product_name,
     'quantity', quantity, 'unit_price', unit_price) order by id) from items) as items,
  (select count(*) from woken) as woken
from placed`;

export interface OrderInput {
  items: Array<{ product_id: number; quantity: number }>;
  shipping_address: string;
}

interface PlacedRow {
  id: number;
  user_id: number;
  /** The column's default: a new order is pending. */
  status: 'pending';
  total_amount: string;
  shipping_address: string;
  failure_reason: string | null;
  created_at: Date;
  updated_at: Date;
  items: Array<{ id: number; product_id: number; product_name: string; quantity: number; unit_price: number }>;
}

/** The Order as the contract shapes it, or undefined when a product is missing or deleted. */
export async function placeOrder(pool: pg.Pool, userId: number, input: OrderInput) {
  const { rows } = await pool.query<PlacedRow>(ORDER_SQL, [
    userId,
    JSON.stringify(input.items),
    input.shipping_address,
  ]);
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    user_id: row.user_id,
    status: row.status,
    total_amount: Number(row.total_amount),
    shipping_address: row.shipping_address,
    items: row.items,
    failure_reason: row.failure_reason,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
