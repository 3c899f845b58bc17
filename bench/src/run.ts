// `pnpm bench [--quick] [--profile]`: the systems side by side on one local
// Postgres database, every scenario of issue 6, one table at the end plus
// bench/results.json and bench/RESULTS.md. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { BENCH_USER, createBenchDatabase, growCatalogue } from './data.js';
import { drive, type LoadOptions, type LoadResult, mean, median } from './load.js';
import { ROOT, type RunningSystem, sampleRss, startSystem, stopChild, type SystemSpec } from './processes.js';
import { type Report, type Row, table, type Target, targetsTable, writeReport } from './report.js';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, profile: { type: 'boolean', default: false } } });
const quick = args.quick;
const settings = quick
  ? { secondsPerRound: 2, rounds: 2, warmupSeconds: 1, connections: 50, sizes: [1_000, 3_000, 10_000], orders: 200 }
  : { secondsPerRound: 8, rounds: 3, warmupSeconds: 2, connections: 50, sizes: [10_000, 100_000, 1_000_000], orders: 500 };
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const portBase = Number(process.env.BENCH_PORT_BASE ?? 3400);
const jwtSecret = randomBytes(32).toString('base64url');
const bench = await createBenchDatabase(adminUrl);
const rows: Row[] = [];
const running: RunningSystem[] = [];
const startup: Report['startup'] = [];
let stopRss = () => {};

