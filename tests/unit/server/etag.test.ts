// ETags and If-Match (RFC 9110 §13.1.1) without a server.
import { describe, expect, it } from 'vitest';
import { etagOf, ifMatchAllows } from '../../../server/src/etag.js';

describe('etagOf', () => {
  it('is a strong tag naming the kind, the id and the version', () => {
    expect(etagOf('p', 12, 3)).toBe('"p12-v3"');
    expect(etagOf('o', 12, 3)).toBe('"o12-v3"');
  });

  it('changes with the version and differs between kinds', () => {
    expect(etagOf('p', 1, 1)).not.toBe(etagOf('p', 1, 2));
    expect(etagOf('p', 1, 1)).not.toBe(etagOf('o', 1, 1));
  });
});

describe('ifMatchAllows', () => {
  const current = etagOf('p', 7, 2);

  it('allows a request without If-Match', () => {
    expect(ifMatchAllows(undefined, current)).toBe(true);
  });

  it('allows the current tag, alone or in a list, and *', () => {
    expect(ifMatchAllows(current, current)).toBe(true);
    expect(ifMatchAllows(`"p7-v1", ${current}`, current)).toBe(true);
    expect(ifMatchAllows(`"p7-v1",${current}`, current)).toBe(true);
    expect(ifMatchAllows('*', current)).toBe(true);
  });

  it('refuses an older tag, another resource, an empty header and a weak tag (strong comparison)', () => {
    expect(ifMatchAllows('"p7-v1"', current)).toBe(false);
    expect(ifMatchAllows('"p8-v2"', current)).toBe(false);
    expect(ifMatchAllows('', current)).toBe(false);
    expect(ifMatchAllows(`W/${current}`, current)).toBe(false);
    expect(ifMatchAllows('p7-v2', current)).toBe(false);
  });
});
