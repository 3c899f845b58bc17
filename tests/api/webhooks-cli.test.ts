// `storefront webhooks list | deliveries | retry`, in process next to a
// running app and a real receiver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { type CliResult, cliRunner } from '../helpers/cli.js';
import { createAdmin, type TestUser } from '../helpers/factories.js';
import { QUEUE_ENV } from '../helpers/orders.js';
import { startReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

let t: TestApp;
let admin: TestUser;
let receiver: WebhookReceiver;
let cli: (argv: string[]) => Promise<CliResult>;
beforeAll(async () => {
  t = await buildTestApp({ ...QUEUE_ENV, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  admin = await createAdmin(t.api, t.database.handle.db);
  receiver = await startReceiver();
  cli = cliRunner(t.config, t.database.handle);
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

describe('storefront webhooks', () => {
  it('lists endpoints without secrets, shows deliveries, and retries one under the same webhook-id', async () => {
    const created = await t.api.post('/api/v1/webhook-endpoints', {
      token: admin.token,
      body: { url: receiver.url, events: ['order.created'] },
    });
    const id = created.body.id as number;
    const ping = await t.api.post(`/api/v1/webhook-endpoints/${id}/test`, { token: admin.token });
    const [first] = await receiver.waitFor(1);

    const list = await cli(['webhooks', 'list']);
    expect(list.code).toBe(0);
    expect(list.out).toContain(`${id}\tenabled\t${receiver.url}\torder.created`);
    expect(list.out).not.toContain('whsec_');

    await expect
      .poll(async () => (await cli(['webhooks', 'deliveries', '--endpoint', String(id)])).out)
      .toContain(`${ping.body.id}\t${ping.body.event_id}\tping\tdelivered\t1 attempt\t204`);

    const retry = await cli(['webhooks', 'retry', String(ping.body.id)]);
    expect(retry.code).toBe(0);
    const [, second] = await receiver.waitFor(2);
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
  });

  it('exits 1 for an unknown delivery and 2 without --endpoint', async () => {
    const unknown = await cli(['webhooks', 'retry', '99999999']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('not found');
    expect((await cli(['webhooks', 'deliveries'])).code).toBe(2);
  });
});
