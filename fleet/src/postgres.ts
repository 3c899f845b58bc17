// The drill's own Postgres cluster (initdb + pg_ctl on a free port), so it can
// be restarted without touching the machine's shared one. Trust auth on
// 127.0.0.1 only; the socket lives in the workspace.
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { runCommand } from './children.js';
import type { Workspace } from './workspace.js';

export const DATABASE = 'storefront';

export interface PostgresCluster {
  port: number;
  /** A URL of the storefront database on this cluster, directly. */
  url: string;
  logFile: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** initdb and pg_ctl: on PATH, or Debian's versioned directory (the newest) when PATH lacks them. */
function postgresBin(program: string): string {
  const onPath = (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, program)));
  if (onPath) return program;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin', program)).find((path) => existsSync(path));
  if (!found) throw new Error(`${program} not found: install Debian's postgresql package`);
  return found;
}

export async function startPostgres(ws: Workspace, port: number): Promise<PostgresCluster> {
  const home = ws.subdir('postgres', true);
  const data = join(home, 'data');
  const logFile = join(home, 'postgres.log');
  const as = { env: ws.baseEnv, runAs: ws.runAs };
  await runCommand(postgresBin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync'], as);
  const pgCtl = (...args: string[]) =>
    runCommand(postgresBin('pg_ctl'), ['-D', data, '-l', logFile, '-w', '-t', '60', ...args], as);
  await pgCtl('-o', `-p ${port} -k ${home} -c listen_addresses=127.0.0.1`, 'start');
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}`,
    logFile,
    restart: async () => {
      await pgCtl('-m', 'fast', 'restart');
    },
    stop: async () => {
      await pgCtl('-m', 'fast', 'stop').catch(() => pgCtl('-m', 'immediate', 'stop'));
    },
  };
}
