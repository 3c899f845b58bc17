// What can be checked of the container recipe without a container engine (CI
// builds and runs both files with podman: .ci/containers/): the Dockerfile runs
// the commands the production-install test runs, as a non-root user, with the
// production entry point and a liveness healthcheck; compose.yaml parses, has
// the topology the README describes, names only images CI has stand-ins for,
// and gives the storefront containers only variables the config schema knows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../server/src/config.schema.js';
import { BUILD_COMMANDS } from '../helpers/deploy.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const known = new Set(Object.keys(configSchema.properties));

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  // A variable without a value is passed on from the environment compose runs in.
  environment?: Record<string, string | null>;
  depends_on?: Record<string, { condition: string }>;
}
const parseCompose = (text: string) => parse(text, { merge: true }) as { services: Record<string, ComposeService> };

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile').replace(/\\\n\s*/g, ' ');
  const instructions = dockerfile
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages = instructions.filter((l) => l.startsWith('FROM '));
  const runStage = instructions.slice(instructions.lastIndexOf(stages.at(-1)!));

  it('builds in one stage and runs in another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runStage.some((l) => l.startsWith('COPY --from='))).toBe(true);
  });

  it('runs the build and production-install commands the test runs', () => {
    expect(instructions).toContain(`RUN pnpm ${BUILD_COMMANDS.build.join(' ')}`);
    expect(instructions).toContain(`RUN pnpm ${BUILD_COMMANDS.deploy('/app').join(' ')}`);
    expect(runStage).toContain('WORKDIR /app');
  });

  it('runs node dist/server.js as a non-root user, listening on all interfaces, with a liveness healthcheck', () => {
    expect(runStage.at(-1)).toBe('CMD ["node", "dist/server.js"]');
    const user = runStage.find((l) => l.startsWith('USER '));
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)$/);
    expect(runStage.some((l) => /^ENV .*\bHOST=0\.0\.0\.0\b/.test(l))).toBe(true);
    expect(runStage.some((l) => /^ENV .*\bNODE_ENV=production\b/.test(l))).toBe(true);
    const healthcheck = runStage.find((l) => l.startsWith('HEALTHCHECK '));
    expect(healthcheck).toContain('/livez');
  });

  it('sets only variables the config schema knows', () => {
    const names = runStage
      .filter((l) => l.startsWith('ENV '))
      .flatMap((l) => [...l.slice(4).matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1]!));
    expect(names.filter((n) => !known.has(n))).toEqual([]);
  });
});

describe('compose.yaml', () => {
  const text = read('compose.yaml');
  const compose = parseCompose(text);
  const services = compose.services;
  const ours = Object.entries(services).filter(([, s]) => s.image === 'storefront');
  const apis = ['api-1', 'api-2', 'api-3'];
  const workers = ['worker-1', 'worker-2'];

  it('has the load balancer, three API instances, two workers, a one-shot migration, PgBouncer, Postgres and Redis', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['api-1', 'api-2', 'api-3', 'lb', 'migrate', 'pgbouncer', 'postgres', 'redis', 'worker-1', 'worker-2'].sort(),
    );
    expect(services.migrate!.command).toEqual(['node', 'dist/cli.js', 'migrate', 'up']);
    for (const worker of workers) expect(services[worker]!.command).toEqual(['node', 'dist/worker.js']);
    for (const api of apis) {
      expect(services[api]!.environment!.RUN_WORKER).toBe('false');
      expect(services[api]!.command).toBeUndefined(); // the image's CMD: node dist/server.js
    }
    for (const name of [...apis, ...workers]) {
      expect(services[name]!.depends_on!.migrate!.condition).toBe('service_completed_successfully');
    }
  });

  it('sends queries through PgBouncer, and sessions (LISTEN, migrations) straight to Postgres', () => {
    for (const [name, service] of ours) {
      const env = service.environment!;
      expect(env.DATABASE_DIRECT_URL, name).toMatch(/@postgres:5432\//);
      expect(env.REDIS_URL, name).toBe('redis://redis:6379');
      expect(env.DATABASE_URL, name).toMatch(name === 'migrate' ? /@postgres:5432\// : /@pgbouncer:6432\//);
    }
  });

  it('publishes only the load balancer, on the loopback interface', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports?.length);
    expect(published.map(([name]) => name)).toEqual(['lb']);
    expect(services.lb!.ports).toHaveLength(1);
    expect(services.lb!.ports![0]).toMatch(/^127\.0\.0\.1:/);
  });

  it('names images CI has stand-ins for, or builds them', () => {
    const standIns = [...read('.ci/containers/setup.sh').matchAll(/^[A-Z]+_IMAGE=(\S+)/gm)].map((m) => m[1]!);
    const bases = [read('Dockerfile'), read('deploy/pgbouncer/Dockerfile')].flatMap((file) =>
      [...file.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]!),
    );
    const pulled = Object.values(services).flatMap((s) => (s.build ? [] : [s.image!]));
    expect([...bases, ...pulled].filter((image) => !standIns.includes(image))).toEqual([]);
  });

  it('gives the storefront containers only variables the config schema knows', () => {
    const names = new Set(ours.flatMap(([, s]) => Object.keys(s.environment ?? {})));
    // ${VAR} substitutions name variables too: they come from the operator's .env,
    // apart from the load balancer's published port, which is compose's own.
    for (const m of text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)) if (m[1] !== 'STOREFRONT_PORT') names.add(m[1]!);
    // CI's override (rate limits for the journeys) too.
    const ci = parseCompose(read('.ci/containers/compose.ci.yaml'));
    for (const service of Object.values(ci.services))
      for (const name of Object.keys(service.environment ?? {})) names.add(name);
    expect(ours.length).toBe(6);
    expect([...names].filter((n) => !known.has(n))).toEqual([]);
  });
});
