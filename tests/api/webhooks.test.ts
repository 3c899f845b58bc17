// The webhook endpoints' admin API, with the address rule on
// (WEBHOOK_ALLOW_PRIVATE_NETWORKS unset): only admins, secrets shown twice,
// and no endpoint that could reach inside the network.
import { describe, expect } from 'vitest';
import type { WebhookEndpointCreate } from '../../sdk/src/index.js';
import { appTest } from '../helpers/fixtures.js';

/** A URL whose host is an IP literal outside every internal range (nothing is sent: no worker runs). */
const PUBLIC_URL = 'http://93.184.216.34/hooks';

const endpointPath = (endpoint_id: number) => ({ params: { path: { endpoint_id } } });
const deliveryPath = (delivery_id: number) => ({ params: { path: { delivery_id } } });

const test = appTest({ RUN_WORKER: 'false' })
  /** The client acting as the fixture admin. */
  .extend('asAdmin', { scope: 'file' }, ({ admin, api }) => api.as(admin.token))
  .extend('createEndpoint', { scope: 'file' }, ({ asAdmin }) => async (body: Partial<WebhookEndpointCreate> = {}) => {
    const { data, response } = await asAdmin.POST('/webhook-endpoints', {
      body: { url: PUBLIC_URL, events: ['order.created'], ...body },
    });
    expect(response.status).toBe(201);
    if (!data) throw new Error('createWebhookEndpoint returned no endpoint');
    return data;
  });

