// The published artefact: `npm pack` (which builds), then the tarball as a
// consumer gets it. Checks what it contains, runs publint and
// arethetypeswrong over it, installs it into a fresh ESM project and a fresh
// CommonJS project (`"type": "commonjs"`, as `npm init` makes), type-checks
// both with the lowest supported TypeScript and the current one, and runs
// both with plain Node against the live server: `import` and `require()`
// work, and tsc agrees with node about it. Node runs them twice: the lowest
// version package.json's engines claim (from the npm registry:
// helpers/lowest-node.ts) and the project's own.
//
// This file spawns npm, tsc and node several times (about a minute): the
// packages layer holds it so `pnpm test` stays quick.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type LiveServer } from '../helpers/live-server.js';
import { lowestNode, type NodeBinary } from '../helpers/lowest-node.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (path: string) => join(root, 'node_modules', path);
/** The TypeScript versions the declarations are checked with: the lowest supported (README) and the current one. */
const compilers = { lowest: bin('typescript-lowest/bin/tsc'), current: bin('typescript/bin/tsc') };

let s: LiveServer;
let dir: string;
let tarball: string;
/** The Nodes consumers run the package on: the lowest it claims, and this one. */
let nodes: NodeBinary[];
beforeAll(async () => {
  let lowest: NodeBinary;
  [s, dir, lowest] = await Promise.all([
    startServer(),
    mkdtemp(join(tmpdir(), 'storefront-sdk-pack-')),
    lowestNode(join(root, 'sdk/package.json')),
  ]);
  nodes = [lowest, { version: process.versions.node, path: process.execPath }];
  await run('npm', ['pack', '--pack-destination', dir], { cwd: join(root, 'sdk'), timeout: 120_000 });
  const name = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
  tarball = join(dir, name ?? 'missing.tgz');
  await run('tar', ['xzf', tarball, '-C', dir]); // -> dir/package
}, 420_000);
afterAll(async () => {
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs a command; resolves with its output whether it succeeded or not. */
async function outcome(file: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

async function consumer(name: string, type: 'module' | 'commonjs', files: Record<string, string>): Promise<string> {
  const project = join(dir, name);
  await mkdir(project, { recursive: true });
  await writeFile(join(project, 'package.json'), JSON.stringify({ name, private: true, type }));
  await writeFile(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        // No Node types and skipLibCheck off: the shipped declarations stand on their own, as in a browser project.
        lib: ['ES2022', 'DOM'],
        types: [],
        skipLibCheck: false,
        outDir: 'out',
      },
      files: ['main.ts'],
    }),
  );
  for (const [file, text] of Object.entries(files)) await writeFile(join(project, file), text);
  await run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: project,
    timeout: 120_000,
  });
  return project;
}

describe('the tarball', () => {
  it('ships both builds with source maps, the licence, the changelog and the package metadata', async () => {
    const pkg = join(dir, 'package');
    const manifest = JSON.parse(await readFile(join(pkg, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ license: 'MIT', sideEffects: false });
    expect(manifest.repository?.url).toBeUndefined(); // no URL that does not exist
    const files = (await readdir(pkg, { recursive: true })).map(String);
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'CHANGELOG.md',
        'README.md',
        'dist/esm/index.js',
        'dist/esm/index.js.map',
        'dist/esm/index.d.ts',
        'dist/esm/contract.d.ts',
        'dist/cjs/index.js',
        'dist/cjs/index.js.map',
        'dist/cjs/index.d.ts',
        'dist/cjs/package.json',
      ]),
    );
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('scripts/'))).toBe(false);
    expect(await readFile(join(pkg, 'LICENSE'), 'utf8')).toContain('MIT License');
    // The maps carry their sources, since src/ is not shipped.
    const map = JSON.parse(await readFile(join(pkg, 'dist/esm/errors.js.map'), 'utf8'));
    expect(map.sourcesContent?.[0]).toContain('class StorefrontError');
    // Self-contained: nothing names the workspace-only contract package.
    for (const file of files.filter((f) => f.endsWith('.d.ts'))) {
      expect(await readFile(join(pkg, file), 'utf8'), file).not.toContain('@storefront/contract');
    }
  });

  it('publint finds nothing to report', async () => {
    const result = await outcome(
      process.execPath,
      [bin('publint/src/cli.js'), join(dir, 'package'), '--pack', 'false', '--strict'],
      root,
    );
    expect(result.output).toContain('All good');
    expect(result.code).toBe(0);
  });

  it('arethetypeswrong finds no problem for node10, node16 from CJS and from ESM, and bundlers', async () => {
    const result = await outcome(
      process.execPath,
      [bin('@arethetypeswrong/cli/dist/index.js'), tarball, '--format', 'json'],
      root,
    );
    const report = JSON.parse(result.output) as {
      analysis: { problems: unknown[] };
      problems: Record<string, unknown[]>;
    };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.values(report.problems).flat()).toEqual([]);
    expect(result.output).toContain('"node16-cjs"'); // the CommonJS resolution was analysed
    expect(result.code).toBe(0);
  });
});

