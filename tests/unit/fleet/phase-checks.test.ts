// Each phase's pass criteria, from the outcomes alone.
import { describe, expect, it } from 'vitest';
import { phaseChecks } from '../../../fleet/src/phase-checks.js';
import type { Outcome } from '../../../fleet/src/recorder.js';
import type { PhaseRecord } from '../../../fleet/src/schedule.js';

const ok = (start: number, end: number, op = 'getProduct'): Outcome => ({ op, start, end, status: 200, ok: true });
const failed = (start: number, end: number, status: number | null = 502): Outcome => ({
  op: 'getProduct',
  start,
  end,
  status,
  ok: false,
});
const phase = { name: 'p', start: 1000, end: 10_000 };

describe('phaseChecks', () => {
  it('fails the rolling restart (and the exit code) on a single failed request', () => {
    const record: PhaseRecord = { phase, kind: 'rolling-restart', exits: [] };
    expect(phaseChecks(record, [ok(1000, 1010)])[0]).toMatchObject({ passed: true, gate: true });
    expect(phaseChecks(record, [ok(1000, 1010), failed(2000, 2001)])[0]).toMatchObject({ passed: false, gate: true });
  });

  it('reports an instance that did not exit 0 during the rolling restart', () => {
    const exits = [
      { instance: 'api1', code: 0, signal: null, ms: 3000 },
      { instance: 'api2', code: 1, signal: null, ms: 10_000 },
    ];
    expect(phaseChecks({ phase, kind: 'rolling-restart', exits }, [])[1]).toMatchObject({ passed: false });
  });

  it('accepts failures of requests in flight at a kill -9, not of requests sent after it', () => {
    const record: PhaseRecord = { phase, kind: 'kill-api', faultAt: 2000 };
    expect(phaseChecks(record, [failed(1900, 2050), ok(1950, 2100)])[0]?.passed).toBe(true);
    expect(phaseChecks(record, [failed(1900, 2050), failed(2100, 2150)])[0]?.passed).toBe(false);
  });

  it('measures recovery from the moment the restarted part is back', () => {
    const record: PhaseRecord = { phase, kind: 'postgres-restart', faultAt: 2000, backAt: 3000 };
    expect(phaseChecks(record, [failed(2500, 2600), failed(6000, 7900, 503), ok(7950, 8000)])[0]?.passed).toBe(true);
    expect(phaseChecks(record, [failed(7000, 8100, 503), ok(8150, 8200)])[0]?.passed).toBe(false);
  });

  it('does not call a fleet that still fails when the phase ends recovered', () => {
    const record: PhaseRecord = { phase, kind: 'postgres-restart', faultAt: 2000, backAt: 3000 };
    expect(phaseChecks(record, [ok(1000, 1500), failed(3500, 3600, 503), failed(7000, 7100, 503)])[0]?.passed).toBe(
      false,
    );
  });

  it('fails the Redis outage on a 5xx but not on a network error', () => {
    const record: PhaseRecord = { phase, kind: 'redis-outage', faultAt: 2000, backAt: 5000 };
    expect(phaseChecks(record, [failed(2000, 2100, null)])[0]?.passed).toBe(true);
    expect(phaseChecks(record, [failed(2000, 2100, 500)])[0]?.passed).toBe(false);
  });

  it('requires the worker kill to have caught a batch', () => {
    const record: PhaseRecord = { phase, kind: 'kill-worker', workerKill: { kills: 3, activeAtKill: 2, orphaned: 0 } };
    expect(phaseChecks(record, [])[1]).toMatchObject({ name: 'p: killed mid-batch', passed: false });
  });
});