describe('POST /webhook-endpoints', () => {
  test('answers 201 with the endpoint and a whsec_ secret', async ({ asAdmin }) => {
    const { data, response } = await asAdmin.POST('/webhook-endpoints', {
      body: { url: PUBLIC_URL, events: ['order.created', 'order.completed'], description: 'ERP' },
    });
    expect(response.status).toBe(201);
    expect(data).toMatchObject({
      url: PUBLIC_URL,
      events: ['order.created', 'order.completed'],
      description: 'ERP',
      enabled: true,
      consecutive_failures: 0,
    });
    expect(data?.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
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
  ] as const)('refuses %s with 422 on /body/url', async ([_name, url], { asAdmin }) => {
    const { error, response } = await asAdmin.POST('/webhook-endpoints', { body: { url, events: ['order.created'] } });
    expect(response.status).toBe(422);
    expect(error?.code).toBe('VALIDATION_ERROR');
    expect(error && 'errors' in error ? error.errors?.[0]?.path : undefined).toBe('/body/url');
  });

  test('refuses no events, an unknown event, a repeated one and a URL that is not http(s)', async ({ asAdmin }) => {
    // Bodies the contract forbids on purpose: the untyped escape.
    for (const body of [
      { url: PUBLIC_URL, events: [] },
      { url: PUBLIC_URL, events: ['order.exploded'] },
      { url: PUBLIC_URL, events: ['order.created', 'order.created'] },
      { url: 'ftp://93.184.216.34/x', events: ['order.created'] },
      { url: PUBLIC_URL, events: ['order.created'], secret: 'whsec_mine' },
    ]) {
      const res = await asAdmin.send('POST', '/api/v1/webhook-endpoints', { body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });

  test('is 403 for a user and 401 without a token', async ({ api, user }) => {
    const body: WebhookEndpointCreate = { url: PUBLIC_URL, events: ['order.created'] };
    expect((await api.as(user.token).POST('/webhook-endpoints', { body })).response.status).toBe(403);
    expect((await api.POST('/webhook-endpoints', { body })).response.status).toBe(401);
  });
});

describe('GET /webhook-endpoints and GET /webhook-endpoints/{id}', () => {
  test('pages through endpoints and never shows a secret', async ({ asAdmin, createEndpoint }) => {
    const created = await createEndpoint();
    await createEndpoint();
    const page = await asAdmin.GET('/webhook-endpoints', { params: { query: { page_size: 1 } } });
    expect(page.response.status).toBe(200);
    expect(page.data).toMatchObject({ page: 1, page_size: 1, has_next: true });
    const one = await asAdmin.GET('/webhook-endpoints/{endpoint_id}', endpointPath(created.id));
    expect(one.response.status).toBe(200);
    expect(JSON.stringify([page.data, one.data])).not.toContain('whsec_');
  });

  test('is 404 for an unknown endpoint and 403 for a user', async ({ api, asAdmin, user }) => {
    expect((await asAdmin.GET('/webhook-endpoints/{endpoint_id}', endpointPath(99999999))).error?.code).toBe(
      'NOT_FOUND',
    );
    expect((await api.as(user.token).GET('/webhook-endpoints')).response.status).toBe(403);
  });
});

describe('PATCH, DELETE and rotate-secret', () => {
  test('disables with a reason and enables again', async ({ asAdmin, createEndpoint }) => {
    const { id } = await createEndpoint();
    const off = await asAdmin.PATCH('/webhook-endpoints/{endpoint_id}', {
      ...endpointPath(id),
      body: { enabled: false },
    });
    expect(off.data).toMatchObject({ enabled: false, disabled_reason: 'disabled by an admin' });
    expect(off.data?.disabled_at).not.toBeNull();
    const on = await asAdmin.PATCH('/webhook-endpoints/{endpoint_id}', {
      ...endpointPath(id),
      body: { enabled: true, events: ['order.shipped'] },
    });
    expect(on.data).toMatchObject({
      enabled: true,
      disabled_at: null,
      disabled_reason: null,
      events: ['order.shipped'],
    });
  });

  test('checks a new url as on creation', async ({ asAdmin, createEndpoint }) => {
    const { id } = await createEndpoint();
    const { response } = await asAdmin.PATCH('/webhook-endpoints/{endpoint_id}', {
      ...endpointPath(id),
      body: { url: 'http://169.254.169.254/' },
    });
    expect(response.status).toBe(422);
  });

  test('rotates to a new secret, answered once', async ({ asAdmin, createEndpoint }) => {
    const { id, secret } = await createEndpoint();
    const { data, response } = await asAdmin.POST('/webhook-endpoints/{endpoint_id}/rotate-secret', endpointPath(id));
    expect(response.status).toBe(200);
    expect(data?.secret).toMatch(/^whsec_/);
    expect(data?.secret).not.toBe(secret);
  });

  test('deletes, then 404', async ({ asAdmin, createEndpoint }) => {
    const { id } = await createEndpoint();
    expect((await asAdmin.DELETE('/webhook-endpoints/{endpoint_id}', endpointPath(id))).response.status).toBe(204);
    expect((await asAdmin.DELETE('/webhook-endpoints/{endpoint_id}', endpointPath(id))).response.status).toBe(404);
  });
});

describe('test, deliveries and retry', () => {
  test('queues a ping as a pending delivery, listed with its webhook-id', async ({ asAdmin, createEndpoint }) => {
    const { id } = await createEndpoint();
    const ping = await asAdmin.POST('/webhook-endpoints/{endpoint_id}/test', endpointPath(id));
    expect(ping.response.status).toBe(202);
    expect(ping.data).toMatchObject({ endpoint_id: id, event_type: 'ping', status: 'pending', attempts: 0 });
    expect(ping.data?.event_id).toMatch(/^msg_/);
    const pingId = ping.data?.id ?? -1;
    const list = await asAdmin.GET('/webhook-endpoints/{endpoint_id}/deliveries', endpointPath(id));
    expect(list.data?.items.map((d) => d.id)).toEqual([pingId]);
    // Still pending: its attempt is scheduled, so a retry is a conflict.
    const retry = await asAdmin.POST('/webhook-deliveries/{delivery_id}/retry', deliveryPath(pingId));
    expect(retry.response.status).toBe(409);
  });

  test('refuses to ping a disabled endpoint, and 404s unknown ones', async ({ asAdmin, createEndpoint }) => {
    const { id } = await createEndpoint();
    await asAdmin.PATCH('/webhook-endpoints/{endpoint_id}', { ...endpointPath(id), body: { enabled: false } });
    const status = async (p: Promise<{ response: Response }>) => (await p).response.status;
    expect(await status(asAdmin.POST('/webhook-endpoints/{endpoint_id}/test', endpointPath(id)))).toBe(409);
    expect(await status(asAdmin.POST('/webhook-endpoints/{endpoint_id}/test', endpointPath(99999999)))).toBe(404);
    expect(await status(asAdmin.GET('/webhook-endpoints/{endpoint_id}/deliveries', endpointPath(99999999)))).toBe(404);
    expect(await status(asAdmin.POST('/webhook-deliveries/{delivery_id}/retry', deliveryPath(99999999)))).toBe(404);
  });
});
