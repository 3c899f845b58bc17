// /livez answers without I/O; /readyz answers 200 only while the database
// answers, the queue runs, load is not being shed and shutdown has not begun.
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';

const test = appTest();

describe('GET /livez and GET /readyz', () => {
  test('are both 200 on a healthy server, and never rate limited', async ({ app }) => {
    for (let i = 0; i < 3; i += 1) {
      const live = await app.inject({ method: 'GET', url: '/livez' });
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'alive' });
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });
      expect(ready.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });

  test('once draining begins: /readyz is 503 problem+json saying so, /livez and the API still answer', async ({
    api,
    app,
  }) => {
    app.beginDrain(); // what server.ts does on SIGTERM
    const [ready, live, products] = await Promise.all([
      app.inject({ method: 'GET', url: '/readyz' }),
      app.inject({ method: 'GET', url: '/livez' }),
      api.GET('/products'),
    ]);
    expect(products.response.status).toBe(200);
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.json()).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      detail: 'Not ready: shutting down',
    });
    expect(live.statusCode).toBe(200);
  });
});
