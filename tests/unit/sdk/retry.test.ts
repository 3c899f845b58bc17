// The backoff policy on its own: Retry-After wins (seconds or an HTTP date)
// unless it is longer than the client will wait; otherwise exponential
// backoff, capped, with up to 25% jitter.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { delayFor } from '../../../sdk/src/retry.js';

const policy = { initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('delayFor', () => {
  it("waits the server's Retry-After, in seconds or as an HTTP date", () => {
    expect(delayFor(0, '3', policy)).toBe(3_000);
    expect(delayFor(5, '0', policy)).toBe(0);
    const inTwoSeconds = new Date(Date.now() + 2_000).toUTCString();
    expect(delayFor(0, inTwoSeconds, policy)).toBeGreaterThan(500);
    expect(delayFor(0, inTwoSeconds, policy)).toBeLessThanOrEqual(2_000);
    expect(delayFor(0, new Date(Date.now() - 60_000).toUTCString(), policy)).toBe(0);
  });

  it('gives up (undefined) when Retry-After is longer than maxRetryAfterMs', () => {
    expect(delayFor(0, '61', policy)).toBeUndefined();
    expect(delayFor(0, '60', policy)).toBe(60_000);
  });

  it('doubles from initialDelayMs per attempt up to maxDelayMs without jitter', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => delayFor(attempt, null, policy))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
  });

  it('takes off at most 25% as jitter, and ignores a Retry-After it cannot read', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    expect(delayFor(1, null, policy)).toBeCloseTo(750, 0);
    expect(delayFor(1, 'soon', policy)).toBeCloseTo(750, 0);
  });
});
