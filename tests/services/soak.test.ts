// Soak: mixed traffic (browse, register, login, order, cancel, admin updates)
// at a fixed rate against two server processes sharing Postgres and Redis,
// each also processing orders. Zero 5xx, no response outside the contract,
// zero lost orders, the stock invariant, and RSS that levels off.
// SOAK_SECONDS (default 30; the README quotes a 180 s run) and SOAK_RPS (default 40).
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, clusterEnv } from './helpers/cluster.js';
import { ADDRESS, http, type HttpResult, registerAndLogin, sleep } from './helpers/http.js';
import { createProducts, jobCountViolations, stockInvariantViolations, waitForSettled } from './helpers/orders.js';
import { createLocalDatabase, type LocalDatabase, localRedisUrl } from './helpers/postgres.js';
import { type Spawned, startServer } from './helpers/processes.js';
import { services } from '../helpers/services.js';

const configured = services('postgres', 'redis');

const SECONDS = Number(process.env.SOAK_SECONDS ?? 30);
const RPS = Number(process.env.SOAK_RPS ?? 40);
const MAX_IN_FLIGHT = 64;

let db: LocalDatabase;
let servers: Spawned[] = [];

beforeAll(async () => {
  db = await createLocalDatabase();
  const env = clusterEnv(db, { REDIS_URL: localRedisUrl(), LOG_LEVEL: 'error' });
  servers = [await startServer(env)];
  servers.push(await startServer(env));
}, 90_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop('SIGTERM')));
  await db?.drop();
}, 30_000);

interface User {
  email: string;
  password: string;
  token: string;
}

