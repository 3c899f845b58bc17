// `pnpm bench [--quick] [--profile]`: the systems side by side on one local
// Postgres database, every scenario in the README's performance targets, one table at the end plus
// bench/results.json and bench/RESULTS.md. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { BENCH_USER, createBenchDatabase, growCatalogue } from './data.js';
import { driveWith, type Generator, wrkInstalled } from './harness-check.js';
import { featureCosts } from './feature-costs.js';
import { instructionsUnavailable } from './instructions.js';
import { drive, type LoadOptions, type LoadResult, mean, median } from './load.js';
import { profileScenarios } from './profiles.js';
import { runOrderScenarios } from './orders.js';
import { type RunningSystem, sampleRss, startSystem, type SystemSpec } from './processes.js';
import { featuresTable, type Report, type Row, table, type Target, targetsTable, writeReport } from './report.js';

const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, profile: { type: 'boolean', default: false } },
});
const quick = args.quick;
// featureRounds: the per-feature steps differ by a few µs, so the full run gives them more rounds than the
// scenarios; a quick run gives them one (it only proves the variants start and answer).
const settings = quick
  ? {
      secondsPerRound: 2,
      rounds: 2,
      featureRounds: 1,
      warmupSeconds: 1,
      connections: 50,
      sizes: [1_000, 3_000, 10_000],
    }
  : {
      secondsPerRound: 8,
      rounds: 3,
      featureRounds: 5,
      warmupSeconds: 2,
      connections: 50,
      sizes: [10_000, 100_000, 1_000_000],
    };
