// The published artefact: build, `npm pack`, install the tarball into a
// throwaway project, type-check a typed call against it and run it against
// the live server. Proves the package ships ESM + declarations and needs
// nothing but openapi-fetch at run time.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type LiveServer } from './live-server.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

let s: LiveServer;
let dir: string;
beforeAll(async () => {
  [s, dir] = await Promise.all([startServer(), mkdtemp(join(tmpdir(), 'storefront-sdk-pack-'))]);
});
afterAll(async () => {
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Type-checked only, with no Node types and skipLibCheck off: the shipped
// declarations must stand on their own, as in a browser project.
const typed = `import { createStorefront, NotFoundError, type Data } from '@storefront/sdk';

const sdk = createStorefront({ baseUrl: 'http://127.0.0.1:3000/api/v1' });
export const health: Data<'getHealth'> = await sdk.health.get();
// @ts-expect-error product ids are numbers: proves the types came with the package
await sdk.products.get('1');
export const product = await sdk.products.get(1);
export const price: number = product.price;
export const isNotFound = (e: unknown): boolean => e instanceof NotFoundError;
`;

// Run with plain Node against the live server.
const script = `import { createStorefront, NotFoundError } from '@storefront/sdk';

const sdk = createStorefront({ baseUrl: process.argv[2] });
const health = await sdk.health.get();
const missing = await sdk.products.get(2000000000).catch((e) => e);
console.log(JSON.stringify({ status: health.status, notFound: missing instanceof NotFoundError, requestId: typeof health.requestId }));
`;

it('packs, installs into a fresh project, type-checks and runs', async () => {
  await run('pnpm', ['--filter', '@storefront/sdk', 'build'], { cwd: root, timeout: 60_000 });
  await run('npm', ['pack', '--pack-destination', dir], { cwd: join(root, 'sdk'), timeout: 60_000 });
  const tarball = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
  expect(tarball).toMatch(/^storefront-sdk-[\d.]+\.tgz$/);

  const project = join(dir, 'consumer');
  await run('mkdir', ['-p', project]);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await writeFile(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, lib: ['ES2022', 'DOM'], types: [], noEmit: true, skipLibCheck: false }, files: ['main.ts'] }),
  );
  await writeFile(join(project, 'main.ts'), typed);
  await writeFile(join(project, 'main.mjs'), script);
  await run('npm', ['install', join(dir, tarball ?? ''), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, timeout: 120_000 });

  const installed = await readdir(join(project, 'node_modules'));
  expect(installed.sort()).toEqual(expect.arrayContaining(['@storefront', 'openapi-fetch']));

  const typecheck = await run(process.execPath, [tsc, '-p', project], { cwd: project, timeout: 60_000 }).catch((e: { stdout: string }) => e);
  expect(typecheck.stdout).toBe('');

  const { stdout } = await run(process.execPath, ['main.mjs', s.baseUrl], { cwd: project, timeout: 30_000 });
  expect(JSON.parse(stdout)).toEqual({ status: 'healthy', notFound: true, requestId: 'string' });
}, 240_000);
