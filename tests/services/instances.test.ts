// Several instances: two server processes on different ports and a separate
// worker share one Postgres and one Redis. A token from one works on the
// other, logout on one is refused by the other at once, the rate-limit budget
// is shared, and every order is processed exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, clusterEnv } from './helpers/cluster.js';
import { ADDRESS, http, registerAndLogin } from './helpers/http.js';
import { createProducts, jobCountViolations, stockInvariantViolations, waitForSettled } from './helpers/orders.js';
import { createLocalDatabase, type LocalDatabase, localRedisUrl } from './helpers/postgres.js';
import { type Spawned, startServer, startWorker } from './helpers/processes.js';
import { services } from '../helpers/services.js';

const configured = services('postgres', 'redis');

const RATE_LIMIT_ANON = 15;
let db: LocalDatabase;
let a: Spawned;
let b: Spawned;
let worker: Spawned;

beforeAll(async () => {
  db = await createLocalDatabase();
  const env = clusterEnv(db, {
    REDIS_URL: localRedisUrl(),
    RATE_LIMIT_ANON: String(RATE_LIMIT_ANON),
    RUN_WORKER: 'false',
  });
  a = await startServer(env);
  [b, worker] = await Promise.all([startServer(env), startWorker(env)]);
}, 90_000);

afterAll(async () => {
  await Promise.all([a, b, worker].filter(Boolean).map((p) => p.stop('SIGTERM')));
  await db?.drop();
}, 60_000);

describe.skipIf(!configured)('two instances behind one load balancer', () => {
  it('accepts a token issued by one instance on the other', async () => {
    const user = await registerAndLogin(a.baseUrl, `inst_${Date.now()}`);
    const me = await http(b.baseUrl, 'GET', '/api/v1/auth/me', { token: user.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
  });

  it('refuses a token on the other instance immediately after logout on one', async () => {
    const user = await registerAndLogin(b.baseUrl, `logout_${Date.now()}`);
    expect((await http(a.baseUrl, 'GET', '/api/v1/auth/me', { token: user.token })).status).toBe(200);
    expect((await http(a.baseUrl, 'POST', '/api/v1/auth/logout', { token: user.token })).status).toBe(200);
    const after = await http(b.baseUrl, 'GET', '/api/v1/auth/me', { token: user.token });
    expect(after.status).toBe(401);
    const refresh = await http(b.baseUrl, 'POST', '/api/v1/auth/refresh', {
      body: { refresh_token: user.refreshToken },
    });
    expect(refresh.status).toBe(401);
  });

  it('shares one anonymous rate-limit budget between the instances (Redis)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT_ANON + 5; i += 1) {
      const target = i % 2 === 0 ? a : b;
      statuses.push((await http(target.baseUrl, 'GET', '/api/v1/products?limit=1')).status);
    }
    const ok = statuses.filter((s) => s === 200).length;
    // Earlier anonymous calls in this file (register, login) spent part of the same budget.
    expect(ok).toBeLessThanOrEqual(RATE_LIMIT_ANON);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
    const limited = await http(a.baseUrl, 'GET', '/api/v1/products?limit=1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  it('processes every order placed on either instance exactly once (separate worker)', async () => {
    const admin = await adminToken(a.baseUrl);
    const initial = await createProducts(a.baseUrl, admin, 3, 20, 'inst');
    const ids = [...initial.keys()];
    const orders: number[] = [];
    const placers = [0, 1, 2, 3].map(async (n) => {
      // Users (authenticated) have their own, higher budget.
      const user = await registerAndLogin(n % 2 ? a.baseUrl : b.baseUrl, `buyer_${n}_${Date.now()}`).catch(
        () => undefined,
      );
      return user;
    });
    const users = (await Promise.all(placers)).filter((u) => u !== undefined);
    expect(users.length).toBeGreaterThan(0);
    for (let i = 0; i < 24; i += 1) {
      const user = users[i % users.length]!;
      const target = i % 2 === 0 ? a : b;
      const res = await http(target.baseUrl, 'POST', '/api/v1/orders', {
        token: user.token,
        body: { items: [{ product_id: ids[i % ids.length]!, quantity: 1 + (i % 3) }], shipping_address: ADDRESS },
      });
      expect(res.status, res.text).toBe(201);
      orders.push(res.body.id);
    }
    expect(await waitForSettled(db, 30_000)).toBe(0);
    const rows = await db.query<{ id: number; status: string }>(
      `select id, status::text from orders where id = any($1)`,
      [orders],
    );
    expect(rows).toHaveLength(orders.length);
    for (const r of rows) expect(['completed', 'failed']).toContain(r.status);
    expect(await jobCountViolations(db)).toEqual([]);
    expect(await stockInvariantViolations(db, initial)).toEqual([]);
    // Only the separate worker processed them: the servers run with RUN_WORKER=false.
    expect(worker.output()).toContain('order processed');
  });
});
