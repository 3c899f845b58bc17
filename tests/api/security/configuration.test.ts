// OWASP API8 (security misconfiguration) and API9 (improper inventory).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { allOperations } from '../../helpers/contract.js';
import { registerUser } from '../../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ CORS_ORIGINS: 'https://shop.example' });
});
afterAll(() => t.close());

describe('security headers', () => {
  it('are on every kind of response, with no X-Powered-By', async () => {
    const user = await registerUser(t.api);
    const responses = await Promise.all([
      t.api.get('/api/v1/health'),
      t.api.get('/api/v1/auth/me', { token: user.token }),
      t.api.get('/api/v1/auth/me'),
      t.api.get('/api/v1/nowhere'),
      t.api.post('/api/v1/auth/login', { payload: '{bad', headers: { 'content-type': 'application/json' } }),
      t.api.get('/docs'),
      t.api.get('/openapi.json'),
    ]);
    for (const res of responses) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['x-frame-options']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('gives the API a deny-all CSP and /docs only what Redoc needs', async () => {
    expect((await t.api.get('/api/v1/health')).headers['content-security-policy']).toContain("default-src 'none'");
    const docs = (await t.api.get('/docs')).headers['content-security-policy'] as string;
    expect(docs).toContain('worker-src blob:');
    expect(docs).not.toMatch(/https?:/);
  });
});

describe('CORS', () => {
  it('answers an allowed origin, with the headers the SDK needs', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/orders',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,idempotency-key',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('idempotency-key');
    // createAndWait long-polls getOrder with Prefer: wait and reads Preference-Applied.
    expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('prefer');
    const get = await t.api.get('/api/v1/health', { headers: { origin: 'https://shop.example' } });
    expect(String(get.headers['access-control-expose-headers'])).toContain('X-Request-Id');
    expect(String(get.headers['access-control-expose-headers'])).toContain('Preference-Applied');
  });

  it('ignores any other origin', async () => {
    const res = await t.api.get('/api/v1/health', { headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('inventory', () => {
  /** Every method + path the server registered, from Fastify's route tree. */
  function registeredRoutes(): string[] {
    const tree = t.app.printRoutes({ commonPrefix: false });
    const stack: string[] = [];
    const routes: string[] = [];
    for (const line of tree.split('\n')) {
      const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
      if (!m) continue;
      const depth = m[1]!.length / 4;
      stack.length = depth;
      stack.push(m[2]!);
      for (const method of m[3]!.split(', ')) if (method !== 'HEAD') routes.push(`${method} ${stack.join('')}`);
    }
    return routes;
  }

  it('registers nothing that is not in the contract, besides the docs, the contract, metrics, probes and CORS preflight', () => {
    const declared = new Set(allOperations.map((o) => `${o.method} /api/v1${o.path.replace(/\{([^}]+)\}/g, ':$1')}`));
    const extras = registeredRoutes().filter((r) => !declared.has(r));
    const allowed = [
      'GET /docs',
      'GET /openapi.json',
      'GET /openapi.yaml',
      'GET /metrics',
      'GET /livez',
      'GET /readyz',
      'OPTIONS *',
    ];
    expect(extras.filter((r) => !allowed.includes(r))).toEqual([]);
    // And everything the contract declares is registered.
    const registered = new Set(registeredRoutes());
    expect([...declared].filter((r) => !registered.has(r))).toEqual([]);
  });
});
