// getOrder with `Prefer: wait=N` (RFC 7240): while an order is pending or
// processing, the answer waits for its status to change (any writer, any
// instance: the change arrives by LISTEN/NOTIFY), or for N seconds. The app
// runs without its in-process worker so each test decides when the status changes.
import type { AddressInfo } from 'node:net';
import { describe, expect } from 'vitest';
import { createOrderQueue } from '../../server/src/orders/order-queue.js';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { buildTestApp, TEST_ENV } from '../helpers/app.js';
import { createProduct } from '../helpers/catalogue.js';
import { createAdmin, login, registerUser, type TestUser } from '../helpers/factories.js';
import { appTest } from '../helpers/fixtures.js';
import { createTestClient, type TestClient } from '../helpers/test-client.js';
import { placeOrder } from '../helpers/orders.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const test = appTest({ RUN_WORKER: 'false', QUEUE_POLL_SECONDS: '0.5', ORDER_WAIT_MAX_WAITERS: '2' })
  .extend(
    'productId',
    { scope: 'file' },
    async ({ admin, api }) => (await createProduct(api, admin.token, { stock: 1000 })).id,
  )
  /** An order of the fixture user's, left pending (no worker runs). */
  .extend(
    'newOrder',
    { scope: 'file' },
    ({ api, productId, user }) =>
      () =>
        placeOrder(api, user.token, [{ product_id: productId, quantity: 1 }]),
  )
  /** GET /orders/{id} with a `Prefer` header, as the fixture user unless `token` says otherwise. */
  .extend(
    'getWaiting',
    { scope: 'file' },
    ({ api, user }) =>
      async (order_id: number, prefer: string, token = user.token) => {
        const { data, error, response } = await api
          .as(token)
          .GET('/orders/{order_id}', { params: { path: { order_id } }, headers: { prefer } });
        return { status: response.status, order: data, problem: error, headers: response.headers };
      },
  );

/** POST /orders/{id}/cancel as `token`'s user; resolves to the status. */
const cancel = async (api: TestClient, token: string, order_id: number) =>
  (await api.as(token).POST('/orders/{order_id}/cancel', { params: { path: { order_id } } })).response.status;

/** What ends a session, given the app's client and an admin to act. */
type SessionEnd = (u: TestUser, by: { api: TestClient; admin: TestUser }) => Promise<{ response: Response }>;

describe('GET /orders/{id} with Prefer: wait', () => {
  test('answers as soon as processing (a worker elsewhere) completes the order', async ({
    config,
    getWaiting,
    handle,
    newOrder,
  }) => {
    const order = await newOrder();
    const answer = getWaiting(order.id, 'wait=20');
    await sleep(300);
    const worker = createOrderQueue({ database: handle, config: config, work: true, log: quiet });
    await worker.start();
    try {
      const res = await answer;
      expect(res.status).toBe(200);
      expect(res.order?.status).toBe('completed');
      expect(res.headers.get('preference-applied')).toBe('wait=20');
    } finally {
      await worker.stop();
    }
  });

  test('answers when the owner cancels meanwhile, capping the wait at 30 s', async ({
    api,
    getWaiting,
    newOrder,
    user,
  }) => {
    const order = await newOrder();
    const answer = getWaiting(order.id, 'return=minimal, wait=45');
    await sleep(300);
    expect(await cancel(api, user.token, order.id)).toBe(200);
    const res = await answer;
    expect(res.order?.status).toBe('cancelled');
    expect(res.headers.get('preference-applied')).toBe('wait=30');
  });

  test('counts a wait of more than nine digits as 30 s too', async ({ api, getWaiting, newOrder, user }) => {
    const order = await newOrder();
    const answer = getWaiting(order.id, 'wait=99999999999');
    await sleep(300);
    expect(await cancel(api, user.token, order.id)).toBe(200);
    const res = await answer;
    expect(res.order?.status).toBe('cancelled');
    expect(res.headers.get('preference-applied')).toBe('wait=30');
  });

  test('answers with the order as it is when the wait runs out', async ({ getWaiting, newOrder }) => {
    const order = await newOrder();
    const res = await getWaiting(order.id, 'wait=1');
    expect(res.order?.status).toBe('pending');
    expect(res.headers.get('preference-applied')).toBe('wait=1');
  });

  test('answers at once, without Preference-Applied, for an order past processing, or without a wait', async ({
    api,
    getWaiting,
    newOrder,
    user,
  }) => {
    const order = await newOrder();
    await cancel(api, user.token, order.id);
    const res = await getWaiting(order.id, 'wait=30');
    expect(res.order?.status).toBe('cancelled');
    expect(res.headers.get('preference-applied')).toBeNull();
    const plain = await getWaiting(order.id, 'return=minimal');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('preference-applied')).toBeNull();
  });

  test('refuses another user at once (403) and 404s an unknown order, waiting for neither', async ({
    api,
    getWaiting,
    newOrder,
  }) => {
    const order = await newOrder();
    const other = await registerUser(api);
    expect((await getWaiting(order.id, 'wait=30', other.token)).status).toBe(403);
    expect((await getWaiting(2_000_000_000, 'wait=30')).status).toBe(404);
  });

  test('holds at most ORDER_WAIT_MAX_WAITERS waits; past it, answers at once', async ({
    api,
    getWaiting,
    newOrder,
    user,
  }) => {
    const order = await newOrder();
    const held = [getWaiting(order.id, 'wait=20'), getWaiting(order.id, 'wait=20')];
    await sleep(300);
    const extra = await getWaiting(order.id, 'wait=20');
    expect(extra.order?.status).toBe('pending');
    expect(extra.headers.get('preference-applied')).toBeNull();
    await cancel(api, user.token, order.id);
    for (const res of await Promise.all(held)) expect(res.headers.get('preference-applied')).toBe('wait=20');
  });

  test('frees the wait of a client that disconnects', async ({ api, app, newOrder, user }) => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const order = await newOrder();
    const url = `http://127.0.0.1:${port}/api/v1/orders/${order.id}`;
    const headers = { authorization: `Bearer ${user.token}`, prefer: 'wait=20' };
    // Both slots taken by clients that then hang up.
    const gone = [new AbortController(), new AbortController()];
    const left = gone.map((c) => fetch(url, { headers, signal: c.signal }).catch(() => 'aborted'));
    await sleep(300);
    for (const c of gone) c.abort();
    expect(await Promise.all(left)).toEqual(['aborted', 'aborted']);
    await sleep(100);
    // Their slots are free again: this one waits (and gets its answer when the order is cancelled).
    const answer = fetch(url, { headers });
    await sleep(300);
    await cancel(api, user.token, order.id);
    const res = await answer;
    expect(res.headers.get('preference-applied')).toBe('wait=20');
    expect(((await res.json()) as { status: string }).status).toBe('cancelled');
  });
});

