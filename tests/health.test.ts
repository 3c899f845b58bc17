import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('GET /health', () => {
  it('reports a healthy service and database with the API version', async () => {
    const res = await t.api.get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'healthy', database: 'healthy', version: '1.0.0' });
  });

  it('returns the request id in X-Request-Id, echoing a sane caller id', async () => {
    const res = await t.api.get('/api/v1/health', { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(res.headers['x-request-id']).toBe('trace-abc.123');
    const generated = await t.api.get('/api/v1/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is not rate limited', async () => {
    const res = await t.api.get('/api/v1/health');
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
  });
});