async function rssOf(server: Spawned): Promise<number> {
  const res = await fetch(`${server.baseUrl}/metrics`, { signal: AbortSignal.timeout(5000) });
  const match = /^process_resident_memory_bytes (\d+)/m.exec(await res.text());
  return Number(match?.[1] ?? NaN);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

describe.skipIf(!configured)(`soak: ${SECONDS} s at ${RPS} requests/s on two instances`, () => {
  it(
    'stays within the contract, loses no order, oversells nothing and levels off in memory',
    async () => {
      const base = (i: number) => servers[i % servers.length]!.baseUrl;
      const admin = await adminToken(base(0));
      const initial = await createProducts(base(0), admin, 12, 400, 'soak');
      const productIds = [...initial.keys()];
      const users: User[] = [];
      for (let i = 0; i < 8; i += 1) users.push(await registerAndLogin(base(i), `soak_${i}_${Date.now()}`));
      const orders: Array<{ id: number; user: User }> = [];

      const counts = new Map<string, number>();
      const failures: string[] = [];
      const latencies: number[] = [];
      const accepted: number[] = [];
      let skipped = 0;
      const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

      // One request of the mix; picks by a deterministic counter, so every run sends the same mix.
      const step = async (n: number): Promise<void> => {
        const target = base(n);
        const user = users[n % users.length]!;
        const pick = n % 20;
        let label: string;
        let res: HttpResult;
        if (pick < 7) {
          label = 'listProducts';
          res = await http(target, 'GET', `/api/v1/products?page=${1 + (n % 3)}&page_size=10`);
        } else if (pick < 9) {
          label = 'getProduct';
          res = await http(target, 'GET', `/api/v1/products/${productIds[n % productIds.length]}`);
        } else if (pick === 9) {
          label = 'registerUser';
          const username = `soak_n${n}_${process.pid}`;
          res = await http(target, 'POST', '/api/v1/auth/register', {
            body: { username, email: `${username}@example.com`, password: 'Sup3r#Secret' },
          });
        } else if (pick === 10) {
          label = 'login';
          res = await http(target, 'POST', '/api/v1/auth/login', {
            body: { email: user.email, password: user.password },
          });
          if (res.status === 200) user.token = res.body.access_token;
        } else if (pick < 14) {
          label = 'createOrder';
          const items = [{ product_id: productIds[n % productIds.length]!, quantity: 1 + (n % 4) }];
          res = await http(target, 'POST', '/api/v1/orders', {
            token: user.token,
            body: { items, shipping_address: ADDRESS },
          });
          if (res.status === 201) {
            accepted.push(res.body.id);
            orders.push({ id: res.body.id, user });
          }
        } else if (pick === 14 && orders.length > 0) {
          label = 'cancelOrder';
          const order = orders[n % orders.length]!;
          res = await http(target, 'POST', `/api/v1/orders/${order.id}/cancel`, { token: order.user.token });
        } else if (pick < 17) {
          label = 'listOrders';
          res = await http(target, 'GET', '/api/v1/orders?page_size=5', { token: user.token });
        } else if (pick === 17 && orders.length > 0) {
          label = 'getOrder';
          const order = orders[n % orders.length]!;
          res = await http(target, 'GET', `/api/v1/orders/${order.id}`, { token: order.user.token });
        } else {
          label = 'updateProduct';
          // Prices only: stock changes by admins would make the invariant meaningless.
          res = await http(target, 'PATCH', `/api/v1/products/${productIds[n % productIds.length]}`, {
            token: admin,
            body: { price: 5 + (n % 500) / 100 },
          });
        }
        count(`${label} ${res.status}`);
        latencies.push(res.ms);
        if (res.status >= 500) failures.push(`${label} ${res.status} ${res.text.slice(0, 200)}`);
      };

      const rss: Array<{ at: number; values: number[] }> = [];
      const t0 = Date.now();
      const inFlight = new Set<Promise<void>>();
      let sent = 0;
      let nextRss = t0;
      while (Date.now() - t0 < SECONDS * 1000) {
        if (Date.now() >= nextRss) {
          nextRss += 5000;
          rss.push({ at: Date.now() - t0, values: await Promise.all(servers.map(rssOf)) });
        }
        const due = Math.floor(((Date.now() - t0) / 1000) * RPS);
        while (sent < due) {
          if (inFlight.size >= MAX_IN_FLIGHT) {
            skipped += 1; // the servers fell behind: counted, and a failure below
          } else {
            const p: Promise<void> = step(sent)
              .catch((err: Error) => void failures.push(`${err.name}: ${err.message.slice(0, 300)}`))
              .finally(() => inFlight.delete(p));
            inFlight.add(p);
          }
          sent += 1;
        }
        await sleep(10);
      }
      await Promise.all(inFlight);
      const elapsed = (Date.now() - t0) / 1000;

      const left = await waitForSettled(db, 60_000);
      const lost =
        accepted.length -
        (await db.query<{ id: number }>(`select id from orders where id = any($1)`, [accepted])).length;
      const statuses = Object.fromEntries(
        (
          await db.query<{ status: string; n: number }>(
            `select status::text, count(*)::int as n from orders group by status`,
          )
        ).map((r) => [r.status, r.n]),
      );
      const invariant = await stockInvariantViolations(db, initial);
      const jobs = await jobCountViolations(db);
      rss.push({ at: Date.now() - t0, values: await Promise.all(servers.map(rssOf)) });

      // Memory: after warm-up (first quarter) the resident set may settle but not keep climbing.
      const warm = rss.filter((s) => s.at >= (SECONDS * 1000) / 4);
      const growth = servers.map((_, i) => {
        const early = median(warm.slice(0, Math.max(1, Math.floor(warm.length / 3))).map((s) => s.values[i]!));
        const late = median(warm.slice(-Math.max(1, Math.floor(warm.length / 3))).map((s) => s.values[i]!));
        return { earlyMb: mb(early), lateMb: mb(late), peakMb: mb(Math.max(...rss.map((s) => s.values[i]!))) };
      });
      const sorted = [...latencies].sort((a, b) => a - b);
      const report = {
        seconds: Math.round(elapsed),
        targetRps: RPS,
        requests: latencies.length,
        achievedRps: Math.round((latencies.length / elapsed) * 10) / 10,
        skipped,
        fiveXx: failures.filter((f) => / 5\d\d /.test(f)).length,
        failures: failures.length,
        latencyMs: {
          p50: Math.round(sorted[Math.floor(sorted.length * 0.5)] ?? 0),
          p99: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
          max: Math.round(sorted.at(-1) ?? 0),
        },
        ordersAccepted: accepted.length,
        ordersByStatus: statuses,
        unsettled: left,
        lost,
        invariantViolations: invariant.length,
        rss: growth,
        byOperation: Object.fromEntries([...counts].sort()),
      };
      console.log(`soak: ${JSON.stringify(report)}`);
      mkdirSync('.artifacts', { recursive: true });
      writeFileSync('.artifacts/soak.json', JSON.stringify(report, null, 2));

      expect(failures.slice(0, 5)).toEqual([]);
      expect(skipped).toBe(0);
      expect(latencies.length).toBeGreaterThan(SECONDS * RPS * 0.9);
      expect(left).toBe(0);
      expect(lost).toBe(0);
      expect(invariant).toEqual([]);
      expect(jobs).toEqual([]);
      for (const g of growth) expect(g.lateMb).toBeLessThan(Math.max(g.earlyMb * 1.5, g.earlyMb + 100));
    },
    (SECONDS + 180) * 1000,
  );
});
