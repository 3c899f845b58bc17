import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: process.env.JUNIT_FILE ? ['default', 'junit'] : ['default'],
    outputFile: { junit: process.env.JUNIT_FILE ?? '.artifacts/junit.xml' },
  },
});
