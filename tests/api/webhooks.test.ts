// The webhook endpoints' admin API, with the address rule on
// (WEBHOOK_ALLOW_PRIVATE_NETWORKS unset): only admins, secrets shown twice,
// and no endpoint that could reach inside the network.
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';

/** A URL whose host is an IP literal outside every internal range (nothing is sent: no worker runs). */
const PUBLIC_URL = 'http://93.184.216.34/hooks';

const test = appTest({ RUN_WORKER: 'false' }).extend(
  'createEndpoint',
  { scope: 'file' },
  ({ admin, api }) =>
    async (body: Record<string, unknown> = {}) => {
      const res = await api.post('/api/v1/webhook-endpoints', {
        token: admin.token,
        body: { url: PUBLIC_URL, events: ['order.created'], ...body },
      });
      expect(res.status).toBe(201);
      return res.body as { id: number; secret: string };
    },
);

describe('POST /webhook-endpoints', () => {
  test('answers 201 with the endpoint and a whsec_ secret', async ({ admin, api }) => {
    const res = await api.post('/api/v1/webhook-endpoints', {
      token: admin.token,
      body: { url: PUBLIC_URL, events: ['order.created', 'order.completed'], description: 'ERP' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      url: PUBLIC_URL,
      events: ['order.created', 'order.completed'],
      description: 'ERP',
      enabled: true,
      consecutive_failures: 0,
    });
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
  });

  test.for([
    ['loopback', 'http://127.0.0.1:8080/hooks'],
    ['IPv6 loopback', 'http://[::1]/hooks'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data'],
    ['a private network', 'http://10.1.2.3/hooks'],
    ['a private network (192.168)', 'https://192.168.0.10/hooks'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/hooks'],
    ['a name resolving to loopback', 'http://localhost:3000/hooks'],
    ['the unspecified address', 'http://0.0.0.0/hooks'],
  ])('refuses %s with 422 on /body/url', async ([_name, url], { admin, api }) => {
    const res = await api.post('/api/v1/webhook-endpoints', {
      token: admin.token,
      body: { url, events: ['order.created'] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_ERROR');
    expect(res.body.errors[0].path).toBe('/body/url');
  });

  test('refuses no events, an unknown event, a repeated one and a URL that is not http(s)', async ({ admin, api }) => {
    for (const body of [
      { url: PUBLIC_URL, events: [] },
      { url: PUBLIC_URL, events: ['order.exploded'] },
      { url: PUBLIC_URL, events: ['order.created', 'order.created'] },
      { url: 'ftp://93.184.216.34/x', events: ['order.created'] },
      { url: PUBLIC_URL, events: ['order.created'], secret: 'whsec_mine' },
    ]) {
      const res = await api.post('/api/v1/webhook-endpoints', { token: admin.token, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });

  test('is 403 for a user and 401 without a token', async ({ api, user }) => {
    const body = { url: PUBLIC_URL, events: ['order.created'] };
    expect((await api.post('/api/v1/webhook-endpoints', { token: user.token, body })).status).toBe(403);
    expect((await api.post('/api/v1/webhook-endpoints', { body })).status).toBe(401);
  });
});

describe('GET /webhook-endpoints and GET /webhook-endpoints/{id}', () => {
  test('pages through endpoints and never shows a secret', async ({ admin, api, createEndpoint }) => {
    const created = await createEndpoint();
    await createEndpoint();
    const page = await api.get('/api/v1/webhook-endpoints', { token: admin.token, query: { page_size: 1 } });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 1, page_size: 1, has_next: true });
    const one = await api.get(`/api/v1/webhook-endpoints/${created.id}`, { token: admin.token });
    expect(one.status).toBe(200);
    expect(JSON.stringify([page.body, one.body])).not.toContain('whsec_');
  });

  test('is 404 for an unknown endpoint and 403 for a user', async ({ admin, api, user }) => {
    expect((await api.get('/api/v1/webhook-endpoints/99999999', { token: admin.token })).body.code).toBe('NOT_FOUND');
    expect((await api.get('/api/v1/webhook-endpoints', { token: user.token })).status).toBe(403);
  });
});

describe('PATCH, DELETE and rotate-secret', () => {
  test('disables with a reason and enables again', async ({ admin, api, createEndpoint }) => {
    const { id } = await createEndpoint();
    const off = await api.patch(`/api/v1/webhook-endpoints/${id}`, { token: admin.token, body: { enabled: false } });
    expect(off.body).toMatchObject({ enabled: false, disabled_reason: 'disabled by an admin' });
    expect(off.body.disabled_at).not.toBeNull();
    const on = await api.patch(`/api/v1/webhook-endpoints/${id}`, {
      token: admin.token,
      body: { enabled: true, events: ['order.shipped'] },
    });
    expect(on.body).toMatchObject({
      enabled: true,
      disabled_at: null,
      disabled_reason: null,
      events: ['order.shipped'],
    });
  });

  test('checks a new url as on creation', async ({ admin, api, createEndpoint }) => {
    const { id } = await createEndpoint();
    const res = await api.patch(`/api/v1/webhook-endpoints/${id}`, {
      token: admin.token,
      body: { url: 'http://169.254.169.254/' },
    });
    expect(res.status).toBe(422);
  });

  test('rotates to a new secret, answered once', async ({ admin, api, createEndpoint }) => {
    const { id, secret } = await createEndpoint();
    const res = await api.post(`/api/v1/webhook-endpoints/${id}/rotate-secret`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.secret).toMatch(/^whsec_/);
    expect(res.body.secret).not.toBe(secret);
  });

  test('deletes, then 404', async ({ admin, api, createEndpoint }) => {
    const { id } = await createEndpoint();
    expect((await api.delete(`/api/v1/webhook-endpoints/${id}`, { token: admin.token })).status).toBe(204);
    expect((await api.delete(`/api/v1/webhook-endpoints/${id}`, { token: admin.token })).status).toBe(404);
  });
});

describe('test, deliveries and retry', () => {
  test('queues a ping as a pending delivery, listed with its webhook-id', async ({ admin, api, createEndpoint }) => {
    const { id } = await createEndpoint();
    const ping = await api.post(`/api/v1/webhook-endpoints/${id}/test`, { token: admin.token });
    expect(ping.status).toBe(202);
    expect(ping.body).toMatchObject({ endpoint_id: id, event_type: 'ping', status: 'pending', attempts: 0 });
    expect(ping.body.event_id).toMatch(/^msg_/);
    const list = await api.get(`/api/v1/webhook-endpoints/${id}/deliveries`, { token: admin.token });
    expect(list.body.items.map((d: { id: number }) => d.id)).toEqual([ping.body.id]);
    // Still pending: its attempt is scheduled, so a retry is a conflict.
    const retry = await api.post(`/api/v1/webhook-deliveries/${ping.body.id}/retry`, { token: admin.token });
    expect(retry.status).toBe(409);
  });

  test('refuses to ping a disabled endpoint, and 404s unknown ones', async ({ admin, api, createEndpoint }) => {
    const { id } = await createEndpoint();
    await api.patch(`/api/v1/webhook-endpoints/${id}`, { token: admin.token, body: { enabled: false } });
    expect((await api.post(`/api/v1/webhook-endpoints/${id}/test`, { token: admin.token })).status).toBe(409);
    expect((await api.post('/api/v1/webhook-endpoints/99999999/test', { token: admin.token })).status).toBe(404);
    expect((await api.get('/api/v1/webhook-endpoints/99999999/deliveries', { token: admin.token })).status).toBe(404);
    expect((await api.post('/api/v1/webhook-deliveries/99999999/retry', { token: admin.token })).status).toBe(404);
  });
});
