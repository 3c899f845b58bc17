// The whole fleet as processes on this machine, brought up in dependency
// order and stopped in reverse:
//
//   shoppers ──> HAProxy ──> api1, api2, api3 ──> PgBouncer (transaction) ──> Postgres
//                                  │   worker1, worker2 ──┘  (and directly: LISTEN, queue, migrations)
//                                  └──────────────────────> Redis (rate limits)
import { randomBytes } from 'node:crypto';
import { type LoadBalancer, startHaproxy } from './haproxy.js';
import { type PgBouncer, startPgBouncer } from './pgbouncer.js';
import { freePorts } from './ports.js';
import { type PostgresCluster, startPostgres } from './postgres.js';
import { type RedisServer, startRedis } from './redis.js';
import { apiInstance, type Instance, migrate, type OnCrash, workerInstance } from './storefront.js';
import type { Workspace } from './workspace.js';
import { DETECTION_MS } from './haproxy.js';

export const PORT_RANGE = { from: 7100, to: 7199 };
/** How long the "process manager" waits before starting a crashed instance again. */
const RESTART_DELAY_MS = 1_000;
export const ADMIN = { email: 'fleet-admin@storefront.test', password: 'Fleet#Admin#2026' };

export interface TopologyOptions {
  apis: number;
  workers: number;
  /** API instances and workers reach Postgres directly instead of through PgBouncer. */
  direct: boolean;
  /** Called with the catalogue's database URL after migrations, before any instance starts. */
  seed(directUrl: string): Promise<void>;
  /** Told when an instance exits without being asked to; the topology then starts it again, as systemd's Restart=on-failure would. */
  onCrash(name: string, exit: { code: number | null; signal: string | null }): void;
  log(line: string): void;
}

export interface Topology {
  postgres: PostgresCluster;
  redis: RedisServer;
  pgbouncer: PgBouncer;
  lb: LoadBalancer;
  apis: Instance[];
  workers: Instance[];
  /** The environment of the API instances and workers (without PORT). */
  env: Record<string, string>;
  /** Waits until HAProxy sees the instance UP (in rotation). */
  inRotation(name: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The instances' settings: production, shared secret and first admin, budgets sized for shoppers who all come from 127.0.0.1. */
function fleetEnv(databaseUrl: string, directUrl: string, redisUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(48).toString('base64'),
    DATABASE_URL: databaseUrl,
    DATABASE_DIRECT_URL: directUrl,
    REDIS_URL: redisUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
    // Every virtual shopper connects from 127.0.0.1: per-address budgets would
    // limit the drill, not protect it. Per-user limits are likewise lifted.
    RATE_LIMIT_ANON: '1000000',
    RATE_LIMIT_USER: '1000000',
    RATE_LIMIT_AUTH: '1000000',
    // Cost 10 (55 ms a hash here) instead of 12: logins share two cores with the whole fleet.
    BCRYPT_COST: '10',
    // Longer than the balancer takes to see /readyz fail, so it stops routing here before the listener closes.
    SHUTDOWN_DELAY_SECONDS: String(Math.ceil(DETECTION_MS / 1000) + 1),
    // A killed worker's jobs come back after this long, so the drill sees them finish.
    QUEUE_JOB_EXPIRE_SECONDS: '15',
    QUEUE_MAINTENANCE_SECONDS: '5',
  };
}

export async function startTopology(ws: Workspace, o: TopologyOptions): Promise<Topology> {
  const [pgPort, redisPort, bouncerPort, lbPort, ...apiPorts] = await freePorts(
    4 + o.apis,
    PORT_RANGE.from,
    PORT_RANGE.to,
  );
  o.log(`postgres :${pgPort}, redis :${redisPort}, pgbouncer :${bouncerPort}, haproxy :${lbPort}, apis ${apiPorts}`);
  // Stops of what is up so far, run in reverse when a later part fails to start.
  const undo: Array<() => Promise<void>> = [];
  // Off until the fleet is up (a start-up failure is an error, not a crash) and again once it stops.
  let supervising = false;
  try {
    const postgres = await startPostgres(ws, pgPort!);
    undo.push(postgres.stop);
    const redis = await startRedis(ws, redisPort!);
    undo.push(redis.stop);
    const pgbouncer = await startPgBouncer(ws, bouncerPort!, postgres);
    undo.push(pgbouncer.stop);
    const env = fleetEnv(o.direct ? postgres.url : pgbouncer.url, postgres.url, redis.url);
    await migrate(ws, env); // the CLI migrates over DATABASE_DIRECT_URL, a session of its own
    await o.seed(postgres.url);

    const restart: OnCrash = (instance, exit) => {
      if (!supervising) return;
      o.onCrash(instance.name, exit);
      setTimeout(() => {
        if (!supervising) return;
        instance.start().catch((err: Error) => o.log(`restarting ${instance.name}: ${err.message}`));
      }, RESTART_DELAY_MS);
    };
    const apis = apiPorts.map((port, i) => apiInstance(ws, `api${i + 1}`, port, env, restart));
    const workers = Array.from({ length: o.workers }, (_, i) => workerInstance(ws, `worker${i + 1}`, env, restart));
    const stopInstances = async () => {
      supervising = false;
      await Promise.all([...apis, ...workers].map((i) => i.stop('SIGTERM')));
    };
    undo.push(stopInstances);
    // The first instance creates the first admin; the others start once it exists.
    await apis[0]!.start();
    await Promise.all([...apis.slice(1), ...workers].map((i) => i.start()));
    const lb = await startHaproxy(
      ws,
      lbPort!,
      apis.map((a) => ({ name: a.name, port: a.port })),
    );
    undo.push(lb.stop);

    const inRotation = async (name: string, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while ((await lb.states()).get(name) !== 'UP') {
        if (Date.now() > deadline) throw new Error(`${name} not back in rotation after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    for (const api of apis) await inRotation(api.name);
    supervising = true;

    return {
      postgres,
      redis,
      pgbouncer,
      lb,
      apis,
      workers,
      env,
      inRotation,
      async stop() {
        await stopInstances();
        await lb.stop();
        await pgbouncer.stop();
        await redis.stop();
        await postgres.stop();
      },
    };
  } catch (err) {
    for (const stop of undo.reverse()) await stop().catch(() => undefined);
    throw err;
  }
}
