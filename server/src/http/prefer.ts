// The `wait` preference of an RFC 7240 `Prefer` header ("Prefer: wait=10",
// possibly among others: "return=minimal, wait=5; foo"). Preferences are
// advisory: anything unknown or malformed is ignored, never an error.

/** The seconds asked for by `wait=N` (capped at `max`), or undefined when there is none (or it is 0). */
export function preferredWait(header: string | string[] | undefined, max: number): number | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return undefined;
  for (const preference of value.split(',')) {
    const [token = '', raw] = (preference.split(';')[0] ?? '').split('=', 2).map((s) => s.trim());
    if (token.toLowerCase() !== 'wait') continue;
    // RFC 7240: the first occurrence of a preference counts. Any number of
    // digits: however long, more than `max` counts as `max` (the header's own
    // length is bounded by the contract).
    const seconds = /^"?(\d+)"?$/.exec(raw ?? '')?.[1];
    if (seconds === undefined) return undefined;
    const n = Math.min(Number(seconds), max);
    return n > 0 ? n : undefined;
  }
  return undefined;
}
