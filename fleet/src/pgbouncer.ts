// PgBouncer in transaction mode with its default settings, except what it
// needs to run here (where it listens, trust auth with an auth file: the
// cluster trusts 127.0.0.1, and the one database entry) and one more:
// `server_login_retry = 1`. Its default, 15 s, is how long PgBouncer refuses
// every client after one failed login to Postgres; a login tried while
// Postgres restarts fails, so the fleet answered 503 for 15 s after Postgres
// was back (measured here), where 1 s brings it back within a second.
// A restart is what an operator's `systemctl restart` does: SIGTERM
// (immediate shutdown: client connections are cut), then a new process on the
// same port.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Child, startChild } from './children.js';
import { DATABASE, type PostgresCluster } from './postgres.js';
import { waitForPort } from './ports.js';
import type { Workspace } from './workspace.js';

export interface PgBouncer {
  port: number;
  /** The storefront database through the pooler. */
  url: string;
  configFile: string;
  /** The running process's pid. */
  pid(): number | undefined;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export function pgbouncerConfig(o: { port: number; postgresPort: number; authFile: string; pidFile: string }): string {
  return [
    '[databases]',
    `${DATABASE} = host=127.0.0.1 port=${o.postgresPort} dbname=${DATABASE}`,
    '',
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${o.port}`,
    'unix_socket_dir =',
    'auth_type = trust',
    `auth_file = ${o.authFile}`,
    `pidfile = ${o.pidFile}`,
    'pool_mode = transaction',
    'server_login_retry = 1', // see above: the default, 15 s, outlasts a Postgres restart by 15 s
    '',
  ].join('\n');
}

export async function startPgBouncer(ws: Workspace, port: number, postgres: PostgresCluster): Promise<PgBouncer> {
  const home = ws.subdir('pgbouncer', true);
  const authFile = join(home, 'userlist.txt');
  const configFile = join(home, 'pgbouncer.ini');
  writeFileSync(authFile, '"postgres" ""\n');
  writeFileSync(
    configFile,
    pgbouncerConfig({ port, postgresPort: postgres.port, authFile, pidFile: join(home, 'pgbouncer.pid') }),
  );
  const logFile = join(home, 'pgbouncer.log');
  let child: Child | undefined;
  const bouncer: PgBouncer = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}`,
    configFile,
    pid: () => child?.pid,
    async start() {
      child = startChild('pgbouncer', 'pgbouncer', [configFile], { env: ws.baseEnv, logFile, runAs: ws.runAs });
      await waitForPort(port);
    },
    async stop() {
      await child?.stop('SIGTERM', 5_000);
    },
  };
  await bouncer.start();
  return bouncer;
}
