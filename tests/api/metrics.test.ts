// GET /metrics: Prometheus text with requests and latency by operationId and
// status, DB pool usage, queue depth and outcomes and event-loop delay; not
// rate limited; off with METRICS_ENABLED=false; bearer-protected by METRICS_TOKEN.
import type { FastifyInstance } from 'fastify';
import { describe, expect } from 'vitest';
import { createProduct } from '../helpers/catalogue.js';
import { contract, findOperation } from '../helpers/contract.js';
import { appTest } from '../helpers/fixtures.js';
import { placeOrder, QUEUE_ENV, waitForOrder } from '../helpers/orders.js';

const scrape = async (app: FastifyInstance, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: '/metrics', headers });

const test = appTest({ ...QUEUE_ENV, RATE_LIMIT_ANON: '3' });
const disabledTest = appTest({ METRICS_ENABLED: 'false' });
const token = 'metrics-token-0123456789';
const tokenTest = appTest({ METRICS_TOKEN: token });

describe('GET /metrics', () => {
  test('is outside the contract, like /docs and /openapi.*', () => {
    expect(findOperation('GET', '/metrics')).toBeUndefined();
    expect(Object.keys(contract.paths as object)).not.toContain('/metrics');
  });

  test('exposes request counts and latency by operationId and status, pool, queue and event-loop metrics', async ({
    admin,
    api,
    app,
    user,
  }) => {
    const product = await createProduct(api, admin.token, { stock: 5 });
    const order = await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);
    await waitForOrder(api, user.token, order.id);
    await api.as(user.token).GET('/products/{product_id}', { params: { path: { product_id: 999999 } } });

    const res = await scrape(app);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toMatch(/^http_requests_total\{operation="createOrder",method="POST",status="201"\} 1$/m);
    expect(text).toMatch(/^http_requests_total\{operation="getProduct",method="GET",status="404"\} 1$/m);
    expect(text).toMatch(
      /^http_request_duration_seconds_bucket\{le="0\.1",operation="createOrder",method="POST",status="201"\} \d+$/m,
    );
    expect(text).toMatch(/^http_request_duration_seconds_count\{operation="login",method="POST",status="200"\} \d+$/m);
    expect(text).toMatch(/^db_pool_connections\{state="max"\} \d+$/m);
    expect(text).toMatch(/^job_queue_jobs\{queue="order-processing",state="completed"\} 1$/m);
    expect(text).toMatch(/^orders_by_status\{status="completed"\} 1$/m);
    expect(text).toMatch(/^metrics_database_scrape_ok 1$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds [\d.e-]+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  });

  test('is never rate limited', async ({ app }) => {
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push(
        (await app.inject({ method: 'GET', url: '/api/v1/products', remoteAddress: '127.0.0.9' })).statusCode,
      );
    expect(statuses).toContain(429);
    for (let i = 0; i < 6; i += 1)
      expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.9' })).statusCode).toBe(200);
  });
});

describe('METRICS_ENABLED / METRICS_TOKEN', () => {
  disabledTest('is absent (404 problem+json) when METRICS_ENABLED=false', async ({ app }) => {
    const res = await scrape(app);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  tokenTest('requires the bearer token when METRICS_TOKEN is set', async ({ app }) => {
    expect((await scrape(app)).statusCode).toBe(401);
    const wrong = await scrape(app, { authorization: 'Bearer nope' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
    const ok = await scrape(app, { authorization: `Bearer ${token}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('http_requests_total');
  });
});
