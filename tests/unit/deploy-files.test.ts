// What can be checked of the container recipe without a container engine:
// the Dockerfile runs the commands the production-install test runs, as a
// non-root user, with the production entry point and a liveness healthcheck;
// compose.yaml parses, has the services the README describes, and gives the
// storefront containers only variables the config schema knows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../server/src/config.schema.js';
import { BUILD_COMMANDS } from '../helpers/deploy.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const known = new Set(Object.keys(configSchema.properties));

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
  const compose = parse(text, { merge: true }) as {
    services: Record<
      string,
      {
        image?: string;
        build?: unknown;
        command?: string[];
        environment?: Record<string, string>;
        depends_on?: Record<string, { condition: string }>;
      }
    >;
  };
  const ours = Object.entries(compose.services).filter(([, s]) => s.image === 'storefront');

  it('has Postgres, Redis, a one-shot migration, two API instances without workers and one worker', () => {
    const services = compose.services;
    expect(Object.keys(services).sort()).toEqual(['api-1', 'api-2', 'migrate', 'postgres', 'redis', 'worker']);
    expect(services.migrate!.command).toEqual(['node', 'dist/cli.js', 'migrate', 'up']);
    expect(services.worker!.command).toEqual(['node', 'dist/worker.js']);
    for (const api of ['api-1', 'api-2']) {
      expect(services[api]!.environment!.RUN_WORKER).toBe('false');
      expect(services[api]!.command).toBeUndefined(); // the image's CMD: node dist/server.js
      expect(services[api]!.depends_on!.migrate!.condition).toBe('service_completed_successfully');
    }
    for (const [, service] of ours) {
      expect(service.environment!.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(service.environment!.REDIS_URL).toBe('redis://redis:6379');
    }
  });

  it('gives the storefront containers only variables the config schema knows', () => {
    const names = new Set(ours.flatMap(([, s]) => Object.keys(s.environment ?? {})));
    // ${VAR} substitutions name variables too: they come from the operator's .env.
    for (const m of text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)) names.add(m[1]!);
    expect(ours.length).toBe(4);
    expect([...names].filter((n) => !known.has(n))).toEqual([]);
  });
});
