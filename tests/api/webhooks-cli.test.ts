// `storefront webhooks list | deliveries | retry`, in process next to a
// running app and a real receiver.
import { describe, expect } from 'vitest';
import { cliRunner } from '../helpers/cli.js';
import { appTest } from '../helpers/fixtures.js';
import { QUEUE_ENV } from '../helpers/orders.js';
import { startReceiver } from '../helpers/webhook-receiver.js';

const test = appTest({ ...QUEUE_ENV, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' })
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern
  .extend('receiver', { scope: 'file' }, async ({}, { onCleanup }) => {
    const receiver = await startReceiver();
    onCleanup(() => receiver.close());
    return receiver;
  })
  .extend('cli', { scope: 'file' }, ({ config, handle }) => cliRunner(config, handle));

describe('storefront webhooks', () => {
  test('lists endpoints without secrets, shows deliveries, and retries one under the same webhook-id', async ({
    admin,
    api,
    cli,
    receiver,
  }) => {
    const asAdmin = api.as(admin.token);
    const created = await asAdmin.POST('/webhook-endpoints', {
      body: { url: receiver.url, events: ['order.created'] },
    });
    const id = created.data?.id ?? -1;
    const { data: ping } = await asAdmin.POST('/webhook-endpoints/{endpoint_id}/test', {
      params: { path: { endpoint_id: id } },
    });
    if (!ping) throw new Error('testWebhookEndpoint returned no delivery');
    const [first] = await receiver.waitFor(1);

    const list = await cli(['webhooks', 'list']);
    expect(list.code).toBe(0);
    expect(list.out).toContain(`${id}\tenabled\t${receiver.url}\torder.created`);
    expect(list.out).not.toContain('whsec_');

    await expect
      .poll(async () => (await cli(['webhooks', 'deliveries', '--endpoint', String(id)])).out)
      .toContain(`${ping.id}\t${ping.event_id}\tping\tdelivered\t1 attempt\t204`);

    const retry = await cli(['webhooks', 'retry', String(ping.id)]);
    expect(retry.code).toBe(0);
    const [, second] = await receiver.waitFor(2);
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
  });

  test('exits 1 for an unknown delivery and 2 without --endpoint', async ({ cli }) => {
    const unknown = await cli(['webhooks', 'retry', '99999999']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('not found');
    expect((await cli(['webhooks', 'deliveries'])).code).toBe(2);
  });
});
