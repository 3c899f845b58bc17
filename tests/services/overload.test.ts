// Overload: when the event loop lags or the heap is nearly full the API sheds
// load with 503 problem+json and Retry-After (health and metrics still
// answer), and recovers by itself; slow clients (slowloris headers, a body
// dribbled byte by byte, an idle keep-alive socket) cannot hold a connection.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { buildTestApp, TEST_ENV, type TestApp } from '../helpers/app.js';
import { setTimeout as sleep } from 'node:timers/promises';

function blockEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    /* busy: what a CPU-bound handler or a GC storm does to the loop */
  }
}

describe('load shedding (under-pressure)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ MAX_EVENT_LOOP_DELAY_MS: '200' });
  }, 30_000);
  afterAll(async () => t?.close());
  const listProducts = () => t.api.GET('/products');

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while the event loop lags, then recovers', {
    timeout: 20_000,
  }, async () => {
    expect((await listProducts()).response.status).toBe(200);
    // Saturate the loop (600 ms busy, 1 ms free) and call between the busy spells:
    // once a sampling window (500 ms) has been mostly busy, requests are shed.
    let shed: Awaited<ReturnType<typeof listProducts>> | undefined;
    const until = Date.now() + 6000;
    while (!shed && Date.now() < until) {
      blockEventLoop(600);
      await sleep(1);
      const res = await listProducts();
      if (res.response.status === 503) shed = res;
      else expect(res.response.status).toBe(200);
    }
    if (!shed) throw new Error('no request was shed while the event loop was saturated');
    expect(shed.response.status).toBe(503);
    expect(shed.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(shed.error?.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(shed.response.headers.get('retry-after'))).toBeGreaterThan(0);
    // The load balancer's and the scraper's views stay available.
    expect((await t.api.GET('/health')).response.status).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    const deadline = Date.now() + 5000;
    let status = 503;
    while (status === 503 && Date.now() < deadline) {
      await sleep(100);
      status = (await listProducts()).response.status;
    }
    expect(status).toBe(200);
  });
});

describe('heap limit', () => {
  it('sheds load when the heap passes MAX_HEAP_USED_BYTES', async () => {
    const t = await buildTestApp({ MAX_HEAP_USED_BYTES: '1' });
    try {
      await sleep(1700); // past the start-up grace, then one sample
      const { error, response } = await t.api.POST('/auth/login', { body: { email: 'a@b.c', password: 'x' } });
      expect(response.status).toBe(503);
      expect(error?.detail).toMatch(/heap/i);
      // Headers.get answers null, not undefined, for a missing header.
      expect(response.headers.get('retry-after')).not.toBeNull();
    } finally {
      await t.close();
    }
  }, 30_000);
});

describe('slow clients', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await buildTestApp({ HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  }, 30_000);
  afterAll(async () => t?.close());

  /** Opens a socket, dribbles `chunks` one every 200 ms, and resolves with how long the server kept it open. */
  function dribble(first: string, next: () => string): Promise<{ ms: number; received: string }> {
    return new Promise((resolve) => {
      const t0 = Date.now();
      let received = '';
      const socket = net.connect(port, '127.0.0.1', () => socket.write(first));
      const timer = setInterval(() => socket.writable && socket.write(next()), 200);
      const giveUp = setTimeout(() => socket.destroy(), 15_000);
      socket.on('data', (d) => (received += d.toString()));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        clearTimeout(giveUp);
        resolve({ ms: Date.now() - t0, received });
      });
    });
  }

  it('closes a connection whose headers never finish (slowloris) after the headers timeout', async () => {
    let n = 0;
    const slow = Array.from({ length: 20 }, () =>
      dribble('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n', () => `X-Slow-${n++}: a\r\n`),
    );
    // Meanwhile a normal client is served.
    const normal = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(normal.status).toBe(200);
    const results = await Promise.all(slow);
    for (const r of results) {
      // headers timeout 1 s, checked every second, plus slack for a shared CPU
      expect(r.ms).toBeLessThan(4000);
      expect(r.received === '' || r.received.startsWith('HTTP/1.1 408')).toBe(true);
    }
  }, 20_000);

  it('closes a connection whose body trickles in after the request timeout', async () => {
    const r = await dribble(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
      () => ' ',
    );
    expect(r.ms).toBeLessThan(5000);
  }, 20_000);

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const t0 = Date.now();
    const closedAfter = await new Promise<number>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
      );
      socket.on('data', () => {});
      socket.on('close', () => resolve(Date.now() - t0));
      setTimeout(() => socket.destroy(), 15_000);
    });
    expect(closedAfter).toBeGreaterThan(4000); // keepAliveTimeout is 5 s
    expect(closedAfter).toBeLessThan(8000);
  }, 20_000);
});

describe('timeouts are configured', () => {
  it('sets request, headers and keep-alive timeouts on the HTTP server by default', async () => {
    const t = await buildTestApp();
    try {
      const server = t.app.server;
      expect(server.requestTimeout).toBe(30_000);
      expect(server.headersTimeout).toBe(10_000);
      expect(server.keepAliveTimeout).toBe(5_000);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('refuses a headers timeout longer than the request timeout', () => {
    expect(() =>
      loadConfig({ ...TEST_ENV, HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '30000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });
});
