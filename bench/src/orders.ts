// Order scenarios: how long an accepted order takes to complete (at idle and
// under a steady 50 orders/s), how fast worker processes drain a burst of
// 2,000 orders (one, then two), and what a client waiting with
// `Prefer: wait` sees. Workers are `node server/dist/worker.js` processes,
// as deployed; the server runs with RUN_WORKER=false.
//
// "Accepted → completed" is measured by the bench itself: from the moment the
// 201 arrives to the moment the bench's own LISTEN connection receives the
// order's `completed` status notification (sent by the commit that completes it).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import type { BenchDatabase } from './data.js';
import { median } from './load.js';
import { ROOT, stopChild } from './processes.js';
import type { Row, Target } from './report.js';

export interface OrderBenchOptions {
  bench: BenchDatabase;
  serverUrl: string;
  bearer: Record<string, string>;
  jwtSecret: string;
  quick: boolean;
  log: (line: string) => void;
}

const BURST = 2_000;
/** Products 1..100 have stock to spare (data.ts); each order takes two of them. */
function orderBody(i: number): string {
  const a = 1 + (i % 100);
  const b = 1 + ((i * 37 + 11) % 100);
  const items =
    a === b
      ? [{ product_id: a, quantity: 1 }]
      : [
          { product_id: a, quantity: 1 },
          { product_id: b, quantity: 2 },
        ];
  return JSON.stringify({ items, shipping_address: '1 Bench Street, Testville' });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};

