// What each phase must show, from the requests that ended in it:
// - rolling restart: no request fails, and every instance exits 0 (the
//   first is the drill's exit code);
// - kill -9 of an API instance: only requests in flight at the kill fail;
// - kill -9 of a worker: no request fails (orders are the invariants' job);
// - PgBouncer or Postgres restart: the fleet serves again within 5 s of its return;
// - Redis outage: nothing answers 5xx;
// - baseline and steady phases: no request fails.
import { type Check, check } from './check.js';
import type { Outcome } from './recorder.js';
import type { PhaseRecord } from './schedule.js';
import { errorKind, inPhase } from './stats.js';

export const RECOVERY_LIMIT_MS = 5_000;

function summary(failed: Outcome[]): string {
  const kinds = new Map<string, number>();
  for (const o of failed) kinds.set(`${o.op}: ${errorKind(o)}`, (kinds.get(`${o.op}: ${errorKind(o)}`) ?? 0) + 1);
  return [...kinds].map(([k, n]) => `${n} × ${k}`).join(', ');
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function phaseChecks(record: PhaseRecord, outcomes: Outcome[]): Check[] {
  const { phase, kind } = record;
  const mine = inPhase(outcomes, phase);
  const failed = mine.filter((o) => !o.ok);
  const name = phase.name;
  const noFailures = (what: string, gate = false) =>
    check(
      `${name}: ${what}`,
      failed.length === 0,
      `${mine.length} requests, ${failed.length} failed${failed.length ? `: ${summary(failed)}` : ''}`,
      gate,
    );
  switch (kind) {
    case 'baseline':
    case 'steady':
    case 'kill-worker': {
      const checks = [noFailures('no request fails')];
      if (record.workerKill) {
        const { kills, activeAtKill, orphaned } = record.workerKill;
        checks.push(
          check(
            `${name}: killed mid-batch`,
            orphaned > 0,
            `${kills} kill${kills > 1 ? 's' : ''}; at the last, ${activeAtKill} order jobs claimed, ${orphaned} left claimed by the dead worker (retried after expiry)`,
          ),
        );
      }
      return checks;
    }
    case 'rolling-restart': {
      const exits = record.exits ?? [];
      const unclean = exits.filter((e) => e.code !== 0);
      return [
        noFailures('no request fails', true),
        check(
          `${name}: every instance drains and exits 0`,
          unclean.length === 0,
          exits.map((e) => `${e.instance} ${e.code ?? e.signal} in ${s(e.ms)}`).join(', '),
        ),
      ];
    }
    case 'kill-api': {
      const at = record.faultAt ?? phase.start;
      const inFlight = mine.filter((o) => o.start < at && o.end >= at).length;
      const later = failed.filter((o) => o.start >= at);
      return [
        check(
          `${name}: only requests in flight at the kill fail`,
          later.length === 0 && failed.length <= inFlight,
          `${failed.length} failed (${inFlight} requests in flight on all instances at the kill), ${later.length} of them sent after it` +
            (failed.length ? `: ${summary(failed)}` : ''),
        ),
      ];
    }
    case 'pgbouncer-restart':
    case 'postgres-restart': {
      // Serving again: after the last failure that followed the return, requests succeed again (and that
      // last failure came within the limit). A fleet still failing when the phase ends has not recovered.
      const back = record.backAt ?? phase.start;
      const after = mine.filter((o) => o.end >= back);
      const lastFailure = after.filter((o) => !o.ok).reduce((max, o) => Math.max(max, o.end), back);
      const served = after.some((o) => o.ok && o.end > lastFailure);
      const recovery = lastFailure - back;
      return [
        check(
          `${name}: serving again within ${RECOVERY_LIMIT_MS / 1000} s of its return`,
          served && recovery <= RECOVERY_LIMIT_MS,
          `down ${s(back - (record.faultAt ?? back))}; ${failed.length} failed` +
            (failed.length ? `, the last ${s(recovery)} after the return: ${summary(failed)}` : '') +
            (served ? '' : '; nothing succeeded after it before the phase ended'),
        ),
      ];
    }
    case 'redis-outage': {
      const fiveXx = mine.filter((o) => o.status !== null && o.status >= 500);
      return [
        check(
          `${name}: nothing answers 5xx`,
          fiveXx.length === 0,
          `${mine.length} requests, ${fiveXx.length} answered 5xx${fiveXx.length ? `: ${summary(fiveXx)}` : ''}; ${failed.length} failed in all`,
        ),
      ];
    }
  }
}
