// The stock invariant's arithmetic: initial − reserved + confirmed restocks,
// plus RESTOCK for any number of the restocks whose outcome nobody saw.
import { describe, expect, it } from 'vitest';
import { RESTOCK, stockAccounted } from '../../../fleet/src/ledger.js';

describe('stockAccounted', () => {
  const base = { initial: 100, reserved: 30 };

  it('accepts exactly initial − reserved + confirmed restocks', () => {
    const changes = { confirmed: 2 * RESTOCK, uncertain: 0 };
    expect(stockAccounted({ ...base, changes, current: 70 + 2 * RESTOCK })).toBe(true);
    expect(stockAccounted({ ...base, changes, current: 70 + 2 * RESTOCK - 1 })).toBe(false);
    expect(stockAccounted({ ...base, changes, current: 70 + 3 * RESTOCK })).toBe(false);
  });

  it('allows each uncertain restock to have been applied or not, and nothing else', () => {
    const changes = { confirmed: 0, uncertain: 2 };
    for (const applied of [0, 1, 2])
      expect(stockAccounted({ ...base, changes, current: 70 + applied * RESTOCK })).toBe(true);
    expect(stockAccounted({ ...base, changes, current: 70 + 3 * RESTOCK })).toBe(false);
    expect(stockAccounted({ ...base, changes, current: 71 })).toBe(false);
  });
});
