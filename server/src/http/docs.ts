// The reviewer docs (Redoc, built by `pnpm docs`) at /docs and the contract
// at /openapi.yaml and /openapi.json. With /metrics, these are the only
// routes outside the contract; they are not rate limited.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { stringify } from 'yaml';
import type { ContractDocument } from './contract.js';
import { securityHeaders } from './security-headers.js';

// Built by `pnpm build` (scripts/build-docs.ts) into the server's build output:
// server/dist/docs, the same path from src/http (tsx) and dist/http (node).
const docsPath = new URL('../../dist/docs/index.html', import.meta.url);

// Redoc renders with inline scripts and styles and runs a search worker from
// a blob: URL; this page alone gets a CSP that allows exactly that.
const DOCS_CSP = securityHeaders({
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'", "'unsafe-inline'", 'blob:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    workerSrc: ['blob:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
})['content-security-policy'];

export async function registerDocs(app: FastifyInstance, contract: ContractDocument): Promise<void> {
  // Rendered on the first request, not at start (about 80 ms): few clients ask for YAML.
  let yamlText: string | undefined;
  const json = JSON.stringify(contract);
  const noLimit = { rateLimit: false } as const;

  app.get('/docs', { config: noLimit }, async (_req, reply) => {
    const html = await readFile(docsPath, 'utf8').catch(() => undefined);
    if (!html) throw new AppError('SERVICE_UNAVAILABLE', 'The docs have not been built; run `pnpm build`');
    if (DOCS_CSP) reply.header('content-security-policy', DOCS_CSP);
    return reply.type('text/html; charset=utf-8').send(html);
  });
  app.get('/openapi.yaml', { config: noLimit }, async (_req, reply) => {
    yamlText ??= stringify(contract);
    return reply.type('application/yaml; charset=utf-8').send(yamlText);
  });
  app.get('/openapi.json', { config: noLimit }, async (_req, reply) =>
    reply.type('application/json; charset=utf-8').send(json),
  );
}