const began = Date.now();
/** Progress on stderr, stamped with the seconds since the start, so a log shows which phase took the time. */
const log = (line: string) => process.stderr.write(`[bench ${Math.round((Date.now() - began) / 1000)} s] ${line}\n`);

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// A port range of this run's own, so two benches on one machine do not answer each other's load,
// kept below the kernel's ephemeral range (32768+ on Linux), where the load generator's and
// the pools' own outgoing connections take their local ports.
const portBase = Number(process.env.BENCH_PORT_BASE ?? 20_000 + (process.pid % 1_200) * 10);
const jwtSecret = randomBytes(32).toString('base64url');
// The storefront system runs the compiled server, which `pnpm bench` builds first when it is missing or stale.
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
    // The run signs in once and uses that token to the end; a full run outlasts the default 15 minutes.
    ACCESS_TOKEN_TTL: '86400',
  };
  const specs: Record<'ceiling' | 'peer' | 'hono' | 'honoFeatures' | 'sameSchema' | 'server', SystemSpec> = {
    ceiling: {
      name: 'ceiling (bare Fastify + pg)',
      entry: 'bench/src/systems/ceiling.ts',
      env: common,
      port: portBase + 1,
    },
    peer: {
      name: 'peer (Express + express-openapi-validator)',
      entry: 'bench/src/systems/peer.ts',
      env: common,
      port: portBase + 2,
    },
    hono: {
      name: 'Hono peer (Hono + @hono/zod-openapi)',
      entry: 'bench/src/systems/hono.ts',
      env: common,
      port: portBase + 7,
    },
    honoFeatures: {
      name: 'Hono peer + production features',
      entry: 'bench/src/systems/hono.ts',
      env: { ...common, BENCH_HONO_FEATURES: '1', RATE_LIMIT_ANON: serverEnv.RATE_LIMIT_ANON },
      port: portBase + 8,
    },
    sameSchema: {
      name: 'same-schema (Fastify route + contract schemas)',
      entry: 'bench/src/systems/same-schema.ts',
      env: serverEnv,
      port: portBase + 3,
    },
    // The production entry point: the compiled server (built first when stale), as deployed.
    server: { name: 'storefront (this server)', entry: 'server/dist/server.js', env: serverEnv, port: portBase + 4 },
  };
  const sys = {} as Record<keyof typeof specs, RunningSystem>;
  for (const [key, spec] of Object.entries(specs) as Array<[keyof typeof specs, SystemSpec]>) {
    sys[key] = await startSystem(spec);
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
  await assertSameAnswers(sys.server, [sys.hono, sys.honoFeatures], ['/api/v1/health', '/api/v1/products/42']);
  const perfNote = await instructionsUnavailable();
  if (perfNote) log(`instructions per request are not counted: ${perfNote}`);

  interface Contender {
    label: string;
    system: RunningSystem;
    load: Omit<LoadOptions, 'url' | 'seconds'>;
  }
  /** Runs contenders in alternating order, round by round, and records one row each. */
  async function compare(
    scenario: string,
    contenders: Contender[],
    baseline: string | undefined,
  ): Promise<Map<string, LoadResult>> {
    log(`${scenario}: ${contenders.map((c) => c.label).join(' / ')}`);
    const results = new Map<string, LoadResult[]>(contenders.map((c) => [c.label, []]));
    const load = (c: Contender, seconds: number) =>
      drive({ ...c.load, url: c.system.url, seconds, pid: c.system.child.pid });
    for (const c of contenders) await load(c, settings.warmupSeconds);
    for (let round = 0; round < settings.rounds; round++) {
      const order = round % 2 === 0 ? contenders : [...contenders].reverse();
      for (const c of order) results.get(c.label)?.push(await load(c, settings.secondsPerRound));
    }
    const summary = new Map<string, LoadResult>();
    for (const [label, rs] of results) {
      summary.set(label, {
        rps: mean(rs.map((r) => r.rps)),
        p50: median(rs.map((r) => r.p50)),
        p99: median(rs.map((r) => r.p99)),
        requests: rs.reduce((a, r) => a + r.requests, 0),
        failures: rs.reduce((a, r) => a + r.failures, 0),
        cpuUsPerRequest: median(rs.map((r) => r.cpuUsPerRequest ?? Number.NaN)),
        instructionsPerRequest: median(rs.map((r) => r.instructionsPerRequest ?? Number.NaN)),
      });
    }
    const base = baseline ? summary.get(baseline)?.rps : undefined;
    for (const [label, r] of summary) {
      rows.push({
        scenario,
        system: label,
        rps: r.rps,
        p50: r.p50,
        p99: r.p99,
        failures: r.failures,
        ...(r.cpuUsPerRequest !== undefined && { cpuUs: r.cpuUsPerRequest }),
        ...(r.instructionsPerRequest !== undefined &&
          Number.isFinite(r.instructionsPerRequest) && { instructions: r.instructionsPerRequest }),
        ...(base && { ratio: r.rps / base }),
      });
    }
    return summary;
  }
  const c = (
    label: string,
    system: RunningSystem,
    path: string,
    extra: Partial<Contender['load']> = {},
  ): Contender => ({
    label,
    system,
    load: { path, connections: settings.connections, ...extra },
  });

  // The quick run keeps under about 6 minutes: the plain Hono peer only where the ratios to it are targets.
  const quickSkips = (contender: Contender): Contender[] => (quick ? [] : [contender]);

  // The harness against other generators on the ceiling's getHealth, alternating round by round.
  const harness = new Map<Generator, LoadResult[]>();
  {
    const generators: Generator[] = ['autocannon CLI (bench driver)', 'autocannon in the bench process'];
    if (await wrkInstalled()) generators.splice(1, 0, 'wrk');
    else log('harness check: wrk is not installed (apt-get install wrk), compared with autocannon only');
    log(`harness check: ceiling getHealth with ${generators.join(' / ')}`);
    const target = {
      url: sys.ceiling.url,
      path: '/api/v1/health',
      connections: settings.connections,
      pid: sys.ceiling.child.pid,
    };
    for (const g of generators) await driveWith(g, { ...target, seconds: settings.warmupSeconds });
    for (let round = 0; round < settings.rounds; round++)
      for (const g of round % 2 === 0 ? generators : [...generators].reverse()) {
        const r = await driveWith(g, { ...target, seconds: settings.secondsPerRound });
        harness.set(g, [...(harness.get(g) ?? []), r]);
      }
    const base = mean(harness.get('autocannon CLI (bench driver)')?.map((r) => r.rps) ?? []);
    for (const [g, rs] of harness)
      rows.push({
        scenario: 'harness check: ceiling getHealth',
        system: g,
        rps: mean(rs.map((r) => r.rps)),
        p50: median(rs.map((r) => r.p50)),
        p99: median(rs.map((r) => r.p99)),
        cpuUs: median(rs.map((r) => r.cpuUsPerRequest ?? Number.NaN)),
        ratio: mean(rs.map((r) => r.rps)) / base,
        failures: rs.reduce((a, r) => a + r.failures, 0),
      });
  }

  // Framework overhead. The contract's health check pings the database, so every system's /health does `select 1`.
  const health = await compare(
    'getHealth',
    [
      c('ceiling', sys.ceiling, '/api/v1/health'),
      c('peer', sys.peer, '/api/v1/health'),
      c('hono', sys.hono, '/api/v1/health'),
      c('hono + features', sys.honoFeatures, '/api/v1/health'),
      c('storefront', sys.server, '/api/v1/health'),
    ],
    'ceiling',
  );

  const productPath = '/api/v1/products/42';
  const product = await compare(
    'getProduct',
    [
      c('ceiling', sys.ceiling, productPath),
      c('peer', sys.peer, productPath),
      c('hono', sys.hono, productPath),
      c('hono + features', sys.honoFeatures, productPath),
      c('same-schema', sys.sameSchema, productPath),
      c('storefront', sys.server, productPath),
    ],
    'ceiling',
  );

  const features = await featureCosts({
    serverEnv,
    ceilingEnv: common,
    path: productPath,
    ports: [portBase + 5, portBase + 6],
    quick,
    settings,
    log,
  });
  for (const f of features)
    rows.push({
      scenario: `feature cost: ${f.feature}`,
      system: 'with / without',
      rps: f.rpsOn,
      cpuUs: f.allOnUs - f.offUs,
      ...(Number.isFinite(f.instructionsOn - f.instructionsOff) && {
        instructions: f.instructionsOn - f.instructionsOff,
      }),
      note: `CPU µs/req ${f.allOnUs.toFixed(0)} with, ${f.offUs.toFixed(0)} without; main thread ${(f.mainThreadOnUs - f.mainThreadOffUs).toFixed(1)} µs/req; ${f.rpsOff.toFixed(0)} req/s without`,
    });

  const listPath = '/api/v1/products?search=lamp&category=books&sort=price';
  await compare(
    'listProducts (search+category+sort)',
    [
      c('ceiling', sys.ceiling, listPath),
      c('peer', sys.peer, listPath),
      ...quickSkips(c('hono', sys.hono, listPath)),
      c('hono + features', sys.honoFeatures, listPath),
      c('storefront', sys.server, listPath),
    ],
    'ceiling',
  );

  const me = await compare(
    'getCurrentUser',
    [
      c('storefront getProduct', sys.server, productPath),
      c('peer', sys.peer, '/api/v1/auth/me', { headers: bearer }),
      ...quickSkips(c('hono', sys.hono, '/api/v1/auth/me', { headers: bearer })),
      c('hono + features', sys.honoFeatures, '/api/v1/auth/me', { headers: bearer }),
      c('storefront', sys.server, '/api/v1/auth/me', { headers: bearer }),
    ],
    'storefront getProduct',
  );

  const orderBody = JSON.stringify({
    items: [
      { product_id: 7, quantity: 1 },
      { product_id: 8, quantity: 2 },
    ],
    shipping_address: '1 Bench Street, Testville',
  });
  const orderLoad = {
    method: 'POST',
    body: orderBody,
    headers: { ...bearer, 'content-type': 'application/json' },
  } as const;
  const order = await compare(
    'createOrder',
    [
      c('ceiling', sys.ceiling, '/api/v1/orders', orderLoad),
      c('hono', sys.hono, '/api/v1/orders', orderLoad),
      c('hono + features', sys.honoFeatures, '/api/v1/orders', orderLoad),
      c('storefront', sys.server, '/api/v1/orders', orderLoad),
    ],
    'ceiling',
  );
  rows.push({
    scenario: 'createOrder / getProduct',
    system: 'storefront',
    ratio: (order.get('storefront')?.rps ?? Number.NaN) / (product.get('storefront')?.rps ?? Number.NaN),
    note: 'req/s of createOrder over req/s of getProduct',
  });

  // Orders: latency at idle and at 50/s, bursts drained by one and two worker processes, long poll (orders.ts).
  const orders = await runOrderScenarios({ bench, serverUrl: sys.server.url, bearer, jwtSecret, quick, log });
  rows.push(...orders.rows);

  // Event-loop isolation: getProduct p99 with and without 50 clients logging in (bcrypt cost 12).
  const isolation = {
    without: [] as number[],
    with: [] as number[],
    rpsWithout: [] as number[],
    rpsWith: [] as number[],
    logins: 0,
  };
  {
    log('event-loop isolation: getProduct alone / under a login flood');
    const probe = { url: sys.server.url, path: productPath, connections: 10, seconds: settings.secondsPerRound };
    const loginBody = JSON.stringify({ email: BENCH_USER.email, password: BENCH_USER.password });
    for (let round = 0; round < settings.rounds; round++) {
      for (const flooded of round % 2 === 0 ? [false, true] : [true, false]) {
        const flood = flooded
          ? drive({
              url: sys.server.url,
              path: '/api/v1/auth/login',
              method: 'POST',
              body: loginBody,
              headers: { 'content-type': 'application/json' },
              connections: 50,
              seconds: settings.secondsPerRound + 1,
              timeoutSeconds: 60,
            })
          : undefined;
        if (flood) await new Promise((r) => setTimeout(r, 500));
        const r = await drive(probe);
        (flooded ? isolation.with : isolation.without).push(r.p99);
        (flooded ? isolation.rpsWith : isolation.rpsWithout).push(r.rps);
        if (flood) isolation.logins += (await flood).requests;
      }
    }
    rows.push({
      scenario: 'isolation: getProduct, 10 clients',
      system: 'storefront',
      rps: mean(isolation.rpsWithout),
      p99: median(isolation.without),
    });
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
    const summary = await compare(
      `listProducts search @ ${size.toLocaleString('en')}`,
      [c('storefront', sys.server, '/api/v1/products?search=lamp', { connections: 10 })],
      undefined,
    );
    growth.push({ size, p50: summary.get('storefront')?.p50 ?? Number.NaN });
  }
  const first = growth[0];
  const last = growth.at(-1);
  const growthRatio = first && last ? last.p50 / first.p50 : Number.NaN;
  rows.push({
    scenario: `growth ${last?.size.toLocaleString('en')} / ${first?.size.toLocaleString('en')}`,
    system: 'storefront',
    ratio: growthRatio,
    note: 'p50 latency ratio',
  });

  const profiles = args.profile
    ? await profileScenarios({
        spec: { ...specs.server, name: 'storefront (profiled)', port: portBase + 9 },
        scenarios: [
          { name: 'getProduct', load: { path: productPath, connections: settings.connections } },
          { name: 'createOrder', load: { path: '/api/v1/orders', connections: settings.connections, ...orderLoad } },
        ],
        seconds: quick ? 4 : 15,
        log,
      })
    : undefined;

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
  const cpu = (m: Map<string, LoadResult>, k: string) => m.get(k)?.cpuUsPerRequest ?? Number.NaN;
  const startupMs = (spec: SystemSpec) => startup.find((e) => e.system === spec.name)?.ms ?? Number.NaN;
  const targets: Target[] = [
    {
      name: 'getProduct: storefront / same-schema',
      measured: rps(product, 'storefront') / rps(product, 'same-schema'),
      target: '>= 0.95',
      met: false,
    },
    {
      name: 'getHealth: storefront / ceiling',
      measured: rps(health, 'storefront') / rps(health, 'ceiling'),
      target: '>= 0.85',
      met: false,
    },
    {
      name: 'getProduct: storefront / ceiling',
      measured: rps(product, 'storefront') / rps(product, 'ceiling'),
      target: '>= 0.85',
      met: false,
    },
    {
      name: 'getHealth: CPU µs per request, ceiling / storefront (generator-independent view)',
      measured: cpu(health, 'ceiling') / cpu(health, 'storefront'),
      target: '>= 0.85',
      met: false,
    },
    {
      name: 'getProduct: CPU µs per request, ceiling / storefront (generator-independent view)',
      measured: cpu(product, 'ceiling') / cpu(product, 'storefront'),
      target: '>= 0.85',
      met: false,
    },
    {
      name: 'getHealth: storefront / Hono peer with the same features',
      measured: rps(health, 'storefront') / rps(health, 'hono + features'),
      target: '>= 1.0',
      met: false,
    },
    {
      name: 'getProduct: storefront / Hono peer with the same features',
      measured: rps(product, 'storefront') / rps(product, 'hono + features'),
      target: '>= 1.0',
      met: false,
    },
    {
      name: 'getHealth: storefront / peer',
      measured: rps(health, 'storefront') / rps(health, 'peer'),
      target: '>= 2',
      met: false,
    },
    {
      name: 'getProduct: storefront / peer',
      measured: rps(product, 'storefront') / rps(product, 'peer'),
      target: '>= 2',
      met: false,
    },
    {
      name: 'getCurrentUser / getProduct (storefront)',
      measured: rps(me, 'storefront') / rps(me, 'storefront getProduct'),
      target: '>= 0.70',
      met: false,
    },
    {
      name: `listProducts search p50: ${last?.size.toLocaleString('en')} / ${first?.size.toLocaleString('en')} products`,
      measured: growthRatio,
      target: '<= 3',
      met: false,
    },
    {
      name: 'getProduct p99: login flood / none',
      measured: median(isolation.with) / median(isolation.without),
      target: '<= 3',
      met: false,
    },
    {
      name: 'start-up to healthy: storefront (node server/dist/server.js) / ceiling',
      measured: startupMs(specs.server) / startupMs(specs.ceiling),
      target: '<= 1.5',
      met: false,
    },
    ...orders.targets,
  ];
  for (const t of targets)
    t.met = t.target.startsWith('>=')
      ? t.measured >= Number(t.target.slice(3))
      : t.measured <= Number(t.target.slice(3));

  const report: Report = {
    mode: quick ? 'quick' : 'full',
    date: new Date().toISOString(),
    machine: `${cpus().length} vCPU (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, local PostgreSQL`,
    settings: {
      'seconds/round': settings.secondsPerRound,
      rounds: settings.rounds,
      connections: settings.connections,
      catalogue: settings.sizes.map((s) => s.toLocaleString('en')).join(' → '),
    },
    rows,
    targets,
    startup,
    rss,
    features,
    ...(profiles && { profiles }),
    notes: [
      perfNote
        ? `Instructions per request were not counted: ${perfNote}.`
        : 'Instructions per request: user-space instructions of the server process (perf stat -e instructions:u) over the run, divided by the requests it answered.',
    ],
  };
  const files = writeReport(report);
  process.stdout.write(`\n${table(rows)}\n\n${featuresTable(features)}\n\n${targetsTable(targets)}\n\n`);
  for (const s of startup)
    process.stdout.write(
      `start-up ${s.system}: ${s.ms.toFixed(0)} ms; peak RSS ${rss.find((r) => r.system === s.system)?.peakMb.toFixed(0) ?? '?'} MB\n`,
    );
  process.stdout.write(`\nwrote ${files.json} and ${files.markdown}\n`);
} finally {
  stopRss();
  await Promise.all(running.map((s) => s.stop()));
  await bench.drop();
}

/** The compared systems must answer these paths with the same bytes as the server, or the comparison is not like with like. */
async function assertSameAnswers(server: RunningSystem, others: RunningSystem[], paths: string[]): Promise<void> {
  for (const path of paths) {
    const expected = await (await fetch(server.url + path)).text();
    for (const other of others) {
      const got = await (await fetch(other.url + path)).text();
      if (got !== expected)
        throw new Error(`${other.spec.name} answers ${path} differently:\n  ${got}\nthe server:\n  ${expected}`);
    }
  }
  log(
    `same answers: ${others.map((o) => o.spec.name).join(', ')} answer ${paths.join(' and ')} byte for byte as the server`,
  );
}
