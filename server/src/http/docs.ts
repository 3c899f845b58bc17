// The reviewer docs (Redoc, built by `pnpm docs`) at /docs and the contract
// at /openapi.yaml and /openapi.json. With /metrics, these are the only
// routes outside the contract; they are not rate limited.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { type ContractDocument, contractPath } from './contract.js';

const docsPath = new URL('../../../docs-dist/index.html', import.meta.url);

// Redoc renders with inline scripts and styles and runs a search worker from
// a blob: URL; this page alone gets a CSP that allows exactly that.
const DOCS_CSP = {
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
};

export async function registerDocs(app: FastifyInstance, contract: ContractDocument): Promise<void> {
  const yamlText = await readFile(contractPath, 'utf8');
  const json = JSON.stringify(contract);
  const noLimit = { rateLimit: false } as const;

  app.get('/docs', { config: noLimit, helmet: { contentSecurityPolicy: DOCS_CSP } }, async (_req, reply) => {
    const html = await readFile(docsPath, 'utf8').catch(() => undefined);
    if (!html) throw new AppError('SERVICE_UNAVAILABLE', 'The docs have not been built; run `pnpm docs`');
    return reply.type('text/html; charset=utf-8').send(html);
  });
  app.get('/openapi.yaml', { config: noLimit }, async (_req, reply) => reply.type('application/yaml; charset=utf-8').send(yamlText));
  app.get('/openapi.json', { config: noLimit }, async (_req, reply) => reply.type('application/json; charset=utf-8').send(json));
}
