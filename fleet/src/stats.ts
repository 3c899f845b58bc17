// Figures from outcomes: per phase and operation, throughput, p50/p99 and
// failures by kind; and time series in buckets for the chart. Pure functions.
import type { Outcome, Phase } from './recorder.js';

export interface OpStats {
  op: string;
  count: number;
  /** Requests per second over the phase. */
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  /** Failures by kind: `status 503`, `network ECONNRESET`, … */
  errors: Record<string, number>;
}

export interface PhaseStats {
  phase: string;
  seconds: number;
  requests: number;
  rps: number;
  failures: number;
  errors: Record<string, number>;
  /** Requests the balancer retried on another connection (they may still have succeeded). */
  retried: number;
  ops: OpStats[];
}

/** Nearest-rank percentile of an ascending list (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function errorKind(o: Outcome): string {
  return o.status === null ? `network ${o.error ?? 'error'}` : `status ${o.status}`;
}

function countErrors(outcomes: Outcome[]): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const o of outcomes) if (!o.ok) errors[errorKind(o)] = (errors[errorKind(o)] ?? 0) + 1;
  return errors;
}

/**
 * The outcomes of requests that ended inside the phase: a failure counts where
 * the shopper saw it (a long-poll sent before a fault fails during it).
 */
export const inPhase = (outcomes: Outcome[], phase: Phase) =>
  outcomes.filter((o) => o.end >= phase.start && o.end < phase.end);

export function phaseStats(outcomes: Outcome[], phase: Phase): PhaseStats {
  const mine = inPhase(outcomes, phase);
  const seconds = Math.max(0.001, (phase.end - phase.start) / 1000);
  const byOp = new Map<string, Outcome[]>();
  for (const o of mine) {
    const list = byOp.get(o.op);
    if (list) list.push(o);
    else byOp.set(o.op, [o]);
  }
  const ops = [...byOp.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, list]): OpStats => {
      const ms = list.map((o) => o.end - o.start).sort((a, b) => a - b);
      return {
        op,
        count: list.length,
        rps: list.length / seconds,
        p50: percentile(ms, 50),
        p99: percentile(ms, 99),
        failures: list.filter((o) => !o.ok).length,
        errors: countErrors(list),
      };
    });
  return {
    phase: phase.name,
    seconds,
    requests: mine.length,
    rps: mine.length / seconds,
    failures: mine.filter((o) => !o.ok).length,
    errors: countErrors(mine),
    retried: mine.filter((o) => (o.retries ?? 0) > 0).length,
    ops,
  };
}

export interface Bucket {
  /** Start of the bucket, seconds since the run began. */
  t: number;
  requests: number;
  failures: number;
  p50: number;
  p99: number;
}

/**
 * Outcomes grouped by the second they ended in (failures show when the client
 * saw them); latency only of those `timed` accepts (long-polls wait on purpose).
 */
export function timeSeries(
  outcomes: Outcome[],
  timed: (o: Outcome) => boolean = () => true,
  bucketMs = 1000,
): Bucket[] {
  const last = outcomes.reduce((max, o) => Math.max(max, o.end), 0);
  const buckets = Array.from({ length: Math.floor(last / bucketMs) + 1 }, () => ({
    ms: [] as number[],
    requests: 0,
    failures: 0,
  }));
  for (const o of outcomes) {
    const b = buckets[Math.floor(o.end / bucketMs)]!;
    b.requests++;
    if (timed(o)) b.ms.push(o.end - o.start);
    if (!o.ok) b.failures++;
  }
  return buckets.map((b, i) => {
    const sorted = b.ms.sort((x, y) => x - y);
    return {
      t: (i * bucketMs) / 1000,
      requests: b.requests,
      failures: b.failures,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
    };
  });
}
