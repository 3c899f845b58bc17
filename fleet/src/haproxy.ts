// HAProxy in front of the API instances, configured as a team would run it:
// it routes on `GET /readyz` checked every 500 ms (down after 2 failures, up
// after 2 successes), so an instance that begins draining leaves the rotation
// within about a second; a request whose connection failed, or that got no
// answer at all (an instance closing a kept-alive connection, or killed),
// goes to another instance (`retry-on conn-failure empty-response` with
// `option redispatch`: safe here because orders carry an Idempotency-Key);
// connections to the instances are kept alive. Each answer names the
// instance that served it (X-Served-By) and how often the balancer retried
// it (X-Retries), and only abnormal requests are logged. The runtime API on a Unix socket tells which instances are UP.
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { type Child, startChild } from './children.js';
import { waitForPort } from './ports.js';
import type { Workspace } from './workspace.js';

export interface Backend {
  name: string;
  port: number;
}

/** How fast the balancer notices an instance going away: inter × fall, plus one check in flight. */
export const DETECTION_MS = 500 * 2 + 500;

export function haproxyConfig(o: { port: number; socket: string; backends: Backend[] }): string {
  return [
    'global',
    '  maxconn 4096',
    `  stats socket ${o.socket} mode 600 level admin`,
    '  log stderr format raw local0 info',
    '',
    'defaults',
    '  mode http',
    '  log global',
    '  option httplog',
    '  option dontlog-normal',
    '  option http-keep-alive',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-keep-alive 60s',
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure empty-response',
    '',
    'frontend shop',
    `  bind 127.0.0.1:${o.port}`,
    '  default_backend api',
    '',
    'backend api',
    '  balance roundrobin',
    '  option httpchk',
    '  http-check send meth GET uri /readyz ver HTTP/1.1 hdr Host fleet-health-check',
    '  http-check expect status 200',
    '  http-response set-header X-Served-By %s',
    '  http-response set-header X-Retries %rc',
    '  default-server check inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2',
    ...o.backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port}`),
    '',
  ].join('\n');
}

export interface LoadBalancer {
  port: number;
  url: string;
  logFile: string;
  /** Each instance's state as HAProxy sees it: `UP`, `DOWN`, `UP 1/2` (going down), `DOWN 1/2` (coming up), … */
  states(): Promise<Map<string, string>>;
  stop(): Promise<void>;
}

/** One command on HAProxy's runtime API; the answer is everything it sends before closing. */
function runtimeCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const conn = net.connect(socket);
    let answer = '';
    conn.on('data', (d) => {
      answer += d.toString();
    });
    conn.on('end', () => resolve(answer));
    conn.on('error', reject);
    conn.write(`${command}\n`);
  });
}

export async function startHaproxy(ws: Workspace, port: number, backends: Backend[]): Promise<LoadBalancer> {
  const home = ws.subdir('haproxy');
  const socket = join(home, 'haproxy.sock');
  const configFile = join(home, 'haproxy.cfg');
  const logFile = join(home, 'haproxy.log');
  writeFileSync(configFile, haproxyConfig({ port, socket, backends }));
  const child: Child = startChild('haproxy', 'haproxy', ['-db', '-f', configFile], { env: ws.baseEnv, logFile });
  await waitForPort(port);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    logFile,
    async states() {
      // `show stat` is CSV: a header line starting with "# ", then one line per proxy or server.
      const lines = (await runtimeCommand(socket, 'show stat')).trim().split('\n');
      const header = (lines[0] ?? '').replace(/^# /, '').split(',');
      const [px, sv, status] = ['pxname', 'svname', 'status'].map((c) => header.indexOf(c)) as [number, number, number];
      const states = new Map<string, string>();
      for (const line of lines.slice(1)) {
        const cells = line.split(',');
        const name = cells[sv] ?? '';
        if (cells[px] === 'api' && name !== 'BACKEND' && name !== 'FRONTEND') states.set(name, cells[status] ?? '');
      }
      return states;
    },
    stop: async () => {
      await child.stop('SIGTERM', 5_000);
    },
  };
}
