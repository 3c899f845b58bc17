import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';
import { contract } from '../helpers/contract.js';

const test = appTest();

describe('GET /health', () => {
  test("reports a healthy service and database with the contract's API version", async ({ api }) => {
    const { data, response } = await api.GET('/health');
    expect(response.status).toBe(200);
    const version = (contract.info as { version: string }).version;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(data).toEqual({ status: 'healthy', database: 'healthy', version });
  });

  test('returns the request id in X-Request-Id, echoing a sane caller id', async ({ api }) => {
    const { response } = await api.GET('/health', { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-abc.123');
    const generated = await api.GET('/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('is not rate limited', async ({ api }) => {
    const { response } = await api.GET('/health');
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
  });
});
