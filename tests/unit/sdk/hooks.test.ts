// Hooks and the logger see every attempt that went over the wire, with the
// request id: the request, each retry with its delay and reason, the response.
import { describe, expect, it } from 'vitest';
import { createStorefront, type Logger } from '../../../sdk/src/index.js';
import { BASE_URL, json, problem, stubApi } from './stub-api.js';

function flaky() {
  let n = 0;
  return stubApi({
    'GET /health': () => {
      n += 1;
      if (n === 1) return problem(503, 'SERVICE_UNAVAILABLE', { 'retry-after': '0' });
      if (n === 2) return Promise.reject(new TypeError('fetch failed'));
      return json({ status: 'healthy' });
    },
  });
}

describe('hooks', () => {
  it('see request, retry (delay and reason) and response for each of the 3 attempts, with one request id', async () => {
    const events: string[] = [];
    const ids = new Set<string>();
    const sdk = createStorefront({
      baseUrl: BASE_URL,
      fetch: flaky().fetch,
      retry: { initialDelayMs: 1 },
      hooks: {
        onRequest: (e) => {
          ids.add(e.requestId);
          events.push(`request ${e.attempt}`);
        },
        onResponse: (e) => events.push(`response ${e.attempt} ${e.response.status}`),
        onRetry: (e) => events.push(`retry ${e.attempt} ${e.reason} ${e.delayMs >= 0 ? 'delay' : ''}`),
        onError: (e) => events.push(`error ${e.attempt} ${e.error.name}`),
      },
    });
    const health = await sdk.health.get();
    expect(events).toEqual([
      'request 0',
      'response 0 503',
      'retry 0 status 503 delay',
      'request 1',
      'error 1 ConnectionError',
      'retry 1 network error delay',
      'request 2',
      'response 2 200',
    ]);
    expect([...ids]).toEqual([health.requestId]);
  });

  it('a throwing hook is logged and does not break the call', async () => {
    const logged: unknown[][] = [];
    const logger: Logger = { debug() {}, info() {}, warn() {}, error: (...args) => logged.push(args) };
    const sdk = createStorefront({
      baseUrl: BASE_URL,
      fetch: stubApi({ 'GET /health': () => json({ status: 'healthy' }) }).fetch,
      logger,
      hooks: {
        onRequest() {
          throw new Error('bug in my hook');
        },
      },
    });
    await expect(sdk.health.get()).resolves.toMatchObject({ status: 'healthy' });
    expect(String(logged[0]?.[1])).toContain('bug in my hook');
  });
});

describe('logger', () => {
  it('logLevel debug logs every attempt with the request id; info only the retries; off nothing', async () => {
    const lines: Record<string, string[]> = { debug: [], info: [], warn: [], error: [] };
    const logger: Logger = {
      debug: (m: string) => lines.debug?.push(m),
      info: (m: string) => lines.info?.push(m),
      warn: (m: string) => lines.warn?.push(m),
      error: (m: string) => lines.error?.push(m),
    };
    const sdk = createStorefront({
      baseUrl: BASE_URL,
      fetch: flaky().fetch,
      retry: { initialDelayMs: 1 },
      logger,
      logLevel: 'debug',
    });
    const { requestId } = await sdk.health.get();
    const all = Object.values(lines).flat();
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const line of all) expect(line).toContain(requestId);
    expect(lines.info?.filter((l) => l.includes('retrying'))).toHaveLength(2);

    for (const key of Object.keys(lines)) lines[key] = [];
    const quiet = createStorefront({
      baseUrl: BASE_URL,
      fetch: flaky().fetch,
      retry: { initialDelayMs: 1 },
      logger,
      logLevel: 'info',
    });
    await quiet.health.get();
    expect(lines.debug).toEqual([]);
    expect(lines.info).toHaveLength(2);

    for (const key of Object.keys(lines)) lines[key] = [];
    const silent = createStorefront({ baseUrl: BASE_URL, fetch: flaky().fetch, retry: { initialDelayMs: 1 }, logger });
    await silent.health.get();
    expect(Object.values(lines).flat()).toEqual([]);
  });
});
