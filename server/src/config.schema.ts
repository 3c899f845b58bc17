// Every setting, declared once: name, type, bounds, default and meaning. The
// Config type (config.ts), `.env.example` and the README's configuration
// table all follow from this schema (tests/unit/config-docs.test.ts checks
// the last two against it).
import { type Static, type TSchema, Type } from '@sinclair/typebox';

const int = (def: number, minimum: number, maximum: number, description: string) =>
  Type.Integer({ default: def, minimum, maximum, description });
const str = (def: string, description: string) => Type.String({ default: def, minLength: 1, description });
const optional = <T extends TSchema>(schema: T) => Type.Optional(schema);
const oneOf = <const V extends string>(values: V[], def: NoInfer<V>, description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { default: def, description },
  );

export const configSchema = Type.Object({
  NODE_ENV: oneOf(
    ['development', 'production', 'test'],
    'development',
    '`production` requires a real JWT_SECRET and logs JSON only',
  ),
  PORT: int(3000, 0, 65535, 'TCP port the API listens on'),
  HOST: str('127.0.0.1', 'address the API listens on (0.0.0.0 in a container)'),
  TRUST_PROXY: optional(
    Type.String({
      minLength: 1,
      description:
        'proxies in front of the API whose X-Forwarded-For is believed: `true` (any), a hop count, or comma-separated addresses/CIDRs; unset = none',
    }),
  ),
  RATE_LIMIT_IPV6_PREFIX: int(
    64,
    32,
    128,
    'IPv6 clients are rate limited per network of this prefix length (a client usually has a whole /64); IPv4-mapped IPv6 counts as its IPv4 address',
  ),
  DATABASE_URL: optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'a real Postgres; unset = the embedded PGlite database' }),
  ),
  DATABASE_DIRECT_URL: optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      description:
        'a session connection to the same Postgres, for LISTEN and migrations, when DATABASE_URL is a transaction pooler (PgBouncer); unset = DATABASE_URL',
    }),
  ),
  DATA_DIR: str('./.data', 'where the embedded database lives (`memory://` for a throwaway one)'),
  DB_POOL_SIZE: int(10, 1, 200, 'Postgres connections per process'),
  DB_STATEMENT_TIMEOUT_MS: int(5000, 100, 600000, 'a query slower than this fails (503) instead of hanging'),
  DB_CONNECT_TIMEOUT_MS: int(3000, 100, 60000, 'connecting to Postgres fails (503) after this long'),
  JWT_SECRET: optional(
    Type.String({
      minLength: 32,
      description: 'HS256 key, at least 32 characters; required in production; unset in development = random',
    }),
  ),
  JWT_ISSUER: str('storefront', '`iss` claim of access tokens, checked on every token'),
  JWT_AUDIENCE: str('storefront-api', '`aud` claim of access tokens, checked on every token'),
  ACCESS_TOKEN_TTL: int(900, 10, 86400, 'access token lifetime, seconds'),
  REFRESH_TOKEN_TTL: int(604800, 60, 31536000, 'refresh token lifetime, seconds'),
  BCRYPT_COST: int(12, 4, 15, 'bcrypt work factor'),
  AUTH_CACHE_TTL: int(30, 0, 3600, 'seconds a verified session stays cached in process; 0 = no cache'),
  ADMIN_EMAIL: optional(
    Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$', description: 'first admin, created at start when none exists' }),
  ),
  ADMIN_PASSWORD: optional(
    Type.String({ minLength: 8, maxLength: 72, description: "the first admin's password (with ADMIN_EMAIL)" }),
  ),
  ADMIN_USERNAME: Type.String({
    pattern: '^[A-Za-z0-9_.-]{3,32}$',
    default: 'admin',
    description: "the first admin's username",
  }),
  RATE_LIMIT_ANON: int(20, 1, 10000000, 'requests per window per client address, anonymous'),
  RATE_LIMIT_USER: int(100, 1, 10000000, 'requests per window per user, authenticated'),
  RATE_LIMIT_AUTH: int(10, 1, 10000000, 'login/register attempts per window per client address'),
  RATE_LIMIT_WINDOW: int(60, 1, 86400, 'rate-limit window, seconds'),
  LOGIN_MAX_FAILURES: int(10, 1, 1000, 'failed logins per account per window before 429'),
  REDIS_URL: optional(
    Type.String({
      pattern: '^rediss?://',
      description: 'shared rate-limit store for several instances; unset = in memory',
    }),
  ),
  CORS_ORIGINS: Type.String({ default: '', description: 'comma-separated allowed browser origins; empty = none' }),
  LOG_LEVEL: oneOf(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    'info',
    'pino level (`silent` to mute)',
  ),
  SHUTDOWN_DELAY_SECONDS: optional(
    Type.Integer({
      minimum: 0,
      maximum: 60,
      description:
        'on SIGTERM, answer /readyz 503 but keep serving this long before closing the listener, so load balancers take the instance out first; unset = 5 in production, 0 otherwise',
    }),
  ),
  SHUTDOWN_GRACE_SECONDS: int(
    10,
    1,
    600,
    'after the listener closes, requests in flight and running jobs get this long to finish before the process exits 1 anyway',
  ),
  RUN_WORKER: Type.Boolean({
    default: true,
    description: 'process orders in the server process (false when workers run separately)',
  }),
  // pg-boss refuses polling more often than every 0.5 s.
  QUEUE_POLL_SECONDS: Type.Number({
    default: 2,
    minimum: 0.5,
    maximum: 60,
    description: 'how often an idle worker polls for orders',
  }),
  QUEUE_RETRY_DELAY_SECONDS: int(5, 1, 3600, 'retry backoff base, seconds'),
  QUEUE_RETRY_LIMIT: int(8, 0, 100, 'processing attempts before an order is marked failed'),
  QUEUE_JOB_EXPIRE_SECONDS: int(60, 1, 3600, 'a job active longer was on a crashed worker and is retried'),
  QUEUE_MAINTENANCE_SECONDS: int(60, 1, 3600, 'how often expired jobs are looked for'),
  QUEUE_CONCURRENCY: int(2, 1, 64, 'orders processed at once per process'),
  ORDER_WAIT_MAX_WAITERS: int(
    1000,
    0,
    100000,
    'getOrder requests waiting for a status change (Prefer: wait) at once per process; past it they answer at once',
  ),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: Type.Boolean({
    default: false,
    description:
      'let webhook endpoints resolve to loopback, private, link-local or other internal addresses (development and tests only)',
  }),
  WEBHOOK_TIMEOUT_MS: int(10000, 100, 60000, 'a webhook delivery attempt gets no answer in this long: it failed'),
  WEBHOOK_RETRY_DELAY_SECONDS: Type.Number({
    default: 30,
    minimum: 0.1,
    maximum: 3600,
    description: 'webhook retry backoff base: attempt n waits about base × 2^(n-1), with jitter',
  }),
  WEBHOOK_RETRY_MAX_DELAY_SECONDS: int(21600, 1, 86400, 'longest wait between two webhook attempts, seconds'),
  WEBHOOK_MAX_ATTEMPTS: int(
    14,
    1,
    50,
    'attempts per webhook delivery before it is failed (about a day with the defaults)',
  ),
  WEBHOOK_DISABLE_AFTER_FAILURES: int(
    5,
    1,
    1000,
    'webhook deliveries failed for good in a row before their endpoint is disabled',
  ),
  WEBHOOK_CONCURRENCY_PER_ENDPOINT: int(4, 1, 64, 'webhook deliveries in flight at once to one endpoint'),
  HTTP_REQUEST_TIMEOUT_MS: int(30000, 1000, 600000, 'a whole request must arrive within this'),
  HTTP_HEADERS_TIMEOUT_MS: int(10000, 500, 600000, "a request's headers must arrive within this"),
  MAX_EVENT_LOOP_DELAY_MS: optional(
    Type.Integer({
      minimum: 0,
      maximum: 60000,
      description: 'shed load (503) on sustained event-loop delay; unset = 1000 on Postgres, off embedded; 0 = off',
    }),
  ),
  MAX_HEAP_USED_BYTES: int(0, 0, 1e12, "shed load on heap use; 0 = 90% of V8's heap limit"),
  METRICS_ENABLED: Type.Boolean({ default: true, description: 'serve Prometheus metrics at /metrics' }),
  METRICS_TOKEN: optional(
    Type.String({
      minLength: 16,
      description:
        'when set, /metrics requires it as a bearer token; unset = loopback clients only (outside production)',
    }),
  ),
  METRICS_PORT: optional(
    Type.Integer({
      minimum: 0,
      maximum: 65535,
      description:
        'in production without METRICS_TOKEN, serve /metrics on this port of 127.0.0.1 only (unset = not served)',
    }),
  ),
});

/** The environment as validated (defaults applied), keyed by variable name. */
export type Env = Static<typeof configSchema>;
