// A known path with a method it does not serve is 405 with `Allow` (RFC 9110
// §15.5.6), not 404; OPTIONS, with CORS off, answers 204 with `Allow`.
import { describe, expect } from 'vitest';
import { appTest } from '../../helpers/fixtures.js';

const test = appTest();

describe('methods', () => {
  test.for([
    ['DELETE', '/api/v1/products', 'GET, HEAD, POST'],
    ['PUT', '/api/v1/auth/login', 'POST'],
    ['POST', '/api/v1/products/1', 'DELETE, GET, HEAD, PATCH, PUT'],
    ['GET', '/api/v1/orders/1/status', 'PATCH, PUT'],
    ['PATCH', '/api/v1/health', 'GET, HEAD'],
  ])('%s %s is 405 with Allow: %s', async ([method, url, allow], { api }) => {
    const res = await api.send(method, url);
    expect(res.status).toBe(405);
    expect(res.body).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('allow')).toBe(allow);
  });

  test('answers a known path with a trailing slash as an unknown one (404), not with a 405 naming its own method', async ({
    api,
  }) => {
    for (const [method, url] of [
      ['GET', '/api/v1/health/'],
      ['GET', '/api/v1/products/1/'],
      ['DELETE', '/api/v1/products/1/'],
    ] as const) {
      const res = await api.send(method, url);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  test('keeps 404 for paths that do not exist', async ({ api }) => {
    const res = await api.send('DELETE', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('answers OPTIONS on a known path with 204 and Allow, without CORS headers', async ({ api }) => {
    const res = await api.send('OPTIONS', '/api/v1/products/7');
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBe('DELETE, GET, HEAD, OPTIONS, PATCH, PUT');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.text).toBe('');
  });
});
