// Database outage: a server process reaches Postgres through a TCP proxy the
// test controls. Cut under load, requests fail fast with 503
// SERVICE_UNAVAILABLE, /health says unhealthy and the process stays up;
// restored, requests succeed again within 5 s, without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, registerAndLogin, sleep } from './helpers/http.js';
import { type Load, type Outcome, startLoad } from './helpers/load.js';
import { createLocalDatabase, type LocalDatabase } from './helpers/postgres.js';
import { type Spawned, startServer } from './helpers/processes.js';
import { type CutMode, startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.js';
import { services } from '../helpers/services.js';

const configured = services('postgres');

const CONNECT_TIMEOUT_MS = 1000;
const STATEMENT_TIMEOUT_MS = 1000;
const READ_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 1000; // the pool's client-side query_timeout
const SLACK_MS = 1500; // two shared cores, several processes
// The slowest a request may take while the database is gone. Refused
// connections fail at once. On a silent network every deadline runs out: the
// wait for a connection, then the query and, in a transaction, its ROLLBACK.
const FAIL_FAST_BOUND_MS: Record<CutMode, number> = {
  refuse: 1000 + SLACK_MS,
  blackhole: CONNECT_TIMEOUT_MS + 2 * READ_TIMEOUT_MS + SLACK_MS,
};

let db: LocalDatabase;
let proxy: TcpProxy;
let server: Spawned;
let token: string;
let productId: number;

beforeAll(async () => {
  db = await createLocalDatabase();
  const target = new URL(db.url);
  proxy = await startTcpProxy(Number(target.port || 5432), target.hostname);
  server = await startServer({
    DATABASE_URL: db.urlVia(proxy.port),
    DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    ADMIN_EMAIL: 'admin@outage.test',
    ADMIN_PASSWORD: 'Adm1n#Secret!',
  });
  token = (await registerAndLogin(server.baseUrl, `outage_${Date.now()}`)).token;
  const admin = await http(server.baseUrl, 'POST', '/api/v1/auth/login', {
    body: { email: 'admin@outage.test', password: 'Adm1n#Secret!' },
  });
  const product = await http(server.baseUrl, 'POST', '/api/v1/products', {
    token: admin.body.access_token,
    body: { name: 'outage', price: 1, stock: 5 },
  });
  productId = product.body.id;
}, 60_000);

afterAll(async () => {
  await server?.stop('SIGTERM');
  await proxy?.close();
  await db?.drop();
}, 30_000);

function traffic(): Load {
  const calls = [
    () => http(server.baseUrl, 'GET', '/api/v1/products?limit=5', { timeoutMs: 20_000 }),
    () => http(server.baseUrl, 'GET', `/api/v1/products/${productId}`, { timeoutMs: 20_000 }),
    () => http(server.baseUrl, 'GET', '/api/v1/auth/me', { token, timeoutMs: 20_000 }),
    () => http(server.baseUrl, 'GET', '/api/v1/orders', { token, timeoutMs: 20_000 }),
  ];
  return startLoad(
    6,
    async (i) => {
      const res = await calls[i % calls.length]!();
      return {
        label: `call${i % calls.length}`,
        status: res.status,
        ms: res.ms,
        detail: res.status === 503 ? res.body?.code : undefined,
      };
    },
    20,
  );
}

async function firstSuccessAfterRestore(): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < 15_000) {
    const [health, list] = await Promise.all([
      http(server.baseUrl, 'GET', '/api/v1/health').catch(() => undefined),
      http(server.baseUrl, 'GET', '/api/v1/auth/me', { token }).catch(() => undefined),
    ]);
    if (health?.status === 200 && list?.status === 200) return Date.now() - t0;
    await sleep(100);
  }
  return Infinity;
}

const summary = (o: Outcome[]) =>
  o.reduce<Record<string, number>>((acc, x) => ({ ...acc, [String(x.status)]: (acc[String(x.status)] ?? 0) + 1 }), {});

describe.skipIf(!configured).each<CutMode>(['refuse', 'blackhole'])('database cut (%s) under load', (mode) => {
  it('answers 503 fast, reports unhealthy, stays up, and recovers within 5 s', async () => {
    const load = traffic();
    await sleep(1500);
    const cutAt = Date.now();
    proxy.cut(mode);
    await sleep(mode === 'blackhole' ? 6000 : 3000);
    const health = await http(server.baseUrl, 'GET', '/api/v1/health', { timeoutMs: 10_000 });
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('unhealthy');
    expect(health.ms).toBeLessThan(FAIL_FAST_BOUND_MS[mode]);
    expect(server.child.exitCode).toBeNull();

    proxy.restore();
    const recoveredIn = await firstSuccessAfterRestore();
    const restoredAt = Date.now();
    await sleep(1000);
    await load.stop();

    const before = load.outcomes.filter((o) => o.at < cutAt);
    // Requests sent after the cut and answered before the restore.
    const restoreAt = restoredAt - recoveredIn;
    const during = load.outcomes.filter((o) => o.at - o.ms > cutAt && o.at < restoreAt);
    const after = load.outcomes.filter((o) => o.at > restoredAt);
    const slowest = [...load.outcomes]
      .sort((x, y) => y.ms - x.ms)
      .slice(0, 3)
      .map((o) => `${o.label}:${o.status}:${Math.round(o.ms)}ms@${o.at - o.ms - cutAt}`);
    const info = `mode=${mode} slowest=${slowest.join(',')} before=${JSON.stringify(summary(before))} during=${JSON.stringify(summary(during))} after=${JSON.stringify(summary(after))} recovered in ${recoveredIn} ms`;
    console.log(info);
    expect(before.length, info).toBeGreaterThan(0);
    expect(
      before.every((o) => o.status === 200),
      info,
    ).toBe(true);
    expect(during.length, info).toBeGreaterThan(0);
    // Everything answered within the contract (http() throws otherwise, recorded as
    // network-error), and with 503 SERVICE_UNAVAILABLE only: no hangs, resets or 500s.
    expect(
      load.outcomes.filter(
        (o) => o.status === 'network-error' || (typeof o.status === 'number' && o.status >= 500 && o.status !== 503),
      ),
      info,
    ).toEqual([]);
    expect(
      during.every((o) => o.status === 503 && o.detail === 'SERVICE_UNAVAILABLE'),
      info,
    ).toBe(true);
    expect(Math.max(...load.outcomes.map((o) => o.ms)), info).toBeLessThan(FAIL_FAST_BOUND_MS[mode]);
    expect(recoveredIn, info).toBeLessThan(5000);
    expect(after.length, info).toBeGreaterThan(0);
    expect(
      after.every((o) => o.status === 200),
      info,
    ).toBe(true);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);
});