try {
  await growCatalogue(bench, settings.sizes[0] ?? 10_000, log);
  const common = { DATABASE_URL: bench.url, JWT_SECRET: jwtSecret, DB_POOL_SIZE: '10' };
  const serverEnv = {
    ...common,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info', // to /dev/null: the access log is written, nobody reads it
    RATE_LIMIT_ANON: '10000000',
    RATE_LIMIT_USER: '10000000',
    RATE_LIMIT_AUTH: '10000000',
    LOGIN_MAX_FAILURES: '1000',
    RUN_WORKER: 'false', // orders are processed by `pnpm worker` in the processing scenario
  };
  const specs: Record<'ceiling' | 'peer' | 'sameSchema' | 'server', SystemSpec> = {
    ceiling: { name: 'ceiling (bare Fastify + pg)', entry: 'bench/src/systems/ceiling.ts', env: common, port: portBase + 1 },
    peer: { name: 'peer (Express + express-openapi-validator)', entry: 'bench/src/systems/peer.ts', env: common, port: portBase + 2 },
    sameSchema: { name: 'same-schema (Fastify route + contract schemas)', entry: 'bench/src/systems/same-schema.ts', env: serverEnv, port: portBase + 3 },
    server: { name: 'storefront (this server)', entry: 'server/src/server.ts', env: serverEnv, port: portBase + 4 },
  };
  const profileDir = `${ROOT}bench/.profiles`;
  const sys = {} as Record<keyof typeof specs, RunningSystem>;
  for (const [key, spec] of Object.entries(specs) as Array<[keyof typeof specs, SystemSpec]>) {
    const extra = args.profile && key === 'server' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    sys[key] = await startSystem(spec, extra);
    running.push(sys[key]);
    log(`${spec.name} healthy after ${sys[key].startupMs.toFixed(0)} ms`);
  }
  stopRss = sampleRss(running);

  // Load shedding may still answer 503 for a moment after start-up (its first event-loop sample includes the boot).
  let loginRes: Response;
  for (let attempt = 0; ; attempt++) {
    loginRes = await fetch(`${sys.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: BENCH_USER.email, password: BENCH_USER.password }),
    });
    if (loginRes.status !== 503 || attempt >= 20) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!loginRes.ok) throw new Error(`bench login failed: ${loginRes.status} ${await loginRes.text()}`);
  const { access_token: token } = (await loginRes.json()) as { access_token: string };
  const bearer = { authorization: `Bearer ${token}` };

  interface Contender {
    label: string;
    system: RunningSystem;
    load: Omit<LoadOptions, 'url' | 'seconds'>;
  }
  /** Runs contenders in alternating order, round by round, and records one row each. */
  async function compare(scenario: string, contenders: Contender[], baseline: string | undefined): Promise<Map<string, LoadResult>> {
    log(`${scenario}: ${contenders.map((c) => c.label).join(' / ')}`);
    const results = new Map<string, LoadResult[]>(contenders.map((c) => [c.label, []]));
    for (const c of contenders) await drive({ ...c.load, url: c.system.url, seconds: settings.warmupSeconds });
    for (let round = 0; round < settings.rounds; round++) {
      const order = round % 2 === 0 ? contenders : [...contenders].reverse();
      for (const c of order) results.get(c.label)?.push(await drive({ ...c.load, url: c.system.url, seconds: settings.secondsPerRound }));
    }
    const summary = new Map<string, LoadResult>();
    for (const [label, rs] of results) {
      summary.set(label, {
        rps: mean(rs.map((r) => r.rps)),
        p50: median(rs.map((r) => r.p50)),
        p99: median(rs.map((r) => r.p99)),
        requests: rs.reduce((a, r) => a + r.requests, 0),
        failures: rs.reduce((a, r) => a + r.failures, 0),
      });
    }
    const base = baseline ? summary.get(baseline)?.rps : undefined;
    for (const [label, r] of summary) {
      rows.push({ scenario, system: label, rps: r.rps, p50: r.p50, p99: r.p99, failures: r.failures, ...(base && { ratio: r.rps / base }) });
    }
    return summary;
  }
  const c = (label: string, system: RunningSystem, path: string, extra: Partial<Contender['load']> = {}): Contender => ({
    label,
    system,
    load: { path, connections: settings.connections, ...extra },
  });

  // Framework overhead. The contract's health check pings the database, so every system's /health does `select 1`.
  const health = await compare('getHealth', [c('ceiling', sys.ceiling, '/api/v1/health'), c('peer', sys.peer, '/api/v1/health'), c('storefront', sys.server, '/api/v1/health')], 'ceiling');

  const productPath = '/api/v1/products/42';
  const product = await compare(
    'getProduct',
    [c('ceiling', sys.ceiling, productPath), c('peer', sys.peer, productPath), c('same-schema', sys.sameSchema, productPath), c('storefront', sys.server, productPath)],
    'ceiling',
  );

  const listPath = '/api/v1/products?search=lamp&category=books&sort=price';
  await compare('listProducts (search+category+sort)', [c('ceiling', sys.ceiling, listPath), c('peer', sys.peer, listPath), c('storefront', sys.server, listPath)], 'ceiling');

  const me = await compare(
    'getCurrentUser',
    [c('storefront getProduct', sys.server, productPath), c('peer', sys.peer, '/api/v1/auth/me', { headers: bearer }), c('storefront', sys.server, '/api/v1/auth/me', { headers: bearer })],
    'storefront getProduct',
  );

  const orderBody = JSON.stringify({ items: [{ product_id: 7, quantity: 1 }, { product_id: 8, quantity: 2 }], shipping_address: '1 Bench Street, Testville' });
  await compare('createOrder', [c('storefront', sys.server, '/api/v1/orders', { method: 'POST', body: orderBody, headers: { ...bearer, 'content-type': 'application/json' } })], undefined);

  // Order processing: a backlog of pending orders, then `pnpm worker` (default QUEUE_CONCURRENCY) drains it.
  {
    const db = bench.handle.db;
    const keep = await db.selectFrom('orders').select('id').where('status', '=', 'pending').orderBy('id').limit(settings.orders).execute();
    const lastId = keep.at(-1)?.id ?? 0;
    await db.updateTable('orders').set({ status: 'cancelled' }).where('status', '=', 'pending').where('id', '>', lastId).execute();
    await sql`delete from pgboss.job where state = 'created' and (data->>'orderId')::int > ${lastId}`.execute(db);
    log(`order processing: ${keep.length} pending orders, one worker process`);
    const worker = await startWorker(bench.url);
    const deadline = Date.now() + 180_000;
    let left = keep.length;
    while (left > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const row = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('id', '<=', lastId).where('status', 'in', ['pending', 'processing']).executeTakeFirstOrThrow();
      left = Number(row.n);
    }
    await worker.stop();
    const done = await sql<{ n: number; seconds: number }>`select count(*)::int as n, extract(epoch from max(updated_at) - min(updated_at))::float8 as seconds
      from orders where id <= ${lastId} and status = 'completed'`.execute(db);
    const { n = 0, seconds = 0 } = done.rows[0] ?? {};
    rows.push({ scenario: 'order processing', system: 'pnpm worker', rps: seconds > 0 ? n / seconds : undefined, note: `${n} of ${keep.length} completed (orders/s, pending to completed)` });
  }

  // Event-loop isolation: getProduct p99 with and without 50 clients logging in (bcrypt cost 12).
  const isolation = { without: [] as number[], with: [] as number[], rpsWithout: [] as number[], rpsWith: [] as number[], logins: 0 };
  {
    log('event-loop isolation: getProduct alone / under a login flood');
    const probe = { url: sys.server.url, path: productPath, connections: 10, seconds: settings.secondsPerRound };
    const loginBody = JSON.stringify({ email: BENCH_USER.email, password: BENCH_USER.password });
    for (let round = 0; round < settings.rounds; round++) {
      for (const flooded of round % 2 === 0 ? [false, true] : [true, false]) {
        const flood = flooded
          ? drive({ url: sys.server.url, path: '/api/v1/auth/login', method: 'POST', body: loginBody, headers: { 'content-type': 'application/json' }, connections: 50, seconds: settings.secondsPerRound + 1, timeoutSeconds: 60 })
          : undefined;
        if (flood) await new Promise((r) => setTimeout(r, 500));
        const r = await drive(probe);
        (flooded ? isolation.with : isolation.without).push(r.p99);
        (flooded ? isolation.rpsWith : isolation.rpsWithout).push(r.rps);
        if (flood) isolation.logins += (await flood).requests;
      }
    }
    rows.push({ scenario: 'isolation: getProduct, 10 clients', system: 'storefront', rps: mean(isolation.rpsWithout), p99: median(isolation.without) });
    rows.push({
      scenario: 'isolation: same + 50 clients logging in',
      system: 'storefront',
      rps: mean(isolation.rpsWith),
      p99: median(isolation.with),
      ratio: median(isolation.with) / median(isolation.without),
      note: `p99 ratio; ${(isolation.logins / (settings.rounds * (settings.secondsPerRound + 1))).toFixed(1)} logins/s`,
    });
  }

  // Growth: listProducts with search as the catalogue grows.
  const growth: Array<{ size: number; p50: number }> = [];
  for (const size of settings.sizes) {
    await growCatalogue(bench, size, log);
    const summary = await compare(`listProducts search @ ${size.toLocaleString('en')}`, [c('storefront', sys.server, '/api/v1/products?search=lamp', { connections: 10 })], undefined);
    growth.push({ size, p50: summary.get('storefront')?.p50 ?? Number.NaN });
  }
  const first = growth[0];
  const last = growth.at(-1);
  const growthRatio = first && last ? last.p50 / first.p50 : Number.NaN;
  rows.push({ scenario: `growth ${last?.size.toLocaleString('en')} / ${first?.size.toLocaleString('en')}`, system: 'storefront', ratio: growthRatio, note: 'p50 latency ratio' });

  stopRss();
  const rss = running.map((s) => ({ system: s.spec.name, peakMb: s.peakRssMb }));
  for (const s of running) startup.push({ system: s.spec.name, ms: s.startupMs });
  await Promise.all(running.splice(0).map((s) => s.stop()));

  // Start-up again, one system at a time on a quiet machine (the first start above ran while others started).
  for (const [key, spec] of Object.entries(specs) as Array<[keyof typeof specs, SystemSpec]>) {
    const times: number[] = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const s = await startSystem(spec);
      times.push(s.startupMs);
      await s.stop();
    }
    const entry = startup.find((e) => e.system === spec.name);
    if (entry) entry.ms = median(times);
    void key;
  }

  const rps = (m: Map<string, LoadResult>, k: string) => m.get(k)?.rps ?? Number.NaN;
  const targets: Target[] = [
    { name: 'getProduct: storefront / same-schema', measured: rps(product, 'storefront') / rps(product, 'same-schema'), target: '>= 0.95', met: false },
    { name: 'getHealth: storefront / ceiling', measured: rps(health, 'storefront') / rps(health, 'ceiling'), target: '>= 0.80', met: false },
    { name: 'getProduct: storefront / ceiling', measured: rps(product, 'storefront') / rps(product, 'ceiling'), target: '>= 0.80', met: false },
    { name: 'getHealth: storefront / peer', measured: rps(health, 'storefront') / rps(health, 'peer'), target: '>= 2', met: false },
    { name: 'getProduct: storefront / peer', measured: rps(product, 'storefront') / rps(product, 'peer'), target: '>= 2', met: false },
    { name: 'getCurrentUser / getProduct (storefront)', measured: rps(me, 'storefront') / rps(me, 'storefront getProduct'), target: '>= 0.70', met: false },
    { name: `listProducts search p50: ${last?.size.toLocaleString('en')} / ${first?.size.toLocaleString('en')} products`, measured: growthRatio, target: '<= 3', met: false },
    { name: 'getProduct p99: login flood / none', measured: median(isolation.with) / median(isolation.without), target: '<= 3', met: false },
  ];
  for (const t of targets) t.met = t.target.startsWith('>=') ? t.measured >= Number(t.target.slice(3)) : t.measured <= Number(t.target.slice(3));

  const report: Report = {
    mode: quick ? 'quick' : 'full',
    date: new Date().toISOString(),
    machine: `${cpus().length} vCPU (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, local PostgreSQL`,
    settings: { 'seconds/round': settings.secondsPerRound, rounds: settings.rounds, connections: settings.connections, catalogue: settings.sizes.map((s) => s.toLocaleString('en')).join(' → ') },
    rows,
    targets,
    startup,
    rss,
  };
  const files = writeReport(report);
  process.stdout.write(`\n${table(rows)}\n\n${targetsTable(targets)}\n\n`);
  for (const s of startup) process.stdout.write(`start-up ${s.system}: ${s.ms.toFixed(0)} ms; peak RSS ${rss.find((r) => r.system === s.system)?.peakMb.toFixed(0) ?? '?'} MB\n`);
  process.stdout.write(`\nwrote ${files.json} and ${files.markdown}\n`);
} finally {
  stopRss();
  await Promise.all(running.map((s) => s.stop()));
  await bench.drop();
}

async function startWorker(url: string): Promise<RunningSystem> {
  // The worker has no HTTP port: start it and treat "process alive for 1 s" as started.
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, JWT_SECRET: jwtSecret, NODE_ENV: 'production', LOG_LEVEL: 'warn', QUEUE_POLL_SECONDS: '0.5' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    spec: { name: 'worker', entry: 'server/src/worker.ts', env: {}, port: 0 },
    url: '',
    startupMs: 0,
    peakRssMb: 0,
    child,
    stop: () => stopChild(child),
  };
}
