// `pnpm fleet`: the fleet drill. Starts the whole topology as processes on
// this machine (topology.ts), lets the shoppers in (workload.ts), runs the
// faults on their schedule (schedule.ts), checks the invariants, writes the
// report and stops everything it started, on success, failure or Ctrl-C.
// Exit code: 1 when an invariant breaks or a request failed during the
// rolling restart (or the drill itself could not run); 130 when interrupted.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedCatalogue, type Catalogue } from './catalogue.js';
import { check } from './check.js';
import { connectionsByProcess } from './connections.js';
import { stopAll } from './children.js';
import { FleetClient } from './client.js';
import { DETECTION_MS } from './haproxy.js';
import { checkInvariants } from './invariants.js';
import { Ledger } from './ledger.js';
import { parseOptions } from './options.js';
import { phaseChecks } from './phase-checks.js';
import { Recorder } from './recorder.js';
import { buildReport, NOTE, writeReport } from './report.js';
import { runSchedule } from './schedule.js';
import { ADMIN, startTopology, type Topology } from './topology.js';
import { startWorkload, type Workload } from './workload.js';
import { createWorkspace } from './workspace.js';

const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));
const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

const options = parseOptions(process.argv.slice(2));
const ws = createWorkspace();
const rec = new Recorder();
let topo: Topology | undefined;
let client: FleetClient | undefined;
let workload: Workload | undefined;

/** Keeps every process's log (whole files are small enough at these durations) under results/logs/. */
function keepLogs(): void {
  const dest = join(RESULTS, 'logs');
  mkdirSync(dest, { recursive: true });
  for (const sub of readdirSync(ws.dir)) {
    const dir = join(ws.dir, sub);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir))
      if (file.endsWith('.log') && existsSync(join(dir, file))) copyFileSync(join(dir, file), join(dest, file));
  }
}

let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await workload?.stop().catch(() => undefined);
    await client?.close().catch(() => undefined);
    await topo?.stop().catch((err: Error) => log(`stopping the fleet: ${err.message}`));
    await stopAll(5_000);
    try {
      keepLogs();
    } catch (err) {
      log(`keeping the logs: ${(err as Error).message}`);
    }
    const leftovers = ws.remove();
    log(`stopped everything${leftovers ? ` (${leftovers} stragglers killed)` : ''}; logs in ${join(RESULTS, 'logs')}`);
  })();
  return cleaning;
}

const interrupted = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    log(`${signal}: stopping the fleet`);
    interrupted.abort();
    void cleanup().then(() => process.exit(130));
  });

async function drill(): Promise<boolean> {
  log(`fleet drill (${options.mode}${options.direct ? ', instances straight to Postgres' : ''}) in ${ws.dir}`);
  let catalogue: Catalogue | undefined;
  const crashes: string[] = [];
  topo = await startTopology(ws, {
    apis: 3,
    workers: 2,
    direct: options.direct,
    seed: async (url) => {
      catalogue = await seedCatalogue(url, options.products);
    },
    onCrash: (name, exit) => {
      const what = `${name} exited by itself (${exit.code ?? exit.signal})`;
      rec.event(what);
      crashes.push(`${what} at ${(rec.now() / 1000).toFixed(1)} s`);
      log(`${what}; starting it again`);
    },
    log,
  });
  if (!catalogue) throw new Error('the catalogue was not seeded');
  log('fleet up: 3 API instances in rotation, 2 workers');
  if (options.serve) {
    log(`serving at ${topo.lb.url}/api/v1 (admin ${ADMIN.email} / ${ADMIN.password}); Ctrl-C stops it`);
    await new Promise((resolve) => interrupted.signal.addEventListener('abort', resolve));
    return true;
  }
  client = new FleetClient(topo.lb.url, rec);
  const ledger = new Ledger();
  workload = await startWorkload({
    client,
    catalogue,
    ledger,
    shoppers: options.shoppers,
    staff: options.staff,
    thinkMs: options.thinkMs,
    runId: ws.runId,
  });
  log(`${workload.shoppers} shoppers in`);
  let connections: Record<string, Record<string, number>> = {};
  const fleet = topo;
  const records = await runSchedule({ topo, rec, log, signal: interrupted.signal }, options.plan, async () => {
    const processes = Object.fromEntries([...fleet.apis, ...fleet.workers].map((i) => [i.name, i.current()?.pid]));
    connections = connectionsByProcess(
      { ...processes, pgbouncer: fleet.pgbouncer.pid() },
      { pgbouncer: fleet.pgbouncer.port, postgres: fleet.postgres.port },
    );
    log(`connections under load: ${JSON.stringify(connections)}`);
  });
  await workload.stop();
  workload = undefined;
  log('load stopped; checking invariants');
  const invariants = await checkInvariants({
    topo,
    ledger,
    catalogue,
    settleOrdersMs: options.settleOrdersMs,
    revocationTrials: options.revocationTrials,
    runId: ws.runId,
    log,
  });
  const checks = [
    ...records.flatMap((r) => phaseChecks(r, rec.outcomes)),
    check(
      'no instance exits unless told to (a process manager would restart it)',
      crashes.length === 0,
      crashes.length ? crashes.join('; ') : 'none did',
    ),
    ...invariants.checks,
  ];
  const settings = {
    shoppers: options.shoppers,
    staffSessions: options.staff,
    thinkMs: options.thinkMs,
    products: options.products,
    plan: options.plan,
    database: options.direct ? 'instances straight to Postgres' : 'instances through PgBouncer (transaction pooling)',
    balancerDetectionMs: DETECTION_MS,
    ordersSettledMs: invariants.settledMs,
    connectionsUnderLoad: connections,
    instanceEnv: Object.fromEntries(
      Object.entries(topo.env).filter(([k]) => !['JWT_SECRET', 'ADMIN_PASSWORD'].includes(k)),
    ),
  };
  const report = buildReport({
    mode: options.mode,
    seconds: (performance.now() - started) / 1000,
    settings,
    records,
    outcomes: rec.outcomes,
    events: rec.events,
    checks,
  });
  const files = writeReport(RESULTS, report, rec.outcomes, records);
  for (const c of checks) log(`${c.passed ? 'pass' : c.gate ? 'FAIL' : 'miss'}  ${c.name}: ${c.detail}`);
  for (const p of report.phases) log(`${p.phase}: ${p.requests} requests, ${p.rps.toFixed(0)}/s, ${p.failures} failed`);
  log(NOTE);
  log(`report: ${files.join(', ')}`);
  return report.passed;
}

let exitCode = 1;
try {
  exitCode = (await drill()) ? 0 : 1;
} catch (err) {
  // After Ctrl-C, what the stopping fleet broke under the drill is no news.
  if (!interrupted.signal.aborted) log(`the drill could not run: ${(err as Error).stack ?? err}`);
} finally {
  await cleanup();
}
if (interrupted.signal.aborted) {
  log('interrupted');
  process.exit(130);
}
log(`${exitCode === 0 ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
process.exit(exitCode);
