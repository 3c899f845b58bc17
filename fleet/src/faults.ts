// The faults, one function each, recording what they did on the timeline.
// Each ends with the fleet whole again (every instance running and in the
// balancer's rotation), so the next fault starts from a healthy fleet.
import pg from 'pg';
import type { Recorder } from './recorder.js';
import type { Instance } from './storefront.js';
import type { Topology } from './topology.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface FaultContext {
  topo: Topology;
  rec: Recorder;
  log(line: string): void;
  /** Aborted on Ctrl-C: no further phase starts. */
  signal: AbortSignal;
}

export interface Exit {
  instance: string;
  code: number | null;
  signal: string | null;
  /** From the signal to the exit. */
  ms: number;
}

/** SIGTERM one instance at a time; wait for its exit, start a new one, wait until it is back in rotation. */
export async function rollingRestart({ topo, rec, log }: FaultContext): Promise<Exit[]> {
  const exits: Exit[] = [];
  for (const api of topo.apis) {
    const at = rec.event(`SIGTERM ${api.name}`);
    const { code, signal } = await api.stop('SIGTERM');
    const ms = rec.now() - at;
    exits.push({ instance: api.name, code, signal, ms });
    log(`${api.name} exited ${code ?? signal} after ${(ms / 1000).toFixed(1)} s`);
    await api.start();
    await topo.inRotation(api.name);
    rec.event(`${api.name} back`, 'recovery');
  }
  return exits;
}

/** kill -9 of one API instance, left dead until the balancer has noticed, then started again. */
export async function killApi({ topo, rec }: FaultContext, api: Instance): Promise<{ killedAt: number }> {
  const killedAt = rec.event(`kill -9 ${api.name}`);
  await api.stop('SIGKILL');
  const deadline = Date.now() + 10_000;
  while ((await topo.lb.states()).get(api.name) !== 'DOWN' && Date.now() < deadline) await sleep(50);
  await api.start();
  await topo.inRotation(api.name);
  rec.event(`${api.name} back`, 'recovery');
  return { killedAt };
}

export interface WorkerKill {
  /** Kills it took to catch the worker mid-batch (each followed by a new worker). */
  kills: number;
  /** Order jobs claimed (active) at the kill that caught it. */
  activeAtKill: number;
  /** Of those, the ones still claimed a second later: the dead worker's batch, left for expiry to retry. */
  orphaned: number;
}

/**
 * kill -9 of a worker mid-batch: when it has a transaction open (its
 * connections carry its name, PGAPPNAME) while order jobs are claimed. If the
 * batch turns out to have been another worker's (nothing left claimed), the
 * worker is started again and the kill repeated, up to three times.
 */
export async function killWorker({ topo, rec, log }: FaultContext, worker: Instance): Promise<WorkerKill> {
  const db = new pg.Client({ connectionString: topo.postgres.url, application_name: 'fleet-drill' });
  await db.connect();
  const activeJobs = async () =>
    (
      await db.query<{ id: string }>(`select id from pgboss.job where name = 'order-processing' and state = 'active'`)
    ).rows.map((r) => r.id);
  const inTransaction = async () =>
    (
      await db.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where application_name = $1 and xact_start is not null`,
        [worker.name],
      )
    ).rows[0]!.n > 0;
  try {
    let result: WorkerKill = { kills: 0, activeAtKill: 0, orphaned: 0 };
    while (result.kills < 3 && result.orphaned === 0) {
      let claimed: string[] = [];
      for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
        if (await inTransaction()) {
          claimed = await activeJobs();
          if (claimed.length > 0) break;
        }
      }
      rec.event(`kill -9 ${worker.name}`);
      await worker.stop('SIGKILL');
      await sleep(1_000);
      const still = new Set(await activeJobs());
      result = {
        kills: result.kills + 1,
        activeAtKill: claimed.length,
        orphaned: claimed.filter((id) => still.has(id)).length,
      };
      log(`${worker.name} killed with ${claimed.length} jobs claimed, ${result.orphaned} of them left claimed`);
      await worker.start();
      rec.event(`${worker.name} back`, 'recovery');
    }
    return result;
  } finally {
    await db.end();
  }
}

/** Stop and start PgBouncer (SIGTERM: immediate shutdown, client connections cut). Returns when it is back. */
export async function restartPgBouncer({ topo, rec }: FaultContext): Promise<number> {
  rec.event('PgBouncer restart');
  await topo.pgbouncer.stop();
  await topo.pgbouncer.start();
  return rec.event('PgBouncer back', 'recovery');
}

/** Redis stopped for `downMs`, then started. Returns when it is back. */
export async function redisOutage({ topo, rec }: FaultContext, downMs: number): Promise<number> {
  rec.event('Redis stopped');
  await topo.redis.stop();
  await sleep(downMs);
  await topo.redis.start();
  return rec.event('Redis back', 'recovery');
}

/** pg_ctl restart -m fast: every connection to Postgres is cut. Returns when it accepts connections again. */
export async function restartPostgres({ topo, rec }: FaultContext): Promise<number> {
  rec.event('Postgres restart');
  await topo.postgres.restart();
  return rec.event('Postgres back', 'recovery');
}
