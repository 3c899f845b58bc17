import { describe, expect, it } from 'vitest';
import { decideOnSignal, gracefulShutdown, RELAY_WINDOW_MS } from '../../../server/src/shutdown/signals.js';

const quiet = { info() {}, warn() {}, error() {} };

describe('which signal does what', () => {
  it('drains on the first SIGTERM or SIGINT', () => {
    expect(decideOnSignal('SIGTERM', undefined, 0)).toBe('drain');
    expect(decideOnSignal('SIGINT', undefined, 0)).toBe('drain');
  });

  it('ignores a relayed copy: any later SIGTERM, and a SIGINT within the relay window', () => {
    expect(decideOnSignal('SIGTERM', 0, 5)).toBe('ignore');
    expect(decideOnSignal('SIGTERM', 0, 60_000)).toBe('ignore');
    expect(decideOnSignal('SIGINT', 0, RELAY_WINDOW_MS - 1)).toBe('ignore');
  });

  it('stops now on a second Ctrl-C after the relay window, or on SIGQUIT', () => {
    expect(decideOnSignal('SIGINT', 0, RELAY_WINDOW_MS)).toBe('stop now');
    expect(decideOnSignal('SIGQUIT', undefined, 0)).toBe('stop now');
    expect(decideOnSignal('SIGQUIT', 0, 1)).toBe('stop now');
  });
});

describe('gracefulShutdown', () => {
  function harness(drainMs: number, deadlineMs = 1_000) {
    const exits: number[] = [];
    let clock = 0;
    let drains = 0;
    const shutdown = gracefulShutdown(
      {
        deadlineMs,
        log: quiet,
        exit: (code) => void exits.push(code),
        now: () => clock,
        drain: async () => {
          drains += 1;
          await new Promise((r) => setTimeout(r, drainMs));
        },
      },
      false,
    );
    return { shutdown, exits, drains: () => drains, advance: (ms: number) => (clock += ms) };
  }

  it('drains once and exits 0 however many copies of the signal arrive', async () => {
    const h = harness(30);
    h.shutdown.onSignal('SIGTERM');
    h.shutdown.onSignal('SIGTERM');
    h.shutdown.onSignal('SIGINT');
    await new Promise((r) => setTimeout(r, 60));
    expect(h.drains()).toBe(1);
    expect(h.exits).toEqual([0]);
  });

  it('exits 1 at once on a deliberate second Ctrl-C', () => {
    const h = harness(10_000);
    h.shutdown.onSignal('SIGINT');
    h.advance(RELAY_WINDOW_MS + 500);
    h.shutdown.onSignal('SIGINT');
    expect(h.exits).toEqual([1]);
  });

  it('exits 1 when the drain outlives the deadline', async () => {
    const h = harness(10_000, 20);
    h.shutdown.onSignal('SIGTERM');
    await new Promise((r) => setTimeout(r, 60));
    expect(h.exits).toEqual([1]);
  });

  it('drains after an uncaught error and exits 1', async () => {
    const h = harness(5);
    h.shutdown.onError(new Error('boom'));
    await new Promise((r) => setTimeout(r, 30));
    expect(h.drains()).toBe(1);
    expect(h.exits).toEqual([1]);
  });
});
