// Configuration is read once from the environment at boot, validated against a
// schema, and frozen. A bad value stops the start with a message naming it.
import { randomBytes } from 'node:crypto';
import envSchema from 'env-schema';

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolSize: number;
  dbStatementTimeoutMs: number;
  dbConnectTimeoutMs: number;
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  bcryptCost: number;
  /** Seconds a verified session's principal stays cached in process (0 = check the database on every request). */
  authCacheTtl: number;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  adminUsername: string;
  rateLimitAnon: number;
  rateLimitUser: number;
  rateLimitAuth: number;
  rateLimitWindow: number;
  loginMaxFailures: number;
  redisUrl: string | undefined;
  corsOrigins: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  runWorker: boolean;
  /** Order queue: how often an idle worker polls, retry backoff base, retries, parallel workers. */
  queuePollSeconds: number;
  queueRetryDelaySeconds: number;
  queueRetryLimit: number;
  /** A job still active after this many seconds was on a crashed worker and is retried. */
  queueJobExpireSeconds: number;
  /** How often pg-boss looks for such expired jobs. */
  queueMaintenanceSeconds: number;
  queueConcurrency: number;
  /** Reliability: HTTP timeouts, load shedding (under-pressure; 0 turns a check off) and /metrics. */
  httpRequestTimeoutMs: number;
  httpHeadersTimeoutMs: number;
  /** Unset: 1000 on Postgres, off on the embedded database (whose queries run on the event loop). */
  maxEventLoopDelayMs: number | undefined;
  maxHeapUsedBytes: number;
  metricsEnabled: boolean;
  metricsToken: string | undefined;
  /** Things worth a warning in the log at start (e.g. a generated JWT secret). */
  warnings: string[];
}

const int = (def: number, minimum: number, maximum: number) => ({ type: 'integer', default: def, minimum, maximum });

