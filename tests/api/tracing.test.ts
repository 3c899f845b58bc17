// Tracing: one trace covers the request that places an order, the job that
// processes it (its context travels in the job's data) and the SQL of both;
// log lines carry its trace id. Spans go to an in-memory exporter; the same
// test runs on PGlite and, with DATABASE_URL, on Postgres.
import { trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { loggerOptions } from '../../server/src/logging.js';
import { TEST_ENV } from '../helpers/app.js';
import { createProduct } from '../helpers/catalogue.js';
import { createTestClient, type TestClient } from '../helpers/test-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createAdmin, registerUser } from '../helpers/factories.js';
import { placeOrder, QUEUE_ENV, waitForOrder } from '../helpers/orders.js';
import { type ReadableSpan, recordSpans } from '../helpers/span-recorder.js';

const { exporter, provider } = recordSpans();

const logLines: Array<Record<string, unknown>> = [];
let app: FastifyInstance;
let api: TestClient;
let database: TestDatabase;

beforeAll(async () => {
  const config = loadConfig({ ...TEST_ENV, ...QUEUE_ENV, LOG_LEVEL: 'info' });
  database = await createTestDatabase({ tracing: true });
  const stream = { write: (line: string) => void logLines.push(JSON.parse(line)) };
  app = await buildApp({
    config,
    database: database.handle,
    tracing: true,
    logger: { ...loggerOptions(config), stream },
  });
  await app.ready();
  api = createTestClient(app);
}, 30_000);

afterAll(async () => {
  await app?.close();
  await database?.drop();
  await provider.shutdown();
});

const byId = (spans: ReadableSpan[]) => new Map(spans.map((s) => [s.spanContext().spanId, s]));
const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

/** Whether `span` descends from `ancestor` (following parents within `index`). */
function descends(span: ReadableSpan, ancestor: ReadableSpan, index: Map<string, ReadableSpan>): boolean {
  for (let id = parentOf(span); id; id = index.get(id) && parentOf(index.get(id)!)) {
    if (id === ancestor.spanContext().spanId) return true;
  }
  return false;
}

describe('tracing', () => {
  it('follows an order in one trace: the request, its SQL, the job that processes it and the job’s SQL', async () => {
    const admin = await createAdmin(api, database.handle.db);
    const user = await registerUser(api);
    const product = await createProduct(api, admin.token, { stock: 5 });
    exporter.reset();
    const order = await placeOrder(api, user.token, [{ product_id: product.id, quantity: 2 }]);
    expect((await waitForOrder(api, user.token, order.id)).data.status).toBe('completed');
    await provider.forceFlush();

    const spans = exporter.getFinishedSpans();
    const request = spans.find(
      (s) =>
        s.name === 'request' &&
        s.attributes['http.request.method'] === 'POST' &&
        s.attributes['url.path'] === '/api/v1/orders',
    );
    expect(request, 'the createOrder request span').toBeDefined();
    const traceId = request!.spanContext().traceId;
    const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
    const index = byId(inTrace);

    // The order, its items and its job are one statement of data-modifying CTEs.
    const insert = inTrace.find((s) => /\binsert into orders\b/.test(String(s.attributes['db.query.text'])));
    expect(insert, 'the INSERT of the order, under the request').toBeDefined();
    expect(descends(insert!, request!, index)).toBe(true);

    const job = inTrace.find((s) => s.name === 'process order-processing');
    expect(job, 'the job span, in the same trace').toBeDefined();
    expect(job!.attributes['order.ids']).toBe(String(order.id));
    expect(descends(job!, request!, index)).toBe(true);

    const takeStock = inTrace.find((s) =>
      /\bupdate products set stock = stock - t\.quantity/.test(String(s.attributes['db.query.text'])),
    );
    expect(takeStock, 'the stock update, under the job').toBeDefined();
    expect(descends(takeStock!, job!, index)).toBe(true);
    expect(takeStock!.attributes['db.system.name']).toBe('postgresql');

    // The context travelled with the job (pg-boss stores it), not through the process's memory.
    const jobRow = await sql<{ trace_context: { traceparent?: string } | null }>`
      select trace_context from pgboss.job where name = 'order-processing' and (data->>'orderId')::int = ${order.id}`.execute(
      database.handle.db,
    );
    expect(jobRow.rows[0]?.trace_context?.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    // The worker's log line for the order carries the trace id.
    const processed = logLines.find((l) => l.msg === 'order processed' && l.orderId === order.id);
    expect(processed).toMatchObject({ trace_id: traceId, requestId: expect.any(String) });
  });

  it("continues a caller's trace given in a traceparent header", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    exporter.reset();
    const { response } = await api.GET('/products', { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    expect(response.status).toBe(200);
    await provider.forceFlush();
    const request = exporter.getFinishedSpans().find((s) => s.name === 'request');
    expect(request?.spanContext().traceId).toBe(traceId);
    expect(trace.getActiveSpan()).toBeUndefined();
  });

  it('makes no spans for routes outside the contract (probes, metrics)', async () => {
    exporter.reset();
    await app.inject({ method: 'GET', url: '/livez' });
    await provider.forceFlush();
    expect(exporter.getFinishedSpans().filter((s) => s.name === 'request')).toEqual([]);
  });
});
