// Configuration is read once from the environment at boot, validated against
// config.schema.ts, and frozen. A bad value stops the start with a message
// naming it. The Config type is derived from the schema: each variable
// becomes its camelCase name (DB_POOL_SIZE → dbPoolSize), and the few values
// parsed further (lists, the JWT secret, TRUST_PROXY) are retyped below.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import envSchema from 'env-schema';
import { configSchema, type Env } from './config.schema.js';

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Lowercase<Head>}${Capitalize<CamelCase<Tail>>}`
  : Lowercase<S>;

/** Every variable under its camelCase name; an unset optional one is `undefined`. */
type EnvValues = {
  [K in keyof Env & string as CamelCase<K>]-?: Env[K] | (undefined extends Env[K] ? undefined : never);
};

/** Fastify's `trustProxy`: off, any proxy, a hop count, or the proxies' addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

export type Config = Readonly<
  Omit<EnvValues, 'corsOrigins' | 'jwtSecret' | 'trustProxy' | 'shutdownDelaySeconds'> & {
    /** Defaulted by NODE_ENV: 5 s in production (load balancers need a moment to stop sending), 0 otherwise. */
    shutdownDelaySeconds: number;
    corsOrigins: string[];
    /** Always set: generated in development when JWT_SECRET is unset (with a warning). */
    jwtSecret: string;
    trustProxy: TrustProxy;
    /** Things worth a warning in the log at start (e.g. a generated JWT secret). */
    warnings: string[];
  }
>;

const PLACEHOLDER_SECRETS = /^(changeme|change-me|secret|your[-_]?secret.*|x+)$/i;

export class ConfigError extends Error {}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" (shells and compose files often export VAR=).
  const data = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  let env: Env;
  try {
    env = envSchema<Env>({ schema: configSchema, data, dotenv: false, env: false });
  } catch (err) {
    throw new ConfigError(`Invalid configuration: ${describeEnvErrors(err)}`);
  }
  const warnings: string[] = [];
  let jwtSecret = env.JWT_SECRET;
  if (env.NODE_ENV === 'production') {
    if (!jwtSecret) throw new ConfigError('Invalid configuration: JWT_SECRET is required when NODE_ENV=production');
    if (PLACEHOLDER_SECRETS.test(jwtSecret)) {
      throw new ConfigError(
        'Invalid configuration: JWT_SECRET is a placeholder; set a random secret of at least 32 characters',
      );
    }
  }
  if (!jwtSecret) {
    jwtSecret = randomBytes(32).toString('base64url');
    warnings.push(
      'JWT_SECRET is not set: using a random secret, so tokens will not survive a restart or work across instances',
    );
  }
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (env.DATABASE_DIRECT_URL !== undefined && env.DATABASE_URL === undefined) {
    throw new ConfigError('Invalid configuration: DATABASE_DIRECT_URL needs DATABASE_URL (the pooled address) as well');
  }
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError('Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  const values = Object.fromEntries(
    Object.keys(configSchema.properties).map((name) => [camelCase(name), env[name as keyof Env]]),
  ) as EnvValues;
  return Object.freeze({
    ...values,
    jwtSecret,
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    shutdownDelaySeconds: env.SHUTDOWN_DELAY_SECONDS ?? (env.NODE_ENV === 'production' ? 5 : 0),
    warnings,
  });
}

function camelCase(name: string): string {
  return name.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

// proxy-addr's names for address ranges, accepted by Fastify as they are.
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^[0-9]+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (!RANGE_NAMES.has(entry) && (family === 0 || !prefixOk || rest.length > 0)) {
      throw new ConfigError(
        `Invalid configuration: TRUST_PROXY must be true, false, a hop count or comma-separated addresses/CIDRs; "${entry}" is none of them`,
      );
    }
  }
  return entries;
}

/**
 * For entry points: reads `.env` from the working directory when there is one
 * (variables already in the environment win), then returns the config, or
 * prints a message naming the bad variable and exits 1.
 */
export function loadConfigOrExit(): Config {
  try {
    process.loadEnvFile();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      console.error(`Cannot read .env: ${(err as Error).message}`);
      process.exit(1);
    }
  }
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

interface EnvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/**
 * One line per variable. Ajv reports a value outside a list of choices as one
 * "must be equal to constant" per choice plus "must match a schema in anyOf";
 * the operator needs the choices.
 */
function describeEnvErrors(err: unknown): string {
  const errors = (err as { errors?: EnvError[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return (err as Error).message;
  const byVariable = new Map<string, string>();
  for (const e of errors) {
    const name = e.instancePath.replace(/^\//, '') || String(e.params.missingProperty ?? 'environment');
    if (byVariable.has(name)) continue;
    const choices = (configSchema.properties as Record<string, { anyOf?: Array<{ const?: unknown }> }>)[name]?.anyOf;
    const message = choices
      ? `must be one of ${choices.map((c) => String(c.const)).join(', ')}`
      : e.keyword === 'required'
        ? 'is required'
        : (e.message ?? 'is invalid');
    byVariable.set(name, `${name} ${message}`);
  }
  return [...byVariable.values()].join('; ');
}
