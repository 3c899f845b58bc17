// The drill's timeline: a baseline under load, then each fault in a phase of
// its own (the fault, the recovery, and `settleMs` of steady load after it),
// the whole cycle `cycles` times, and a last steady phase.
import { setTimeout } from 'node:timers/promises';
import {
  type Exit,
  type FaultContext,
  killApi,
  killWorker,
  redisOutage,
  restartPgBouncer,
  restartPostgres,
  rollingRestart,
  type WorkerKill,
} from './faults.js';
import type { Phase } from './recorder.js';

export interface Plan {
  baselineMs: number;
  settleMs: number;
  redisDownMs: number;
  cycles: number;
}

export type PhaseKind =
  | 'baseline'
  | 'rolling-restart'
  | 'kill-api'
  | 'kill-worker'
  | 'pgbouncer-restart'
  | 'redis-outage'
  | 'postgres-restart'
  | 'steady';

export interface PhaseRecord {
  phase: Phase;
  kind: PhaseKind;
  /** When the fault struck (ms on the run's clock). */
  faultAt?: number;
  /** When the faulty part was back. */
  backAt?: number;
  exits?: Exit[];
  workerKill?: WorkerKill;
}

export async function runSchedule(
  ctx: FaultContext,
  plan: Plan,
  afterBaseline: () => Promise<void> = async () => undefined,
): Promise<PhaseRecord[]> {
  const { rec, topo, log, signal } = ctx;
  const sleep = (ms: number) => setTimeout(ms, undefined, { signal });
  const records: PhaseRecord[] = [];
  const phase = async (name: string, kind: PhaseKind, fault: (r: PhaseRecord) => Promise<void>) => {
    signal.throwIfAborted();
    log(`phase: ${name}`);
    await rec.phase(name, async (p) => {
      const record: PhaseRecord = { phase: p, kind };
      records.push(record);
      await fault(record);
      await sleep(plan.settleMs);
    });
  };

  await rec.phase('baseline', async (p) => {
    log('phase: baseline');
    records.push({ phase: p, kind: 'baseline' });
    await sleep(plan.baselineMs);
    await afterBaseline();
  });
  for (let cycle = 1; cycle <= plan.cycles; cycle++) {
    const suffix = plan.cycles > 1 ? ` #${cycle}` : '';
    const api = topo.apis[cycle % topo.apis.length]!;
    const worker = topo.workers[(cycle - 1) % topo.workers.length]!;
    await phase(`rolling restart${suffix}`, 'rolling-restart', async (r) => {
      r.faultAt = rec.now();
      r.exits = await rollingRestart(ctx);
      r.backAt = rec.now();
    });
    await phase(`kill -9 ${api.name}${suffix}`, 'kill-api', async (r) => {
      r.faultAt = (await killApi(ctx, api)).killedAt;
      r.backAt = rec.now();
    });
    await phase(`kill -9 ${worker.name}${suffix}`, 'kill-worker', async (r) => {
      r.faultAt = rec.now();
      r.workerKill = await killWorker(ctx, worker);
      r.backAt = rec.now();
    });
    await phase(`PgBouncer restart${suffix}`, 'pgbouncer-restart', async (r) => {
      r.faultAt = rec.now();
      r.backAt = await restartPgBouncer(ctx);
    });
    await phase(`Redis outage${suffix}`, 'redis-outage', async (r) => {
      r.faultAt = rec.now();
      r.backAt = await redisOutage(ctx, plan.redisDownMs);
    });
    await phase(`Postgres restart${suffix}`, 'postgres-restart', async (r) => {
      r.faultAt = rec.now();
      r.backAt = await restartPostgres(ctx);
    });
  }
  await rec.phase('steady after the faults', async (p) => {
    log('phase: steady after the faults');
    records.push({ phase: p, kind: 'steady' });
    await sleep(plan.baselineMs);
  });
  return records;
}
