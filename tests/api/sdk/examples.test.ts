// The SDK's examples run against a live server, so the README's code cannot rot.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { liveServerTest } from '../../helpers/live-server.js';

const sdkDir = fileURLToPath(new URL('../../../sdk/', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const examples = readdirSync(new URL('examples/', `file://${sdkDir}`)).filter((f) => f.endsWith('.ts'));

const test = liveServerTest();
let env: Record<string, string>;
test.beforeAll(async ({ server }) => {
  const { sdk, user: admin } = await server.signedIn({ admin: true });
  await sdk.products.create({ name: 'Pencil', price: 1.5, stock: 100, category: 'stationery' });
  env = {
    STOREFRONT_URL: server.baseUrl,
    STOREFRONT_ADMIN_EMAIL: admin.email,
    STOREFRONT_ADMIN_PASSWORD: admin.password,
  };
});

test('has examples', () => {
  expect(examples).toEqual(expect.arrayContaining(['quickstart.ts', 'admin-catalogue.ts']));
});

test.each(examples)(
  'examples/%s runs to completion',
  async (file) => {
    // tsx resolves `@storefront/sdk` to src through sdk/tsconfig.json's paths.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [tsx, '--tsconfig', 'tsconfig.json', `examples/${file}`],
      {
        cwd: sdkDir,
        env: { ...process.env, ...env },
        timeout: 30_000,
      },
    );
    expect(stdout.length).toBeGreaterThan(0);
    if (file === 'quickstart.ts') expect(stdout).toMatch(/order \d+: completed/);
  },
  40_000,
);
