// /livez answers without I/O; /readyz answers 200 only while the database
// answers, the queue runs, load is not being shed and shutdown has not begun.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('GET /livez and GET /readyz', () => {
  it('are both 200 on a healthy server, and never rate limited', async () => {
    for (let i = 0; i < 3; i += 1) {
      const live = await t.app.inject({ method: 'GET', url: '/livez' });
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'alive' });
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });
      expect(ready.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });

  it('once draining begins: /readyz is 503 problem+json saying so, /livez and the API still answer', async () => {
    t.app.beginDrain(); // what server.ts does on SIGTERM
    const [ready, live, api] = await Promise.all([
      t.app.inject({ method: 'GET', url: '/readyz' }),
      t.app.inject({ method: 'GET', url: '/livez' }),
      t.api.get('/api/v1/products'),
    ]);
    expect(api.status).toBe(200);
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
