// In production without METRICS_TOKEN, /metrics (orders by status, traffic per
// operation) is not served on the public port: only on a loopback listener
// when METRICS_PORT is set, and not at all otherwise. The start log says which.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/src/app.js';
import { loadConfig } from '../../../server/src/config.js';
import { TEST_ENV } from '../../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

const PRODUCTION = { ...TEST_ENV, NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-enough-length-0123' };

let open: Array<{ app: FastifyInstance; database: TestDatabase }> = [];
afterEach(async () => {
  for (const { app, database } of open) {
    await app.close();
    await database.drop();
  }
  open = [];
});

async function start(env: Record<string, string>) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const database = await createTestDatabase();
  const app = await buildApp({ config: loadConfig(env), database: database.handle, logger: { level: 'info', stream } });
  await app.ready();
  open.push({ app, database });
  const log = () => lines.map((l) => JSON.parse(l) as { msg: string; level: number });
  return { app, log };
}

describe('/metrics in production', () => {
  it('is not served on the public port without METRICS_TOKEN, and the start log says so', async () => {
    const { app, log } = await start(PRODUCTION);
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('http_requests_total');
    expect(log().some((l) => /metrics.*not served/i.test(l.msg))).toBe(true);
  });

  it('with METRICS_PORT, is served on a loopback listener only, whose address the log gives', async () => {
    const { app, log } = await start({ ...PRODUCTION, METRICS_PORT: '0' });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    const line = log().find((l) => /metrics/i.test(l.msg) && /http:\/\/127\.0\.0\.1:\d+\/metrics/.test(l.msg));
    expect(line, JSON.stringify(log())).toBeDefined();
    const url = /http:\/\/127\.0\.0\.1:\d+\/metrics/.exec(line!.msg)![0];
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('http_requests_total');
  });

  it('with METRICS_TOKEN, is served on the public port to holders of the token only', async () => {
    const token = 'metrics-token-0123456789';
    const { app } = await start({ ...PRODUCTION, METRICS_TOKEN: token });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
  });
});

describe('/metrics outside production without METRICS_TOKEN', () => {
  it('is served to clients on this machine only, and the start log says so', async () => {
    const { app, log } = await start({ ...TEST_ENV, NODE_ENV: 'development' });
    const local = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(local.statusCode).toBe(200);
    expect(local.body).toContain('http_requests_total');
    for (const remoteAddress of ['10.0.0.5', '192.168.1.20', '2001:db8::1']) {
      const remote = await app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress,
        headers: { 'x-forwarded-for': '127.0.0.1' },
      });
      expect(remote.statusCode, remoteAddress).toBe(404);
      expect(remote.headers['content-type']).toContain('application/problem+json');
      expect(remote.body).not.toContain('http_requests_total');
    }
    expect(log().some((l) => /metrics.*loopback/i.test(l.msg))).toBe(true);
  });

  it('behind a trusted proxy on this machine, is served only to clients the proxy names as local', async () => {
    const { app } = await start({ ...TEST_ENV, NODE_ENV: 'development', TRUST_PROXY: '127.0.0.1' });
    const via = (client: string) =>
      app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': client },
      });
    expect((await via('203.0.113.5')).statusCode).toBe(404);
    expect((await via('127.0.0.1')).statusCode).toBe(200);
  });
});