describe('a wait whose session ends', () => {
  /** The held answer; fails if it has not come while the wait (30 s) is well under way. */
  async function answeredWhileHeld<R>(answer: Promise<R>): Promise<R> {
    const res = await Promise.race([answer, sleep(20_000).then(() => 'still held' as const)]);
    if (res === 'still held') throw new Error('the request was still held after its session ended');
    return res;
  }

  test.for([
    ['logs out everywhere', (u, { api }) => api.as(u.token).POST('/auth/logout-all')],
    ['logs out', (u, { api }) => api.as(u.token).POST('/auth/logout')],
    [
      'is deactivated',
      (u, { api, admin }) => api.as(admin.token).DELETE('/users/{user_id}', { params: { path: { user_id: u.id } } }),
    ],
  ] satisfies Array<[string, SessionEnd]>)(
    'answers 401 at once when the user %s, as any request with the token would get',
    async ([_, end], { admin, api, getWaiting, productId }) => {
      const owner = await registerUser(api);
      const order = await placeOrder(api, owner.token, [{ product_id: productId, quantity: 1 }]);
      const answer = getWaiting(order.id, 'wait=30', owner.token);
      await sleep(300);
      expect((await end(owner, { api, admin })).response.status).toBeLessThan(300);
      const res = await answeredWhileHeld(answer);
      const me = await api.as(owner.token).GET('/auth/me');
      expect(res.status).toBe(401);
      expect(res.problem?.code).toBe(me.error?.code);
      expect(res.headers.get('www-authenticate')).toBe(me.response.headers.get('www-authenticate'));
    },
  );

  test('answers 401 at once on another instance without a principal cache (AUTH_CACHE_TTL=0)', async ({
    api,
    handle,
    productId,
  }) => {
    const other = await buildApp({
      config: loadConfig({ ...TEST_ENV, RUN_WORKER: 'false', AUTH_CACHE_TTL: '0' }),
      database: handle,
    });
    try {
      const owner = await registerUser(api);
      const order = await placeOrder(api, owner.token, [{ product_id: productId, quantity: 1 }]);
      const answer = createTestClient(other, { token: owner.token }).GET('/orders/{order_id}', {
        params: { path: { order_id: order.id } },
        headers: { prefer: 'wait=30' },
      });
      await sleep(300);
      expect((await api.as(owner.token).POST('/auth/logout-all')).response.status).toBe(200);
      const res = await answeredWhileHeld(answer);
      expect(res.response.status).toBe(401);
      expect(res.error?.code).toBe('TOKEN_REVOKED');
    } finally {
      await other.close();
    }
  });

  test('still answers with the order when another session of the user ends', async ({ api, getWaiting, productId }) => {
    const owner = await registerUser(api);
    const otherSession = await login(api, owner.email, owner.password);
    const order = await placeOrder(api, owner.token, [{ product_id: productId, quantity: 1 }]);
    const answer = getWaiting(order.id, 'wait=30', owner.token);
    await sleep(300);
    await api.as(otherSession.access_token).POST('/auth/logout');
    await cancel(api, owner.token, order.id);
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.order?.status).toBe('cancelled');
  });
});

describe('shutting down', () => {
  test('answers waiting requests at once instead of holding the shutdown', async () => {
    const other = await buildTestApp({ RUN_WORKER: 'false' });
    try {
      const otherAdmin = await createAdmin(other.api, other.database.handle.db);
      const buyer = await registerUser(other.api);
      const p = await createProduct(other.api, otherAdmin.token, { stock: 5 });
      const order = await placeOrder(other.api, buyer.token, [{ product_id: p.id, quantity: 1 }]);
      const answer = other.api.as(buyer.token).GET('/orders/{order_id}', {
        params: { path: { order_id: order.id } },
        headers: { prefer: 'wait=30' },
      });
      await sleep(300);
      const closing = other.app.close();
      const res = await answer;
      expect(res.response.status).toBe(200);
      expect(res.data?.status).toBe('pending');
      await closing;
    } finally {
      await other.database.drop();
    }
  });
});
