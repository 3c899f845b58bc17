// The drill's figures: nearest-rank percentiles, requests counted in the phase
// they ended in, failures by kind, and the per-second series of the chart.
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../fleet/src/recorder.js';
import { percentile, phaseStats, timeSeries } from '../../../fleet/src/stats.js';

const ok = (op: string, start: number, end: number): Outcome => ({ op, start, end, status: 200, ok: true });
const failed = (op: string, start: number, end: number, status: number | null, error?: string): Outcome => ({
  op,
  start,
  end,
  status,
  ok: false,
  ...(error && { error }),
});

describe('percentile', () => {
  it('takes the nearest rank, so p99 of 100 values is the 99th', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('phaseStats', () => {
  const phase = { name: 'kill', start: 1000, end: 3000 };

  it('counts a request in the phase it ended in, where its shopper saw the failure', () => {
    const stats = phaseStats(
      [ok('getProduct', 500, 900), failed('getOrder', 500, 1500, 502), ok('getProduct', 2000, 3500)],
      phase,
    );
    expect(stats.requests).toBe(1);
    expect(stats.failures).toBe(1);
    expect(stats.ops.map((o) => o.op)).toEqual(['getOrder']);
  });

  it('gives throughput over the phase, latency per operation, and failures by status or network error', () => {
    const outcomes = [
      ok('listProducts', 1000, 1010),
      ok('listProducts', 1100, 1130),
      failed('listProducts', 1200, 1300, 503),
      failed('createOrder', 1200, 1250, null, 'ECONNRESET'),
    ];
    const stats = phaseStats(outcomes, phase);
    expect(stats.rps).toBe(2);
    expect(stats.errors).toEqual({ 'status 503': 1, 'network ECONNRESET': 1 });
    const list = stats.ops.find((o) => o.op === 'listProducts')!;
    expect([list.count, list.p50, list.p99, list.failures]).toEqual([3, 30, 100, 1]);
  });

  it('counts the requests the balancer retried', () => {
    const stats = phaseStats([{ ...ok('getProduct', 1000, 1100), retries: 1 }, ok('getProduct', 1000, 1100)], phase);
    expect(stats.retried).toBe(1);
  });
});

describe('timeSeries', () => {
  it('buckets by second of completion, with latency only of the requests it is asked to time', () => {
    const buckets = timeSeries(
      [ok('getProduct', 100, 120), failed('getProduct', 900, 1100, 503), ok('getOrder', 0, 1900)],
      (o) => o.op !== 'getOrder',
    );
    expect(buckets).toHaveLength(2);
    expect(buckets[0]).toMatchObject({ t: 0, requests: 1, failures: 0, p50: 20 });
    expect(buckets[1]).toMatchObject({ t: 1, requests: 2, failures: 1, p50: 200, p99: 200 });
  });
});
