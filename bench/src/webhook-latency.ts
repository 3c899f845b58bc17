// Time from an order's status change to the webhook receiver's 2xx, at idle:
// one server (its in-process worker delivering) on a fresh Postgres database,
// a receiver on loopback, orders placed one at a time. The event's
// `timestamp` is the order's `updated_at` (the changing transaction's time),
// so receipt minus timestamp covers the commit, the job's wake-up, signing
// and the POST; the receiver answers 204 at once.
// Run: pnpm --filter @storefront/bench exec tsx src/webhook-latency.ts [orders] (needs Postgres at TEST_POSTGRES_URL
// or postgres://postgres@127.0.0.1:5432/postgres)
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { startSystem } from './processes.js';

const ORDERS = Number(process.argv[2] ?? 200);
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `sf_webhook_latency_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${name}`;

const latencies = new Map<string, number[]>();
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const event = JSON.parse(Buffer.concat(chunks).toString()) as { type: string; timestamp: string };
    const list = latencies.get(event.type) ?? [];
    list.push(Date.now() - Date.parse(event.timestamp));
    latencies.set(event.type, list);
    res.writeHead(204).end();
  });
});
receiver.listen(0, '127.0.0.1');
await once(receiver, 'listening');

const ADMIN = { email: 'latency@example.com', password: 'Adm1n#Latency!' };
const server = await startSystem({
  name: 'storefront',
  entry: 'server/src/server.ts',
  port: Number(process.env.PORT ?? 7510),
  env: {
    // Outside production: the receiver is plain http on loopback (production wants https).
    NODE_ENV: 'development',
    JWT_SECRET: 'a-bench-secret-that-is-long-enough-for-hs256',
    DATABASE_URL: dbUrl.toString(),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    METRICS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_USER: '1000000',
    RATE_LIMIT_AUTH: '1000',
  },
});
try {
  const api = async (method: string, path: string, token: string | undefined, body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const { access_token: token } = (await api('POST', '/auth/login', undefined, ADMIN)) as { access_token: string };
  const { port } = receiver.address() as AddressInfo;
  await api('POST', '/webhook-endpoints', token, {
    url: `http://127.0.0.1:${port}/hooks`,
    events: ['order.created', 'order.completed'],
  });
  const product = await api('POST', '/products', token, { name: 'Latency', price: 1, stock: 1_000_000 });
  for (let i = 0; i < ORDERS; i += 1) {
    await api('POST', '/orders', token, {
      items: [{ product_id: product.id, quantity: 1 }],
      shipping_address: '1 Bench Street',
    });
    await new Promise((r) => setTimeout(r, 50)); // idle: one order at a time
  }
  const deadline = Date.now() + 30_000;
  while ((latencies.get('order.completed')?.length ?? 0) < ORDERS && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  const pct = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  for (const [type, list] of latencies) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `${type}: ${sorted.length} events, status change to receiver 2xx p50 ${pct(sorted, 50)} ms, p99 ${pct(sorted, 99)} ms, max ${sorted.at(-1)} ms`,
    );
  }
} finally {
  await server.stop();
  receiver.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
}
