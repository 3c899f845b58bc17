import type { FastifyInstance } from 'fastify';
// OWASP API8 (security misconfiguration) and API9 (improper inventory).
import { describe, expect } from 'vitest';
import { appTest } from '../../helpers/fixtures.js';
import { allOperations } from '../../helpers/contract.js';

const test = appTest({ CORS_ORIGINS: 'https://shop.example' });

describe('security headers', () => {
  test('are on every kind of response, with no X-Powered-By', async ({ api, user }) => {
    // Every kind: success, 401, 404, a malformed body and the pages outside /api/v1, so through send.
    const responses = await Promise.all([
      api.send('GET', '/api/v1/health'),
      api.as(user.token).send('GET', '/api/v1/auth/me'),
      api.send('GET', '/api/v1/auth/me'),
      api.send('GET', '/api/v1/nowhere'),
      api.send('POST', '/api/v1/auth/login', { payload: '{bad', headers: { 'content-type': 'application/json' } }),
      api.send('GET', '/docs'),
      api.send('GET', '/openapi.json'),
    ]);
    for (const { headers } of responses) {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(headers.get('strict-transport-security')).not.toBeNull();
      expect(headers.get('x-frame-options')).not.toBeNull();
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });

  test('gives the API a deny-all CSP and /docs only what Redoc needs', async ({ api }) => {
    const health = await api.GET('/health');
    expect(health.response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const docs = (await api.send('GET', '/docs')).headers.get('content-security-policy') ?? '';
    expect(docs).toContain('worker-src blob:');
    expect(docs).not.toMatch(/https?:/);
  });
});

describe('CORS', () => {
  test('answers an allowed origin, with the headers the SDK needs', async ({ api, app }) => {
    const res = await app.inject({
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
    const { response } = await api.GET('/health', { headers: { origin: 'https://shop.example' } });
    expect(response.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    expect(response.headers.get('access-control-expose-headers')).toContain('Preference-Applied');
  });

  test('ignores any other origin', async ({ api }) => {
    const { response } = await api.GET('/health', { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('inventory', () => {
  /** Every method + path the server registered, from Fastify's route tree. */
  function registeredRoutes(app: FastifyInstance): string[] {
    const tree = app.printRoutes({ commonPrefix: false });
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

  test('registers nothing that is not in the contract, besides the docs, the contract, metrics, probes and CORS preflight', ({
    app,
  }) => {
    const declared = new Set(allOperations.map((o) => `${o.method} /api/v1${o.path.replace(/\{([^}]+)\}/g, ':$1')}`));
    const extras = registeredRoutes(app).filter((r) => !declared.has(r));
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
    const registered = new Set(registeredRoutes(app));
    expect([...declared].filter((r) => !registered.has(r))).toEqual([]);
  });
});
