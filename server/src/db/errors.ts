// Classifies driver errors so the HTTP layer can answer 503 (retry later)
// instead of 500 when the database itself is the problem.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '57014', // query_canceled (statement_timeout)
  '53300', // too_many_connections
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = (err as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout|Connection terminated unexpectedly|PGlite is closed/i.test(
      message,
    )
  );
}

/** The name of the unique constraint a Postgres error violated, if any. */
export function uniqueViolation(err: unknown): string | undefined {
  return violatedConstraint(err, '23505');
}

/** The name of the CHECK constraint a Postgres error violated, if any. */
export function checkViolation(err: unknown): string | undefined {
  return violatedConstraint(err, '23514');
}

function violatedConstraint(err: unknown, sqlState: string): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code !== sqlState) return undefined;
  if (typeof e.constraint === 'string') return e.constraint;
  // PGlite does not always fill `constraint`; its message names the index.
  const match = typeof e.message === 'string' ? /"([^"]+)"/.exec(e.message) : null;
  return match?.[1];
}

/**
 * A Postgres "data exception" (SQLSTATE class 22) raised by a value the client
 * sent, e.g. a NUL byte in text (22P05) or an out-of-range number (22003).
 */
export function isInvalidClientData(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('22');
}
