// Strong ETags built from a row's version column, and If-Match checking
// (RFC 9110 §13.1.1): `*` matches any existing resource, a list matches if
// any entry does. Weak tags never match If-Match (strong comparison).

export function etagOf(prefix: 'p' | 'o', id: number, version: number): string {
  return `"${prefix}${id}-v${version}"`;
}

/** True when there is no If-Match, or when it names the current tag. */
export function ifMatchAllows(ifMatch: string | undefined, current: string): boolean {
  if (ifMatch === undefined) return true;
  return ifMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === current);
}
