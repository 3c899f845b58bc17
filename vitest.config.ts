// Four projects (README "Tests"): `pnpm test` runs unit and
// api, `pnpm test:all` adds services and packages (the published SDK and React
// tarballs on the Node range they claim). Unit and api files run two at a time
// (most of an api file's time is waiting on timers, bcrypt and the queue),
// in workers that keep their loaded modules from file to file (each file
// builds its own app and database, so nothing else is shared; re-importing
// the server for every file was 40% of the run); services files, which time
// processes, outages and load, one at a time after them, each in a fresh
// process.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const PARALLEL = { maxWorkers: 2, isolate: false, sequence: { groupOrder: 0 } };
const ALONE = { maxWorkers: 1, sequence: { groupOrder: 1 } };

export default defineConfig({
  // Workspace packages import the SDK by name; tests run it from source, so
  // the SDK needs no build first and there is one copy of its error classes.
  resolve: { alias: { '@storefront/sdk': fileURLToPath(new URL('./sdk/src/index.ts', import.meta.url)) } },
  test: {
    pool: 'forks',
    reporters: process.env.JUNIT_FILE ? ['default', 'junit'] : ['default'],
    outputFile: { junit: process.env.JUNIT_FILE ?? '.artifacts/junit.xml' },
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000, ...PARALLEL },
      },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          ...PARALLEL,
        },
      },
      {
        test: {
          name: 'services',
          include: ['tests/services/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          ...ALONE,
        },
      },
      {
        test: {
          name: 'packages',
          include: ['tests/packages/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          ...ALONE,
        },
      },
    ],
  },
});
