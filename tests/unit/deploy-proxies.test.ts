// The load balancer's and PgBouncer's configuration (deploy/) agree with
// compose.yaml and with the server's settings: HAProxy checks every API
// instance on /readyz and drops a draining one well before it stops accepting
// connections; PgBouncer pools in transaction mode on the port, database and
// credentials the containers are given. CI runs them for real
// (.ci/containers/compose.sh); this says which setting broke, in a second.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const compose = parse(read('compose.yaml'), { merge: true }) as {
  services: Record<string, { environment?: Record<string, string | null>; ports?: string[]; volumes?: string[] }>;
};
const apis = Object.keys(compose.services).filter((name) => name.startsWith('api-'));

/** HAProxy time values: a number of milliseconds, or with a unit. */
function milliseconds(value: string): number {
  const [, amount, unit = 'ms'] = /^(\d+)(us|ms|s|m|h|d)?$/.exec(value) ?? [];
  const scale: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  if (amount === undefined) throw new Error(`not a time: ${value}`);
  return Number(amount) * scale[unit]!;
}

describe('deploy/haproxy/haproxy.cfg', () => {
  const lines = read('deploy/haproxy/haproxy.cfg')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
  const setting = (keyword: string) => lines.find((line) => line.startsWith(`${keyword} `))?.slice(keyword.length + 1);
  const serverOptions = (setting('default-server') ?? '').split(/\s+/);
  const option = (name: string) => serverOptions[serverOptions.indexOf(name) + 1]!;

  it('balances over every API instance of compose.yaml, on its port', () => {
    const servers = lines.filter((line) => line.startsWith('server ')).map((line) => line.split(/\s+/).slice(1, 3));
    expect(servers).toEqual(apis.map((name) => [name, `${name}:3000`]));
    expect(serverOptions).toContain('check');
  });

  it('routes on GET /readyz answering 200', () => {
    expect(setting('http-check send')).toMatch(/^meth GET uri \/readyz\b/);
    expect(setting('http-check expect')).toBe('status 200');
  });

  it('drops a draining instance within 2 s, before SHUTDOWN_DELAY_SECONDS ends', () => {
    // /readyz turns 503 at SIGTERM; the next check may be up to one interval away.
    const leaves = (Number(option('fall')) + 1) * milliseconds(option('inter'));
    expect(leaves).toBeLessThanOrEqual(2000);
    for (const api of apis) {
      expect(Number(compose.services[api]!.environment!.SHUTDOWN_DELAY_SECONDS) * 1000).toBeGreaterThan(leaves);
    }
  });

  it('sends a request that reached no instance to another one', () => {
    expect(lines).toContain('option redispatch');
    expect(setting('retry-on')!.split(/\s+/)).toEqual(expect.arrayContaining(['conn-failure', 'empty-response']));
    expect(Number(setting('retries'))).toBeGreaterThan(0);
  });

  it('waits for a response longer than the longest the server holds one (Prefer: wait)', () => {
    const contract = parse(read('openapi/openapi.yaml')) as {
      components: { parameters: { PreferWait: { description: string } } };
    };
    const longestWait = Number(/\(0-(\d+);/.exec(contract.components.parameters.PreferWait.description)![1]);
    expect(longestWait).toBeGreaterThan(0);
    expect(milliseconds(setting('timeout server')!)).toBeGreaterThan(longestWait * 1000);
  });

  it('listens on the port compose.yaml publishes, and is mounted where the haproxy image reads it', () => {
    const containerPort = compose.services.lb!.ports![0]!.split(':').at(-1);
    expect(setting('bind')).toBe(`:${containerPort}`);
    expect(compose.services.lb!.volumes).toContain(
      './deploy/haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro',
    );
  });
});

describe('deploy/pgbouncer', () => {
  const ini = Object.fromEntries(
    read('deploy/pgbouncer/pgbouncer.ini')
      .split('\n')
      .map((line) => /^\s*([\w.]+)\s*=\s*(.*?)\s*$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  const env = compose.services[apis[0]!]!.environment!;
  const pooled = new URL(env.DATABASE_URL!);
  const direct = new URL(env.DATABASE_DIRECT_URL!);

  it('pools in transaction mode', () => {
    expect(ini.pool_mode).toBe('transaction');
  });

  it('listens where DATABASE_URL points and forwards to the database DATABASE_DIRECT_URL names', () => {
    expect(pooled.hostname).toBe('pgbouncer');
    expect(ini.listen_port).toBe(pooled.port);
    const database = pooled.pathname.slice(1);
    expect(ini[database]).toBe(`host=${direct.hostname} port=${direct.port} dbname=${direct.pathname.slice(1)}`);
  });

  it("knows the containers' credentials, which are Postgres's", () => {
    const users = read('deploy/pgbouncer/userlist.txt');
    expect(users).toContain(`"${pooled.username}" "${pooled.password}"`);
    const postgres = compose.services.postgres!.environment!;
    expect([postgres.POSTGRES_USER, postgres.POSTGRES_PASSWORD]).toEqual([direct.username, direct.password]);
    expect(compose.services.pgbouncer!.volumes).toEqual([
      './deploy/pgbouncer/pgbouncer.ini:/etc/pgbouncer/pgbouncer.ini:ro',
      './deploy/pgbouncer/userlist.txt:/etc/pgbouncer/userlist.txt:ro',
    ]);
  });
});
