// System 1, the ceiling: bare Fastify routes, no validation, auth, rate
// limit or logging, each doing the same single query with `pg` directly.
// createOrder is the placement in one statement (order-sql.ts); with no auth,
// the order's user is the bearer token's subject, read without checking it.
// With BENCH_CEILING_KYSELY=1, getProduct runs the server's own Kysely query
// instead (the per-feature cost table's "Kysely vs raw pg" line).
import { connectDatabase } from '@storefront/server/db/connect';
import { findProduct } from '@storefront/server/products/repository';
import Fastify from 'fastify';
import { placeOrder, type OrderInput } from './order-sql.js';
import { createPool, HOST, listSql, PORT, PRODUCT_SQL, toProduct, type ProductRow } from './shared.js';

const pool = createPool();
const kysely =
  process.env.BENCH_CEILING_KYSELY === '1'
    ? await connectDatabase({ databaseUrl: process.env.DATABASE_URL ?? '', dataDir: 'unused', dbPoolSize: 10 })
    : undefined;
const findRow = kysely
  ? (id: number) => findProduct(kysely.db, id)
  : async (id: number) => (await pool.query<ProductRow>(PRODUCT_SQL, [id])).rows[0];
const app = Fastify();

app.get('/api/v1/health', async () => {
  await pool.query('select 1');
  return { status: 'healthy', database: 'healthy', version: 'ceiling' };
});

app.get<{ Params: { id: string } }>('/api/v1/products/:id', async (req, reply) => {
  const row = await findRow(Number(req.params.id));
  if (!row) return reply.code(404).send({ code: 'NOT_FOUND' });
  return toProduct(row);
});

app.get<{ Querystring: Record<string, string> }>('/api/v1/products', async (req) => {
  const q = listSql(req.query);
  const [page, count] = await Promise.all([pool.query<ProductRow>(q.page), pool.query<{ total: number }>(q.count)]);
  const total = count.rows[0]?.total ?? 0;
  return {
    items: page.rows.map(toProduct),
    total,
    page: q.pageNumber,
    page_size: q.pageSize,
    has_next: q.pageNumber * q.pageSize < total,
  };
});

app.post<{ Body: OrderInput; Headers: { authorization?: string } }>('/api/v1/orders', async (req, reply) => {
  const payload = req.headers.authorization?.split('.')[1] ?? '';
  const { sub } = JSON.parse(Buffer.from(payload, 'base64url').toString() || '{}') as { sub?: string };
  const order = await placeOrder(pool, Number(sub), req.body);
  if (!order) return reply.code(400).send({ code: 'BAD_REQUEST' });
  return reply.code(201).send(order);
});

await app.listen({ port: PORT, host: HOST });