export async function runOrderScenarios(o: OrderBenchOptions): Promise<{ rows: Row[]; targets: Target[] }> {
  const { bench, serverUrl, bearer, log } = o;
  const db = bench.handle.db;
  const rows: Row[] = [];
  const headers = { ...bearer, 'content-type': 'application/json' };

  // Start from a clean queue: earlier scenarios (createOrder) left pending orders and their jobs.
  await sql`delete from pgboss.job where name = 'order-processing'`.execute(db);
  await db
    .updateTable('orders')
    .set({ status: 'cancelled' })
    .where('status', 'in', ['pending', 'processing'])
    .execute();

  // Completion times as the bench sees them, by order id.
  const completedAt = new Map<number, number>();
  const waiting = new Map<number, () => void>();
  const listener = new pg.Client({ connectionString: bench.url });
  await listener.connect();
  listener.on('notification', (msg) => {
    const [id, status] = (msg.payload ?? '').split(':');
    if (status !== 'completed' && status !== 'failed') return;
    const orderId = Number(id);
    completedAt.set(orderId, performance.now());
    waiting.get(orderId)?.();
  });
  await listener.query('listen order_status');

  async function place(i: number): Promise<{ id: number; acceptedAt: number }> {
    const res = await fetch(`${serverUrl}/api/v1/orders`, { method: 'POST', headers, body: orderBody(i) });
    const acceptedAt = performance.now();
    if (res.status !== 201) throw new Error(`createOrder: ${res.status} ${await res.text()}`);
    return { id: ((await res.json()) as { id: number }).id, acceptedAt };
  }
  const done = (id: number, timeoutMs = 10_000) =>
    new Promise<void>((resolve) => {
      if (completedAt.has(id)) return resolve();
      const timer = setTimeout(resolve, timeoutMs);
      waiting.set(id, () => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve();
      });
    });
  const latencies = (placed: Array<{ id: number; acceptedAt: number }>) =>
    placed.map((p) => Math.max(0, (completedAt.get(p.id) ?? Number.POSITIVE_INFINITY) - p.acceptedAt));
  function latencyRow(scenario: string, ms: number[], note: string): { p50: number; p99: number } {
    const p50 = median(ms);
    const p99 = percentile(ms, 99);
    const lost = ms.filter((m) => !Number.isFinite(m)).length;
    rows.push({ scenario, system: 'storefront + 1 worker', p50, p99, failures: lost, note });
    return { p50, p99 };
  }

  const workers: ChildProcess[] = [];
  const startWorkers = async (n: number) => {
    for (let i = 0; i < n; i++) workers.push(startWorker(bench.url, o.jwtSecret));
    await sleep(1_500); // started, migrated (nothing to do), listening
  };
  const stopWorkers = () => Promise.all(workers.splice(0).map((w) => stopChild(w)));

  try {
    // 1. Idle: one order at a time, the next once the previous completed.
    await startWorkers(1);
    const idleCount = o.quick ? 30 : 200;
    log(`orders: accepted → completed at idle (${idleCount} orders, one at a time)`);
    const idle: Array<{ id: number; acceptedAt: number }> = [];
    for (let i = 0; i < idleCount; i++) {
      const p = await place(i);
      idle.push(p);
      await done(p.id);
      await sleep(20);
    }
    const idleLatency = latencyRow('order latency: idle', latencies(idle), 'accepted (201) → completed, ms');

    // 2. Steady 50 orders/s.
    const seconds = o.quick ? 4 : 15;
    log(`orders: accepted → completed at 50 orders/s for ${seconds} s`);
    const steady: Array<Promise<{ id: number; acceptedAt: number }>> = [];
    const start = performance.now();
    for (let i = 0; i < seconds * 50; i++) {
      const due = start + i * 20;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      steady.push(place(idleCount + i));
    }
    const steadyPlaced = await Promise.all(steady);
    await Promise.all(steadyPlaced.map((p) => done(p.id)));
    const steadyLatency = latencyRow(
      'order latency: 50 orders/s',
      latencies(steadyPlaced),
      `accepted → completed, ms; ${steadyPlaced.length} orders`,
    );

    // 4. Long poll: createOrder then getOrder with Prefer: wait=10, one at a time (a client's createAndWait).
    const pollCount = o.quick ? 30 : 200;
    log(`orders: createOrder + getOrder Prefer: wait=10 (${pollCount} orders)`);
    const pollMs: number[] = [];
    let applied = 0;
    let outcomes = 0;
    for (let i = 0; i < pollCount; i++) {
      const t0 = performance.now();
      const p = await place(i);
      const res = await fetch(`${serverUrl}/api/v1/orders/${p.id}`, { headers: { ...bearer, prefer: 'wait=10' } });
      const body = (await res.json()) as { status: string };
      pollMs.push(performance.now() - t0);
      if (res.headers.get('preference-applied')) applied++;
      if (body.status === 'completed' || body.status === 'failed') outcomes++;
    }
    rows.push({
      scenario: 'order long-poll: create + wait',
      system: 'storefront + 1 worker',
      p50: median(pollMs),
      p99: percentile(pollMs, 99),
      failures: pollCount - outcomes,
      note: `createOrder sent → final status received, ms; ${applied} of ${pollCount} waited (the rest were done already)`,
    });
    await stopWorkers();

    // 3. Bursts: 2,000 orders queued and held back, the workers started and
    // idle, then every job released at once (and the workers woken as a new
    // order would wake them): the drain rate is 2,000 over the time from the
    // release to the last completion, with every worker running from the start.
    let next = 0;
    const burst = async (workerCount: number): Promise<number> => {
      const before = await db
        .selectFrom('orders')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      const firstId = Number(before.id ?? 0) + 1;
      log(`orders: queueing a burst of ${BURST.toLocaleString('en')} orders`);
      const result = await autocannon({
        url: `${serverUrl}/api/v1/orders`,
        method: 'POST',
        headers,
        connections: 20,
        amount: BURST,
        // Each order its own pair of products, as real traffic spreads over the catalogue.
        requests: [{ setupRequest: (req) => ({ ...req, body: orderBody(next++) }) }],
      });
      if (result.non2xx + result.errors > 0) throw new Error(`burst: ${result.non2xx + result.errors} orders refused`);
      await sql`update pgboss.job set start_after = now() + interval '1 hour'
        where name = 'order-processing' and state = 'created'`.execute(db);
      await startWorkers(workerCount);
      log(`orders: draining the burst with ${workerCount} worker process(es)`);
      const cpuBefore = workers.map(cpuSeconds);
      await sql`update pgboss.job set start_after = now() - interval '1 second'
        where name = 'order-processing' and state = 'created'`.execute(db);
      const released = performance.now();
      // pg-boss's wake-up for a new job of the queue: its channel (plans.notifyChannelSql in pg-boss 12,
      // derived from the schema name) with the queue's name, which wakes every worker of the queue.
      await sql`select pg_notify('pgboss_' || left(encode(sha224('pgboss'::bytea), 'hex'), 24), 'order-processing')`.execute(
        db,
      );
      const ids = Array.from({ length: BURST }, (_, i) => firstId + i);
      await Promise.all(ids.map((id) => done(id, 120_000)));
      const times = ids.map((id) => completedAt.get(id) ?? Number.NaN);
      const last = Math.max(...times);
      const first = Math.min(...times);
      const cpu = workers.reduce((sum, w, i) => sum + cpuSeconds(w) - (cpuBefore[i] ?? 0), 0);
      await stopWorkers();
      const completed = ids.filter((id) => completedAt.has(id)).length;
      const drainSeconds = (last - released) / 1000;
      const rate = completed / drainSeconds;
      rows.push({
        scenario: workerCount === 1 ? 'order processing: burst, 1 worker' : 'order processing: burst, 2 workers',
        system: `${workerCount} × node server/dist/worker.js`,
        rps: rate,
        failures: BURST - completed,
        note: `orders/s; ${completed.toLocaleString('en')} of ${BURST.toLocaleString('en')} done in ${drainSeconds.toFixed(2)} s (first after ${(first - released).toFixed(0)} ms); worker CPU ${((cpu / completed) * 1e6).toFixed(0)} µs per order`,
      });
      return rate;
    };
    const one = await burst(1);
    const two = await burst(2);
    rows.push({ scenario: 'order processing: 2 workers / 1', system: 'storefront', ratio: two / one });

    const targets: Target[] = [
      { name: 'order latency p50 at idle (ms)', measured: idleLatency.p50, target: '<= 10', met: false },
      { name: 'order latency p99 at idle (ms)', measured: idleLatency.p99, target: '<= 250', met: false },
      { name: 'order latency p50 at 50 orders/s (ms)', measured: steadyLatency.p50, target: '<= 50', met: false },
      { name: 'order latency p99 at 50 orders/s (ms)', measured: steadyLatency.p99, target: '<= 250', met: false },
      { name: 'burst of 2,000: orders/s, one worker process', measured: one, target: '>= 300', met: false },
      { name: 'burst of 2,000: two worker processes / one', measured: two / one, target: '>= 1.6', met: false },
    ];
    return { rows, targets };
  } finally {
    await stopWorkers();
    await listener.end();
  }
}

/** User + system CPU seconds a child process has used so far (Linux /proc). */
function cpuSeconds(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return Number.NaN;
  }
}

function startWorker(url: string, jwtSecret: string): ChildProcess {
  return spawn(process.execPath, ['server/dist/worker.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      JWT_SECRET: jwtSecret,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