const schema = {
  type: 'object',
  properties: {
    NODE_ENV: { type: 'string', enum: ['development', 'production', 'test'], default: 'development' },
    PORT: int(3000, 0, 65535),
    HOST: { type: 'string', default: '127.0.0.1' },
    DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://' },
    DATA_DIR: { type: 'string', minLength: 1, default: './.data' },
    DB_POOL_SIZE: int(10, 1, 200),
    DB_STATEMENT_TIMEOUT_MS: int(5000, 100, 600000),
    DB_CONNECT_TIMEOUT_MS: int(3000, 100, 60000),
    JWT_SECRET: { type: 'string', minLength: 32 },
    JWT_ISSUER: { type: 'string', minLength: 1, default: 'storefront' },
    JWT_AUDIENCE: { type: 'string', minLength: 1, default: 'storefront-api' },
    ACCESS_TOKEN_TTL: int(900, 10, 86400),
    REFRESH_TOKEN_TTL: int(604800, 60, 31536000),
    BCRYPT_COST: int(12, 4, 15),
    AUTH_CACHE_TTL: int(30, 0, 3600),
    ADMIN_EMAIL: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$' },
    ADMIN_PASSWORD: { type: 'string', minLength: 8, maxLength: 72 },
    ADMIN_USERNAME: { type: 'string', pattern: '^[A-Za-z0-9_.-]{3,32}$', default: 'admin' },
    RATE_LIMIT_ANON: int(20, 1, 10000000),
    RATE_LIMIT_USER: int(100, 1, 10000000),
    RATE_LIMIT_AUTH: int(10, 1, 10000000),
    RATE_LIMIT_WINDOW: int(60, 1, 86400),
    LOGIN_MAX_FAILURES: int(10, 1, 1000),
    REDIS_URL: { type: 'string', pattern: '^rediss?://' },
    CORS_ORIGINS: { type: 'string', default: '' },
    LOG_LEVEL: { type: 'string', enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' },
    RUN_WORKER: { type: 'boolean', default: true },
    // pg-boss refuses polling more often than every 0.5 s.
    QUEUE_POLL_SECONDS: { type: 'number', default: 2, minimum: 0.5, maximum: 60 },
    QUEUE_RETRY_DELAY_SECONDS: int(5, 1, 3600),
    QUEUE_RETRY_LIMIT: int(8, 0, 100),
    QUEUE_JOB_EXPIRE_SECONDS: int(60, 1, 3600),
    QUEUE_MAINTENANCE_SECONDS: int(60, 1, 3600),
    QUEUE_CONCURRENCY: int(2, 1, 64),
    HTTP_REQUEST_TIMEOUT_MS: int(30000, 1000, 600000),
    HTTP_HEADERS_TIMEOUT_MS: int(10000, 500, 600000),
    MAX_EVENT_LOOP_DELAY_MS: { type: 'integer', minimum: 0, maximum: 60000 },
    // 0 = 90% of V8's heap limit.
    MAX_HEAP_USED_BYTES: int(0, 0, 1e12),
    METRICS_ENABLED: { type: 'boolean', default: true },
    METRICS_TOKEN: { type: 'string', minLength: 16 },
  },
} as const;

interface Env {
  NODE_ENV: Config['nodeEnv'];
  PORT: number;
  HOST: string;
  DATABASE_URL?: string;
  DATA_DIR: string;
  DB_POOL_SIZE: number;
  DB_STATEMENT_TIMEOUT_MS: number;
  DB_CONNECT_TIMEOUT_MS: number;
  JWT_SECRET?: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
  ACCESS_TOKEN_TTL: number;
  REFRESH_TOKEN_TTL: number;
  BCRYPT_COST: number;
  AUTH_CACHE_TTL: number;
  ADMIN_EMAIL?: string;
  ADMIN_PASSWORD?: string;
  ADMIN_USERNAME: string;
  RATE_LIMIT_ANON: number;
  RATE_LIMIT_USER: number;
  RATE_LIMIT_AUTH: number;
  RATE_LIMIT_WINDOW: number;
  LOGIN_MAX_FAILURES: number;
  REDIS_URL?: string;
  CORS_ORIGINS: string;
  LOG_LEVEL: Config['logLevel'];
  RUN_WORKER: boolean;
  QUEUE_POLL_SECONDS: number;
  QUEUE_RETRY_DELAY_SECONDS: number;
  QUEUE_RETRY_LIMIT: number;
  QUEUE_JOB_EXPIRE_SECONDS: number;
  QUEUE_MAINTENANCE_SECONDS: number;
  QUEUE_CONCURRENCY: number;
  HTTP_REQUEST_TIMEOUT_MS: number;
  HTTP_HEADERS_TIMEOUT_MS: number;
  MAX_EVENT_LOOP_DELAY_MS?: number;
  MAX_HEAP_USED_BYTES: number;
  METRICS_ENABLED: boolean;
  METRICS_TOKEN?: string;
}

const PLACEHOLDER_SECRETS = /^(changeme|change-me|secret|your[-_]?secret.*|x+)$/i;

export class ConfigError extends Error {}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" (shells and compose files often export VAR=).
  const data = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  let env: Env;
  try {
    env = envSchema<Env>({ schema, data, dotenv: false, env: false });
  } catch (err) {
    throw new ConfigError(`Invalid configuration: ${(err as Error).message}`);
  }
  const warnings: string[] = [];
  let jwtSecret = env.JWT_SECRET;
  if (env.NODE_ENV === 'production') {
    if (!jwtSecret) throw new ConfigError('Invalid configuration: JWT_SECRET is required when NODE_ENV=production');
    if (PLACEHOLDER_SECRETS.test(jwtSecret)) {
      throw new ConfigError('Invalid configuration: JWT_SECRET is a placeholder; set a random secret of at least 32 characters');
    }
  }
  if (!jwtSecret) {
    jwtSecret = randomBytes(32).toString('base64url');
    warnings.push('JWT_SECRET is not set: using a random secret, so tokens will not survive a restart or work across instances');
  }
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError('Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  return Object.freeze({
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    dbPoolSize: env.DB_POOL_SIZE,
    dbStatementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    dbConnectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    jwtSecret,
    jwtIssuer: env.JWT_ISSUER,
    jwtAudience: env.JWT_AUDIENCE,
    accessTokenTtl: env.ACCESS_TOKEN_TTL,
    refreshTokenTtl: env.REFRESH_TOKEN_TTL,
    bcryptCost: env.BCRYPT_COST,
    authCacheTtl: env.AUTH_CACHE_TTL,
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    adminUsername: env.ADMIN_USERNAME,
    rateLimitAnon: env.RATE_LIMIT_ANON,
    rateLimitUser: env.RATE_LIMIT_USER,
    rateLimitAuth: env.RATE_LIMIT_AUTH,
    rateLimitWindow: env.RATE_LIMIT_WINDOW,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    redisUrl: env.REDIS_URL,
    corsOrigins: env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    logLevel: env.LOG_LEVEL,
    runWorker: env.RUN_WORKER,
    queuePollSeconds: env.QUEUE_POLL_SECONDS,
    queueRetryDelaySeconds: env.QUEUE_RETRY_DELAY_SECONDS,
    queueRetryLimit: env.QUEUE_RETRY_LIMIT,
    queueJobExpireSeconds: env.QUEUE_JOB_EXPIRE_SECONDS,
    queueMaintenanceSeconds: env.QUEUE_MAINTENANCE_SECONDS,
    queueConcurrency: env.QUEUE_CONCURRENCY,
    httpRequestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
    httpHeadersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
    maxEventLoopDelayMs: env.MAX_EVENT_LOOP_DELAY_MS,
    maxHeapUsedBytes: env.MAX_HEAP_USED_BYTES,
    metricsEnabled: env.METRICS_ENABLED,
    metricsToken: env.METRICS_TOKEN,
    warnings,
  });
}

/** For entry points: the config, or a message naming the bad variable and exit code 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
