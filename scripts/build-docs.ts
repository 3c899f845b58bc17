// `pnpm docs` (part of `pnpm build`): renders the contract with Redoc into
// server/dist/docs/index.html, which the server serves at /docs.
// Code samples (curl and @storefront/sdk) are generated here from the
// contract for every operation, never written by hand. The page embeds
// Redoc (--inlineBundle), so it loads nothing from the internet.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type ContractDocument, loadContract, loadDereferencedContract, operationsOf } from '@storefront/contract/load';
import { codeSamples } from './code-samples.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = `${root}server/dist/docs`;

const BLANK_SVG = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E';

/** The bundled contract (its `$ref`s kept for Redoc), each operation carrying its code samples. */
export async function contractWithSamples(): Promise<ContractDocument> {
  const contract = structuredClone(await loadContract());
  const dereferenced = await loadDereferencedContract();
  const bundled = new Map(operationsOf(contract).map((o) => [o.operationId, o.op]));
  for (const operation of operationsOf(dereferenced)) {
    bundled.get(operation.operationId)!['x-codeSamples'] = codeSamples(dereferenced, operation);
  }
  return contract;
}

export async function buildDocs(): Promise<void> {
  // Built in a folder of this process's own and moved into place at the end
  // (rename is atomic), so a server serving /docs, or another build running
  // at the same time (a test and the bench), never reads a half-written page.
  const work = `${out}/.build-${process.pid}`;
  mkdirSync(work, { recursive: true });
  writeFileSync(`${work}/openapi.json`, JSON.stringify(await contractWithSamples(), null, 2));
  const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));
  // Asynchronous, so the tests' global setup builds the migrated template meanwhile.
  const child = promisify(execFile)(
    redocly,
    [
      'build-docs',
      `${work}/openapi.json`,
      '--inlineBundle',
      '--title',
      'Storefront API',
      '-o',
      `${work}/index.html`,
      '--lint-config',
      'off',
      '--config',
      `${root}redocly.yaml`,
    ],
    { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  );
  const { stderr } = await child.catch((err: { stderr?: string }) => {
    process.stderr.write(err.stderr ?? '');
    throw err;
  });
  process.stderr.write(stderr);
  // Even the inline bundle points its "API docs by" badge at a CDN logo; swap
  // it for an inline image so the page makes no request off this server.
  // An inline favicon spares the browser a request for /favicon.ico.
  const html = readFileSync(`${work}/index.html`, 'utf8')
    .replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, BLANK_SVG)
    .replace('<head>', '<head><link rel="icon" href="data:,">');
  writeFileSync(`${work}/index.html`, html);
  renameSync(`${work}/openapi.json`, `${out}/openapi.json`);
  renameSync(`${work}/index.html`, `${out}/index.html`);
  rmSync(work, { recursive: true, force: true });
  console.log(`Docs written to ${out}/index.html`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildDocs();
