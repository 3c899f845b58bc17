// TRUST_PROXY: behind a trusted proxy the client address comes from
// X-Forwarded-For, so rate limits, the per-address login limit and the access
// log see each client; from any other peer the header is ignored, so a client
// cannot pick its own address by sending one. An IPv6 client is limited by its
// network (RATE_LIMIT_IPV6_PREFIX, /64 by default), as it may use any address in it.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { TEST_ENV } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { PASSWORD, registerUser } from '../helpers/factories.js';
import { createTestClient, type TestClient } from '../helpers/test-client.js';

const PROXY = '10.0.0.5';
const LIMITS = { RATE_LIMIT_ANON: '3', RATE_LIMIT_AUTH: '2', RATE_LIMIT_USER: '1000', LOG_LEVEL: 'info' };

interface Instance {
  api: TestClient;
  logLines: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

async function start(env: Record<string, string>, database: TestDatabase): Promise<Instance> {
  const logLines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({ ...TEST_ENV, ...LIMITS, ...env });
  const app = await buildApp({ config, database: database.handle, logger: { level: 'info', stream } });
  await app.ready();
  return { api: createTestClient(app), logLines, close: () => app.close() };
}

let database: TestDatabase;
let trusting: Instance;
let plain: Instance;
let wide: Instance;
beforeAll(async () => {
  database = await createTestDatabase();
  trusting = await start({ TRUST_PROXY: '10.0.0.0/8' }, database);
  plain = await start({}, database);
  wide = await start({ TRUST_PROXY: '10.0.0.0/8', RATE_LIMIT_IPV6_PREFIX: '48' }, database);
});
afterAll(async () => {
  await trusting?.close();
  await plain?.close();
  await wide?.close();
  await database?.drop();
});

const listProducts = (api: TestClient, remoteAddress: string, forwardedFor?: string) =>
  api.from(remoteAddress).GET('/products', {
    ...(forwardedFor !== undefined && { headers: { 'x-forwarded-for': forwardedFor } }),
  });

async function statuses(n: number, call: () => Promise<{ response: Response }>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) out.push((await call()).response.status);
  return out;
}

describe('with TRUST_PROXY naming the proxy', () => {
  it('gives each client behind the proxy its own anonymous budget', async () => {
    expect(await statuses(4, () => listProducts(trusting.api, PROXY, '198.51.100.1'))).toEqual([200, 200, 200, 429]);
    // Another client through the same proxy is not affected.
    expect((await listProducts(trusting.api, PROXY, '198.51.100.2')).response.status).toBe(200);
  });

  it('takes the address the proxy saw, not one the client prepended', async () => {
    const spoofs = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'];
    const got = await statuses(4, async () => listProducts(trusting.api, PROXY, `${spoofs.pop()}, 198.51.100.3`));
    expect(got).toEqual([200, 200, 200, 429]);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    let n = 0;
    const got = await statuses(4, () => listProducts(trusting.api, '203.0.113.7', `198.51.100.${100 + n++}`));
    expect(got).toEqual([200, 200, 200, 429]);
  });

  it('limits login attempts per client address, not per proxy', async () => {
    const user = await registerUser(trusting.api, {});
    const attempt = (client: string) =>
      trusting.api.from(PROXY).POST('/auth/login', {
        headers: { 'x-forwarded-for': client },
        body: { email: user.email, password: PASSWORD },
      });
    expect(await statuses(3, () => attempt('198.51.100.20'))).toEqual([200, 200, 429]);
    expect((await attempt('198.51.100.21')).response.status).toBe(200);
  });

  it('logs one access line per request with the client address, operation, status, duration, request id and user', async () => {
    const user = await registerUser(trusting.api, {});
    trusting.logLines.length = 0;
    const { response } = await trusting.api
      .as(user.token)
      .from(PROXY)
      .GET('/auth/me', { headers: { 'x-forwarded-for': '198.51.100.30', 'x-request-id': 'trace-proxy-1' } });
    expect(response.status).toBe(200);
    const lines = trusting.logLines.filter((l) => l.reqId === 'trace-proxy-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request',
      method: 'GET',
      operationId: 'getCurrentUser',
      status: 200,
      userId: user.id,
      ip: '198.51.100.30',
    });
    expect(typeof lines[0]!.ms).toBe('number');
  });
});

describe('IPv6 clients', () => {
  it('share one anonymous budget per /64 behind the proxy; another /64 has its own', async () => {
    let n = 0;
    const got = await statuses(4, () => listProducts(trusting.api, PROXY, `2001:db8:99:1::${++n}`));
    expect(got).toEqual([200, 200, 200, 429]);
    // However the address is spelled.
    expect((await listProducts(trusting.api, PROXY, '2001:DB8:99:1:ffff:ffff:ffff:ffff')).response.status).toBe(429);
    expect((await listProducts(trusting.api, PROXY, '2001:db8:99:2::1')).response.status).toBe(200);
  });

  it('share one login budget per /64', async () => {
    const user = await registerUser(wide.api, {}); // the local address's budget here is spent
    let n = 0;
    const attempt = () =>
      trusting.api.from(PROXY).POST('/auth/login', {
        headers: { 'x-forwarded-for': `2001:db8:77:1::${++n}` },
        body: { email: user.email, password: PASSWORD },
      });
    expect(await statuses(3, attempt)).toEqual([200, 200, 429]);
  });

  it('share one budget per /64 as direct peers too', async () => {
    let n = 0;
    expect(await statuses(4, () => listProducts(plain.api, `2001:db8:55:1::${++n}`))).toEqual([200, 200, 200, 429]);
  });

  it('count an IPv4-mapped address as its IPv4 address', async () => {
    let n = 0;
    const got = await statuses(4, () =>
      listProducts(trusting.api, PROXY, n++ % 2 ? '198.51.100.70' : '::ffff:198.51.100.70'),
    );
    expect(got).toEqual([200, 200, 200, 429]);
  });

  it('share one budget per network of RATE_LIMIT_IPV6_PREFIX bits', async () => {
    let n = 0;
    const got = await statuses(4, () => listProducts(wide.api, PROXY, `2001:db8:66:${++n}::1`));
    expect(got).toEqual([200, 200, 200, 429]);
    expect((await listProducts(wide.api, PROXY, '2001:db8:67::1')).response.status).toBe(200);
  });
});

describe('without TRUST_PROXY (the default)', () => {
  it('ignores X-Forwarded-For: every client behind one peer shares its budget', async () => {
    let n = 0;
    const got = await statuses(4, () => listProducts(plain.api, PROXY, `198.51.100.${50 + n++}`));
    expect(got).toEqual([200, 200, 200, 429]);
  });

  it('logs the peer address', async () => {
    plain.logLines.length = 0;
    await plain.api
      .from('203.0.113.40')
      .GET('/health', { headers: { 'x-forwarded-for': '198.51.100.99', 'x-request-id': 'trace-plain-1' } });
    const lines = plain.logLines.filter((l) => l.reqId === 'trace-plain-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ operationId: 'getHealth', status: 200, ip: '203.0.113.40' });
  });
});
