// System 4, the Hono peer: Hono + @hono/zod-openapi on @hono/node-server, as a
// team would build the contract's operations on that stack in 2026: zod
// schemas matching the contract's (hono-schemas.ts), a request id, one pino
// access-log line per request (stdout, which the bench sends to /dev/null),
// problem+json errors, an ETag on getProduct, bearer auth (HS256 + the
// session query) on the operations that need it, and the same SQL as the
// ceiling through `pg`. getHealth and getProduct answer byte for byte what the
// server answers (the bench checks it before measuring). With
// BENCH_HONO_FEATURES=1 it also runs the server's other production features
// (hono-features.ts), for the "every feature on" comparison.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import { etagOf } from '@storefront/server/etag';
import type { Context, MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import pino from 'pino';
import { parse } from 'yaml';
import { useProductionFeatures } from './hono-features.js';
import { createOrder, getCurrentUser, getHealth, getProduct, listProducts } from './hono-schemas.js';
import { placeOrder } from './order-sql.js';
import {
  createPool,
  CURRENT_USER_SQL,
  HOST,
  listSql,
  PORT,
  PRODUCT_SQL,
  type ProductRow,
  toProduct,
  toUser,
  verifyHs256,
} from './shared.js';

type UserRow = Parameters<typeof toUser>[0];
type Env = { Variables: { requestId: string; user: UserRow } };

const pool = createPool();
const secret = process.env.JWT_SECRET ?? '';
const logger = pino({ level: 'info' });
const contract = parse(readFileSync(new URL('../../../openapi/openapi.yaml', import.meta.url), 'utf8')) as {
  info: { version: string };
};

const TITLES = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
} as const;

/** An RFC 9457 problem; c.json keeps a content type it is given. */
function problem<S extends keyof typeof TITLES>(
  c: Context<Env>,
  status: S,
  code: string,
  detail: string,
  errors?: Array<{ path: string; message: string }>,
) {
  const body = {
    type: `https://storefront.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] as string,
    status: status as number,
    detail,
    code,
    request_id: c.get('requestId'),
    ...(errors !== undefined && { errors }),
  };
  return c.json(body, status, { 'content-type': 'application/problem+json' });
}

const app = new OpenAPIHono<Env>({
  // Validation failures: 422 with one entry per invalid field, as the contract's VALIDATION_ERROR.
  defaultHook: (result, c) => {
    if (result.success) return;
    const errors = result.error.issues.map((i) => ({
      path: `/${result.target}/${i.path.join('/')}`,
      message: i.message,
    }));
    return problem(c, 422, 'VALIDATION_ERROR', 'The request is invalid', errors);
  },
});

app.use(requestId());
app.use(async (c, next) => {
  const started = performance.now();
  await next();
  logger.info(
    {
      reqId: c.get('requestId'),
      method: c.req.method,
      url: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get('user')?.id,
    },
    'request',
  );
});
if (process.env.BENCH_HONO_FEATURES === '1') useProductionFeatures(app);

const bearerAuth: MiddlewareHandler<Env> = async (c, next) => {
  const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  const claims = token ? verifyHs256(token, secret) : undefined;
  if (!claims) return problem(c, 401, 'UNAUTHORIZED', 'A valid access token is required');
  const { rows } = await pool.query<UserRow>(CURRENT_USER_SQL, [claims.sid, Number(claims.sub)]);
  if (!rows[0]) return problem(c, 401, 'UNAUTHORIZED', 'The session has ended');
  c.set('user', rows[0]);
  await next();
};
app.use('/api/v1/auth/me', bearerAuth);
app.use('/api/v1/orders', bearerAuth);

app.openapi(getHealth, async (c) => {
  await pool.query('select 1');
  return c.json({ status: 'healthy', database: 'healthy', version: contract.info.version } as const, 200);
});

app.openapi(getProduct, async (c) => {
  const { product_id } = c.req.valid('param');
  const { rows } = await pool.query<ProductRow>(PRODUCT_SQL, [product_id]);
  const row = rows[0];
  if (!row) return problem(c, 404, 'NOT_FOUND', `Product ${product_id} not found`);
  c.header('etag', etagOf('p', row.id, row.version));
  return c.json(toProduct(row), 200);
});

app.openapi(listProducts, async (c) => {
  const q = listSql(c.req.valid('query'));
  const [page, count] = await Promise.all([pool.query<ProductRow>(q.page), pool.query<{ total: number }>(q.count)]);
  const total = count.rows[0]?.total ?? 0;
  return c.json(
    {
      items: page.rows.map(toProduct),
      total,
      page: q.pageNumber,
      page_size: q.pageSize,
      has_next: q.pageNumber * q.pageSize < total,
    },
    200,
  );
});

app.openapi(getCurrentUser, (c) => c.json(toUser(c.get('user')), 200));

app.openapi(createOrder, async (c) => {
  const body = c.req.valid('json');
  const ids = body.items.map((i) => i.product_id);
  const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (repeated >= 0)
    return problem(c, 422, 'VALIDATION_ERROR', 'The request is invalid', [
      { path: `/body/items/${repeated}/product_id`, message: `product ${ids[repeated]} is already in the order` },
    ]);
  const order = await placeOrder(pool, c.get('user').id, body);
  if (!order) return problem(c, 400, 'BAD_REQUEST', 'A product of the order does not exist');
  return c.json(order, 201);
});

app.notFound((c) => problem(c, 404, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path.slice(0, 200)}`));
app.onError((err, c) => {
  logger.error({ err, reqId: c.get('requestId') }, 'request failed');
  return problem(c, 500, 'SERVER_ERROR', 'An unexpected error occurred');
});

const server = serve({ fetch: app.fetch, port: PORT, hostname: HOST });
process.once('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
