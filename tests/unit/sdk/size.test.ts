// The SDK and the React layer stay thin: their own code (without openapi-fetch,
// react and TanStack Query) keeps to a size budget.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('keeps the SDK and React layer own code within their gzipped size budgets', async () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const tsx = fileURLToPath(new URL('node_modules/tsx/dist/cli.mjs', `file://${root}`));
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, 'scripts/sdk-size.ts', '--budget'], {
    cwd: root,
    timeout: 30_000,
  });
  expect(stdout).toMatch(/sdk own code: .* min\+gzip/);
  expect(stdout).toMatch(/react own code: .* min\+gzip/);
}, 40_000);
