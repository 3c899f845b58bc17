// Crash during processing: a separate worker process is killed with SIGKILL
// while it holds order jobs. After a new worker starts, every accepted order
// reaches completed or failed, each was processed once in effect, and for
// every product: initial stock = current stock + quantities held by
// completed/shipped/delivered orders. Jobs a dead worker had claimed come
// back when pg-boss expires them (QUEUE_JOB_EXPIRE_SECONDS after they started,
// checked every QUEUE_MAINTENANCE_SECONDS; 60 s each by default, shortened here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, clusterEnv } from './helpers/cluster.js';
import { ADDRESS, http, registerAndLogin, sleep } from './helpers/http.js';
import {
  createProducts,
  jobCountViolations,
  ordersByStatus,
  stockInvariantViolations,
  waitForSettled,
} from './helpers/orders.js';
import { createLocalDatabase, type LocalDatabase } from './helpers/postgres.js';
import { type Spawned, startServer, startWorker } from './helpers/processes.js';
import { services } from '../helpers/services.js';

const configured = services('postgres');

const FAST_EXPIRY = { QUEUE_JOB_EXPIRE_SECONDS: '5', QUEUE_MAINTENANCE_SECONDS: '2' };

let db: LocalDatabase;
let server: Spawned;
let worker: Spawned | undefined;
let restarted: Spawned | undefined;

beforeAll(async () => {
  db = await createLocalDatabase();
  // The server enqueues the jobs, so their expiry is its setting.
  server = await startServer(clusterEnv(db, { RUN_WORKER: 'false', ...FAST_EXPIRY }));
}, 60_000);

afterAll(async () => {
  await Promise.all([server, worker, restarted].filter((p) => p !== undefined).map((p) => p.stop('SIGTERM')));
  await db?.drop();
}, 30_000);

describe.skipIf(!configured)('kill -9 of the worker mid-processing', () => {
  it('loses no order, reserves stock once, and oversells nothing', async () => {
    const admin = await adminToken(server.baseUrl);
    // Scarce stock, so some orders fail and the invariant is tested at the edge.
    const initial = await createProducts(server.baseUrl, admin, 5, 30, 'crash');
    const ids = [...initial.keys()];
    const buyers = await Promise.all(
      [1, 2, 3].map((n) => registerAndLogin(server.baseUrl, `crash_${n}_${Date.now()}`)),
    );
    const accepted: number[] = [];
    const place = async (i: number) => {
      const items = [0, 1, 2].map((k) => ({ product_id: ids[(i + k) % ids.length]!, quantity: 1 + ((i + k) % 3) }));
      const res = await http(server.baseUrl, 'POST', '/api/v1/orders', {
        token: buyers[i % buyers.length]!.token,
        body: { items, shipping_address: ADDRESS },
      });
      expect(res.status, res.text).toBe(201);
      accepted.push(res.body.id);
    };
    for (let i = 0; i < 60; i += 1) await place(i);

    worker = await startWorker(clusterEnv(db, { QUEUE_CONCURRENCY: '4', ...FAST_EXPIRY }));
    // Kill it the moment it holds claimed jobs (or after 5 s at the latest), while orders still wait.
    const deadline = Date.now() + 5000;
    let active = 0;
    while (Date.now() < deadline) {
      [{ active }] = await db.query<{ active: number }>(
        `select count(*)::int as active from pgboss.job where state = 'active'`,
      );
      if (active > 0) break;
      await sleep(5);
    }
    worker.child.kill('SIGKILL');
    await worker.exited;
    const atKill = await ordersByStatus(db);
    const jobsOf = (ids: number[]) =>
      db.query<{ order_id: number; state: string; retry_count: number }>(
        `select (data->>'orderId')::int as order_id, state::text, retry_count from pgboss.job where name = 'order-processing' and (data->>'orderId')::int = any($1)`,
        [ids],
      );
    const stuck = (await db.query<{ id: number }>(`select id from orders where status = 'processing'`)).map(
      (r) => r.id,
    );
    const claimedAfterKill = (
      await db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where state = 'active'`)
    )[0]!.n;
    console.log(
      `crash: after the kill ${claimedAfterKill} jobs still claimed by the dead worker; orders mid-processing ${JSON.stringify(await jobsOf(stuck))}`,
    );
    // More orders arrive while no worker runs.
    for (let i = 60; i < 80; i += 1) await place(i);

    const t0 = Date.now();
    restarted = await startWorker(clusterEnv(db, FAST_EXPIRY));
    const left = await waitForSettled(db, 150_000);
    console.log(
      `crash: ${active} jobs claimed at the kill, orders then ${JSON.stringify(atKill)}; settled ${left === 0 ? `in ${Date.now() - t0} ms` : 'NOT'} after restart: ${JSON.stringify(await ordersByStatus(db))}`,
    );
    console.log(
      `crash: the orders that were mid-processing ended as ${JSON.stringify(await db.query(`select id, status::text from orders where id = any($1)`, [stuck]))}, jobs ${JSON.stringify(await jobsOf(stuck))}`,
    );
    expect(left).toBe(0);
    const rows = await db.query<{ id: number; status: string }>(`select id, status::text from orders`);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...accepted].sort((a, b) => a - b));
    for (const r of rows) expect(['completed', 'failed']).toContain(r.status);
    expect(await jobCountViolations(db)).toEqual([]);
    expect(await stockInvariantViolations(db, initial)).toEqual([]);
  }, 200_000);
});
