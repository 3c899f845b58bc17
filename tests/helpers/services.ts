// The services layer talks to real services named by environment variables.
// A test file asks for the ones it needs: without them it is skipped locally,
// and under CI=true it fails at once, because CI must run every layer.
export const SERVICE_VARIABLES = {
  /** An admin URL of a Postgres server; each test creates its own database next to it. */
  postgres: 'TEST_POSTGRES_URL',
  /** A Redis server; each test takes a logical database of its own. */
  redis: 'TEST_REDIS_URL',
  /** A Chromium (or Chrome) executable. */
  chromium: 'TEST_CHROMIUM',
} as const;

export type Service = keyof typeof SERVICE_VARIABLES;

/** The configured address of each service, or undefined when any is missing (throws under CI=true). */
export function services<S extends Service>(...needed: S[]): Record<S, string> | undefined {
  const found: Partial<Record<S, string>> = {};
  const missing: string[] = [];
  for (const service of needed) {
    const value = process.env[SERVICE_VARIABLES[service]];
    if (value) found[service] = value;
    else missing.push(SERVICE_VARIABLES[service]);
  }
  if (missing.length === 0) return found as Record<S, string>;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but ${missing.join(', ')} is not set: the services layer must run in CI`);
  return undefined;
}

/** The configured address of one service, or throws: for helpers that run only inside a configured test. */
export function serviceUrl(service: Service): string {
  const value = process.env[SERVICE_VARIABLES[service]];
  if (!value) throw new Error(`${SERVICE_VARIABLES[service]} is not set`);
  return value;
}
