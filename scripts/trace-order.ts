// Prints the trace of one order as a tree: the createOrder request, its SQL,
// the job that processes the order and the job's SQL. The app runs in this
// process on an in-memory embedded database (or DATABASE_URL's Postgres) with
// an in-memory span exporter, the same set-up as tests/api/tracing.test.ts.
//
//   npx tsx scripts/trace-order.ts
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { connectDatabaseOrExit } from '../server/src/db/connect.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { type ReadableSpan, recordSpans } from '../tests/helpers/span-recorder.js';

const { exporter, provider } = recordSpans();

const config = loadConfig({
  NODE_ENV: 'test',
  JWT_SECRET: 'trace-script-secret-long-enough-for-hs256',
  BCRYPT_COST: '4',
  LOG_LEVEL: 'silent',
  DATA_DIR: 'memory://',
  ...(process.env.DATABASE_URL && { DATABASE_URL: process.env.DATABASE_URL }),
});
const database = await connectDatabaseOrExit({ ...config, tracing: true });
await migrateToLatest(database.db);
const app = await buildApp({ config, database, tracing: true });
await app.ready();

async function call(method: 'GET' | 'POST', url: string, body?: object, token?: string) {
  const res = await app.inject({
    method,
    url: `/api/v1${url}`,
    ...(body && { payload: body }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const password = 'Trace#Secret1';
await call('POST', '/auth/register', { username: 'shopper', email: 'shopper@example.com', password });
const { access_token: token } = await call('POST', '/auth/login', { email: 'shopper@example.com', password });
const user = await database.db
  .updateTable('users')
  .set({ role: 'admin' })
  .where('email', '=', 'shopper@example.com')
  .returning('id')
  .executeTakeFirstOrThrow();
const product = await call('POST', '/products', { name: 'Lamp', price: 24.5, stock: 10 }, token);
exporter.reset();
const order = await call(
  'POST',
  '/orders',
  { items: [{ product_id: product.id, quantity: 2 }], shipping_address: '1 Main St' },
  token,
);
for (let i = 0; i < 100 && (await call('GET', `/orders/${order.id}`, undefined, token)).status === 'pending'; i += 1)
  await new Promise((r) => setTimeout(r, 50));
await provider.forceFlush();

const spans = exporter.getFinishedSpans();
const root = spans.find((s) => s.name === 'request' && s.attributes['url.path'] === '/api/v1/orders');
if (!root) throw new Error('no createOrder span');
const traceId = root.spanContext().traceId;
const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
const children = new Map<string, ReadableSpan[]>();
for (const s of inTrace) {
  const parent = s.parentSpanContext?.spanId ?? '';
  children.set(parent, [...(children.get(parent) ?? []), s]);
}
const ms = (s: ReadableSpan) => `${(s.duration[0] * 1e3 + s.duration[1] / 1e6).toFixed(2)} ms`;
const startOf = (s: ReadableSpan) => s.startTime[0] * 1e9 + s.startTime[1];
function label(s: ReadableSpan): string {
  const sql = s.attributes['db.query.text'];
  if (typeof sql === 'string') return `sql ${sql.replace(/\s+/g, ' ').trim().slice(0, 72)}`;
  if (s.name === 'request')
    return `${s.attributes['http.request.method']} ${s.attributes['url.path']} → ${s.attributes['http.response.status_code']}`;
  if (s.name.startsWith('process order')) return `${s.name} (job; orders ${s.attributes['order.ids']})`;
  return s.name;
}
function print(s: ReadableSpan, prefix: string, last: boolean, top: boolean): void {
  console.log(`${top ? '' : `${prefix}${last ? '└─ ' : '├─ '}`}${label(s)}  [${ms(s)}]`);
  const kids = (children.get(s.spanContext().spanId) ?? []).sort((a, b) => startOf(a) - startOf(b));
  for (const [i, k] of kids.entries())
    print(k, top ? '' : `${prefix}${last ? '   ' : '│  '}`, i === kids.length - 1, false);
}
console.log(`trace ${traceId} (order ${order.id}, user ${user.id}, ${inTrace.length} spans)`);
print(root, '', true, true);

await app.close();
await database.close();
await provider.shutdown();
