import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { contract } from '../helpers/contract.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('GET /health', () => {
  it("reports a healthy service and database with the contract's API version", async () => {
    const { data, response } = await t.api.GET('/health');
    expect(response.status).toBe(200);
    const version = (contract.info as { version: string }).version;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(data).toEqual({ status: 'healthy', database: 'healthy', version });
  });

  it('returns the request id in X-Request-Id, echoing a sane caller id', async () => {
    const { response } = await t.api.GET('/health', { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-abc.123');
    const generated = await t.api.GET('/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is not rate limited', async () => {
    const { response } = await t.api.GET('/health');
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
  });
});
