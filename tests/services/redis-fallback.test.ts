// While Redis is unreachable the rate limiter keeps limiting with each
// instance's own counters (never with no limit), says so in the log and in a
// metric, and shares one budget through Redis again once it returns. Redis is
// cut through a TCP proxy the test controls; the real one is never touched.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { TEST_ENV } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { services } from '../helpers/services.js';
import { createTestClient, type TestClient } from '../helpers/test-client.js';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.js';

const configured = services('redis');
const MAX = 4;

describe.skipIf(!configured)('rate limits while Redis is down', () => {
  let proxy: TcpProxy;
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];
  const clients: TestClient[] = [];
  const logs: Array<{ level: number; msg: string }> = [];

  beforeAll(async () => {
    const redis = new URL(configured!.redis);
    proxy = await startTcpProxy(Number(redis.port || 6379), redis.hostname);
    const viaProxy = new URL(redis);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    database = await createTestDatabase();
    const config = loadConfig({
      ...TEST_ENV,
      REDIS_URL: viaProxy.toString(),
      RATE_LIMIT_ANON: String(MAX),
      RATE_LIMIT_WINDOW: '60',
    });
    const stream = new Writable({
      write(chunk, _enc, done) {
        logs.push(JSON.parse(String(chunk)));
        done();
      },
    });
    for (let i = 0; i < 2; i++) {
      const app = await buildApp({ config, database: database.handle, logger: { level: 'info', stream } });
      await app.ready();
      apps.push(app);
      clients.push(createTestClient(app));
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await proxy?.close();
    await database?.drop();
  });

  const newIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const get = (i: number, ip: string) =>
    clients[i % 2]!.from(ip)
      .GET('/products')
      .then((r) => r.response.status);
  const metric = async (name: string, instance = 0) => {
    const text = (await apps[instance]!.inject({ method: 'GET', url: '/metrics' })).body;
    return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  };

  it('shares one budget through Redis while it is up', async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < MAX + 2; i++) statuses.push(await get(i, ip));
    expect(statuses).toEqual([...Array(MAX).fill(200), 429, 429]);
    expect(await metric('rate_limit_redis_up')).toBe(1);
  });

  it('falls back to per-instance counters when Redis is cut, with a warning and a metric', async () => {
    proxy.cut('refuse');
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push(await get(i, ip));
    // Two instances, each counting on its own: at most twice the budget, then 429.
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(2 * MAX);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20 - 2 * MAX);
    expect(statuses.slice(-4)).toEqual([429, 429, 429, 429]);
    expect(logs.some((l) => l.level === 40 && /Redis is unreachable/.test(l.msg))).toBe(true);
    expect(await metric('rate_limit_redis_up')).toBe(0);
    expect(await metric('rate_limit_local_fallback_total')).toBeGreaterThanOrEqual(10);
  });

  it('returns to the shared budget when Redis is back', async () => {
    proxy.restore();
    const deadline = Date.now() + 15_000;
    // ioredis reconnects on its own; requests try Redis first and recover with it.
    // Each instance has its own connection and recovers on its own: wait for
    // both, or one still counting locally lets the budget below through twice.
    const bothUp = async () =>
      (await metric('rate_limit_redis_up', 0)) === 1 && (await metric('rate_limit_redis_up', 1)) === 1;
    while (!(await bothUp())) {
      if (Date.now() > deadline) throw new Error('the rate limiter did not return to Redis within 15 s');
      await get(0, newIp());
      await get(1, newIp());
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(logs.some((l) => /Redis is reachable again/.test(l.msg))).toBe(true);
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < MAX + 2; i++) statuses.push(await get(i, ip));
    expect(statuses).toEqual([...Array(MAX).fill(200), 429, 429]);
  });
});
