// @storefront/react as a consumer gets it: `pnpm pack` (which builds, and
// turns the workspace dependency on the SDK into a version range) beside the
// SDK's tarball, installed with React, react-dom and TanStack Query into a
// fresh project, then run by Node, the lowest version engines claim (from the
// npm registry: helpers/lowest-node.ts) and the project's own: the ESM and
// CommonJS builds load, a query fetches from the live server and a component
// renders on the server (React's server rendering is what runs on Node).
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
const manifest = (name: string) => readFile(join(root, name, 'package.json'), 'utf8').then((t) => JSON.parse(t));

let s: LiveServer;
let dir: string;
let project: string;
let nodes: NodeBinary[];

beforeAll(async () => {
  let lowest: NodeBinary;
  [s, dir, lowest] = await Promise.all([
    startServer(),
    mkdtemp(join(tmpdir(), 'storefront-react-pack-')),
    lowestNode(join(root, 'react/package.json')),
  ]);
  nodes = [lowest, { version: process.versions.node, path: process.execPath }];
  await run('npm', ['pack', '--pack-destination', dir], { cwd: join(root, 'sdk'), timeout: 120_000 });
  await run('pnpm', ['pack', '--pack-destination', dir], { cwd: join(root, 'react'), timeout: 120_000 });
  const tarballs = (await readdir(dir)).filter((f) => f.endsWith('.tgz')).map((f) => join(dir, f));
  project = join(dir, 'consumer');
  await mkdir(project);
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'react-consumer', private: true, type: 'module' }),
  );
  await writeFile(join(project, 'render.mjs'), render);
  await writeFile(join(project, 'require.cjs'), requireIt);
  await run(
    'npm',
    [
      'install',
      ...tarballs,
      'react@19',
      'react-dom@19',
      '@tanstack/react-query@5',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    { cwd: project, timeout: 240_000 },
  );
}, 600_000);

afterAll(async () => {
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const render = `import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createStorefront } from '@storefront/sdk';
import { StorefrontProvider, storefrontQueries, useAuth } from '@storefront/react';

const sdk = createStorefront({ baseUrl: process.argv[2] });
const queryClient = new QueryClient();
const health = await queryClient.fetchQuery(storefrontQueries.getHealth(sdk));
function Status() {
  return h('p', null, useAuth().status);
}
const html = renderToString(
  h(QueryClientProvider, { client: queryClient }, h(StorefrontProvider, { client: sdk }, h(Status))),
);
console.log(JSON.stringify({ health: health.status, html }));
`;

const requireIt = `const react = require('@storefront/react');
console.log(JSON.stringify({ useAuth: typeof react.useAuth, useCreateOrder: typeof react.useCreateOrder }));
`;

describe('the @storefront/react tarball in a consumer project', () => {
  it('claims the same Node range as the SDK it is built on', async () => {
    expect((await manifest('react')).engines).toEqual((await manifest('sdk')).engines);
  });

  it('fetches through its queries and renders on the server, on the lowest Node it claims and on this one', async () => {
    for (const node of nodes) {
      const { stdout } = await run(node.path, ['render.mjs', s.baseUrl], { cwd: project, timeout: 30_000 });
      expect(JSON.parse(stdout), `Node ${node.version}`).toEqual({ health: 'healthy', html: '<p>loading</p>' });
    }
  });

  it('loads with require() on the lowest Node it claims and on this one', async () => {
    for (const node of nodes) {
      const { stdout } = await run(node.path, ['require.cjs'], { cwd: project, timeout: 30_000 });
      expect(JSON.parse(stdout), `Node ${node.version}`).toEqual({ useAuth: 'function', useCreateOrder: 'function' });
    }
  });
});
