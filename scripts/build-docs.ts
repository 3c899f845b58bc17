// `pnpm docs`: renders the contract with Redoc into docs-dist/index.html.
// Code samples (curl and @storefront/sdk) are generated here from the
// contract for every operation, never written by hand. The page embeds
// Redoc (--inlineBundle), so it loads nothing from the internet.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { codeSamples, type Operation } from './code-samples.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = `${root}docs-dist`;

type Json = Record<string, any>;
const BLANK_SVG = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E';

export function contractWithSamples(): Json {
  const contract = parse(readFileSync(`${root}openapi/openapi.yaml`, 'utf8')) as Json;
  for (const [path, item] of Object.entries<Json>(contract.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      if (method === 'parameters') continue;
      op['x-codeSamples'] = codeSamples(contract, { path, method, op, pathParameters: item.parameters ?? [] } as Operation);
    }
  }
  return contract;
}

export function buildDocs(): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/openapi.json`, JSON.stringify(contractWithSamples(), null, 2));
  const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));
  execFileSync(
    redocly,
    ['build-docs', `${out}/openapi.json`, '--inlineBundle', '--title', 'Storefront API', '-o', `${out}/index.html`, '--lint-config', 'off', '--config', `${root}redocly.yaml`],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  );
  // Even the inline bundle points its "API docs by" badge at a CDN logo; swap
  // it for an inline image so the page makes no request off this server.
  // An inline favicon spares the browser a request for /favicon.ico.
  const html = readFileSync(`${out}/index.html`, 'utf8')
    .replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, BLANK_SVG)
    .replace('<head>', '<head><link rel="icon" href="data:,">');
  writeFileSync(`${out}/index.html`, html);
  console.log(`Docs written to ${out}/index.html`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildDocs();
