// System 3, the same-schema baseline for getProduct: everything this server
// runs for a request (same Fastify options, logger, request ids, error
// handling, validation compiler, security headers, rate limit, metrics, load
// shedding) and one hand-written route carrying the contract's JSON schemas
// for getProduct and the server's own Kysely query, but no contract-first
// layer (no fastify-openapi-glue). The gap to the server is what that layer costs.
import { randomUUID } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import { loadDereferencedContract, operationsOf } from '@storefront/contract/load';
import Fastify from 'fastify';
import { loadConfig } from '@storefront/server/config';
import { connectDatabase } from '@storefront/server/db/connect';
import { AppError, notFound } from '@storefront/server/errors';
import { etagOf } from '@storefront/server/etag';
import { registerErrorHandling } from '@storefront/server/http/error-handler';
import { registerMetrics } from '@storefront/server/http/metrics-endpoint';
import { registerRateLimit } from '@storefront/server/http/rate-limit';
import { registerSecurityHeaders } from '@storefront/server/http/security-headers';
import { createValidatorCompiler } from '@storefront/server/http/validation';
import { findProduct, toProduct } from '@storefront/server/products/repository';

const config = loadConfig();
const database = await connectDatabase(config);
const contract = await loadDereferencedContract();
const getProduct = operationsOf(contract).find((o) => o.operationId === 'getProduct')!;
type Responses = Record<string, { content?: Record<string, { schema: unknown }> }>;
// getProduct's product_id is declared on its path item; the loader merges both lists.
const pathParams = getProduct.parameters.filter((p) => p.in === 'path');
const schema = {
  params: {
    type: 'object',
    required: pathParams.map((p) => p.name),
    properties: Object.fromEntries(pathParams.map((p) => [p.name, p.schema])),
  },
  response: Object.fromEntries(
    Object.entries(getProduct.op.responses as Responses).flatMap(([status, r]) => {
      const content = r.content && Object.values(r.content)[0];
      return content ? [[status, content.schema]] : [];
    }),
  ),
};

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const app = Fastify({
  logger: { level: config.logLevel },
  bodyLimit: 1024 * 1024,
  requestTimeout: config.httpRequestTimeoutMs,
  http: { headersTimeout: config.httpHeadersTimeoutMs, connectionsCheckingInterval: 1_000 },
  connectionTimeout: 60_000,
  keepAliveTimeout: 5_000,
  return503OnClosing: true,
  genReqId: (req) => {
    const incoming = req.headers['x-request-id'];
    return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  },
});
app.setValidatorCompiler(createValidatorCompiler());
app.decorateRequest('accessClaims', null);
app.addHook('onRequest', async (req, reply) => {
  reply.header('x-request-id', req.id);
});
registerErrorHandling(app);
await app.register(underPressure, {
  maxEventLoopDelay: config.maxEventLoopDelayMs,
  maxHeapUsedBytes: config.maxHeapUsedBytes || Math.floor(getHeapStatistics().heap_size_limit * 0.9),
  sampleInterval: 500,
  pressureHandler: async () => {
    throw new AppError('SERVICE_UNAVAILABLE', 'overloaded', undefined, { 'retry-after': '5' });
  },
});
registerMetrics(app, { config, database });
await registerSecurityHeaders(app, config);
await registerRateLimit(app, config, undefined);

app.get<{ Params: { product_id: number } }>('/api/v1/products/:product_id', { schema }, async (req, reply) => {
  const id = req.params.product_id;
  const row = await findProduct(database.db, id);
  if (!row) throw notFound(`Product ${id}`);
  reply.header('etag', etagOf('p', row.id, row.version));
  return toProduct(row);
});
app.get('/api/v1/health', async () => ({ status: 'healthy', database: 'healthy', version: contract.info.version }));

await app.listen({ port: config.port, host: config.host });
