import { describe, expect, it } from 'vitest';
import { preferredWait } from '../../server/src/http/prefer.js';

describe('preferredWait (RFC 7240 Prefer: wait)', () => {
  it('reads wait=N alone, among other preferences, with parameters, in any case, quoted', () => {
    expect(preferredWait('wait=10', 30)).toBe(10);
    expect(preferredWait('return=minimal, wait=5', 30)).toBe(5);
    expect(preferredWait('respond-async; foo=bar, WAIT=7; x', 30)).toBe(7);
    expect(preferredWait(' wait = "12" ', 30)).toBe(12);
    expect(preferredWait(['return=minimal', 'wait=3'], 30)).toBe(3);
  });

  it('caps the wait at the maximum', () => {
    expect(preferredWait('wait=31', 30)).toBe(30);
    expect(preferredWait('wait=999999999', 30)).toBe(30);
    expect(preferredWait('wait=99999999999', 30)).toBe(30);
    expect(preferredWait(`wait=${'9'.repeat(190)}`, 30)).toBe(30);
    expect(preferredWait('wait="0000000000031"', 30)).toBe(30);
  });

  it('ignores what is not a positive wait, and takes the first wait only', () => {
    for (const header of [
      undefined,
      '',
      'return=minimal',
      'wait',
      'wait=',
      'wait=-1',
      'wait=1.5',
      'wait=abc',
      'wait=0',
      'wait=0000000000000',
    ])
      expect(preferredWait(header, 30)).toBeUndefined();
    expect(preferredWait('wait=2, wait=9', 30)).toBe(2);
    expect(preferredWait('wait=x, wait=9', 30)).toBeUndefined();
  });
});