const esmMain = `import { createStorefront, NotFoundError, type Data, type Product } from '@storefront/sdk';

const sdk = createStorefront({ baseUrl: String(globalThis.location ?? 'http://127.0.0.1:1/api/v1') });
export const health: Data<'getHealth'> = await sdk.health.get();
// @ts-expect-error product ids are numbers: proves the types came with the package
await sdk.products.get('1');
export const product: Product = await sdk.products.get(1);
export const price: number = product.price;
export const isNotFound = (e: unknown): boolean => e instanceof NotFoundError;
`;

const esmRun = `import { createStorefront, NotFoundError } from '@storefront/sdk';

const sdk = createStorefront({ baseUrl: process.argv[2] });
const health = await sdk.health.get();
const missing = await sdk.products.get(2000000000).catch((e) => e);
console.log(JSON.stringify({ status: health.status, notFound: missing instanceof NotFoundError, requestId: typeof health.requestId }));
`;

// Compiled by tsc to require() calls and run by node: the two must agree.
const cjsMain = `import { createStorefront, NotFoundError, type Product } from '@storefront/sdk';

declare const process: { argv: string[] };
declare const console: { log(text: string): void };

async function main(): Promise<void> {
  const sdk = createStorefront({ baseUrl: process.argv[2] ?? '' });
  const health = await sdk.health.get();
  // @ts-expect-error product ids are numbers: the CommonJS declarations are the real ones
  void sdk.products.get('1').catch(() => undefined);
  const missing: unknown = await sdk.products.get(2000000000).then((p: Product) => p, (e: unknown) => e);
  console.log(JSON.stringify({ status: health.status, notFound: missing instanceof NotFoundError, requestId: typeof health.requestId }));
}
void main();
`;

const cjsRequire = `const { createStorefront, NotFoundError } = require('@storefront/sdk');
const sdk = createStorefront({ baseUrl: process.argv[2] });
sdk.products.get(2000000000).catch((e) => console.log(JSON.stringify({ notFound: e instanceof NotFoundError })));
`;

const expected = { status: 'healthy', notFound: true, requestId: 'string' };

describe('consumers', () => {
  it('an ESM project type-checks with the lowest supported and the current TypeScript, and runs', async () => {
    const project = await consumer('esm-consumer', 'module', { 'main.ts': esmMain, 'run.mjs': esmRun });
    expect((await readdir(join(project, 'node_modules'))).sort()).toEqual(
      expect.arrayContaining(['@storefront', 'openapi-fetch']),
    );
    for (const [version, tsc] of Object.entries(compilers)) {
      const result = await outcome(process.execPath, [tsc, '-p', project, '--noEmit'], project);
      expect(result.output, version).toBe('');
    }
    for (const node of nodes) {
      const { stdout } = await run(node.path, ['run.mjs', s.baseUrl], { cwd: project, timeout: 30_000 });
      expect(JSON.parse(stdout), `Node ${node.version}`).toEqual(expected);
    }
  }, 240_000);

  it('a "type": "commonjs" project with module nodenext: tsc accepts the import, node runs the require() it emits', async () => {
    const project = await consumer('cjs-consumer', 'commonjs', { 'main.ts': cjsMain, 'plain.cjs': cjsRequire });
    const lowest = await outcome(process.execPath, [compilers.lowest, '-p', project, '--noEmit'], project);
    expect(lowest.output).toBe('');
    const current = await outcome(process.execPath, [compilers.current, '-p', project], project);
    expect(current.output).toBe('');
    expect(await readFile(join(project, 'out/main.js'), 'utf8')).toContain('require("@storefront/sdk")');
    for (const node of nodes) {
      const { stdout } = await run(node.path, ['out/main.js', s.baseUrl], { cwd: project, timeout: 30_000 });
      expect(JSON.parse(stdout), `Node ${node.version}`).toEqual(expected);
      const plain = await run(node.path, ['plain.cjs', s.baseUrl], { cwd: project, timeout: 30_000 });
      expect(JSON.parse(plain.stdout), `Node ${node.version}`).toEqual({ notFound: true });
    }
  }, 240_000);
});
