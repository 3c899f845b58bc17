// The drill's own redis-server on a free port: no persistence (the fleet keeps
// only rate-limit counters there), stopped and started again by a fault.
import { join } from 'node:path';
import { type Child, startChild } from './children.js';
import { waitForPort } from './ports.js';
import type { Workspace } from './workspace.js';

export interface RedisServer {
  port: number;
  url: string;
  /** Stops it (SIGTERM; Redis exits at once without persistence). */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startRedis(ws: Workspace, port: number): Promise<RedisServer> {
  const logFile = join(ws.subdir('redis'), 'redis.log');
  let child: Child | undefined;
  const redis: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
      child = startChild('redis', 'redis-server', args, { env: ws.baseEnv, logFile });
      await waitForPort(port);
    },
    async stop() {
      await child?.stop('SIGTERM', 5_000);
    },
  };
  await redis.start();
  return redis;
}
