// The README's webhook receiver, run as it is written (extracted from the
// README, in its own process) against the app: it verifies with nothing but
// its secret and `standardwebhooks`, and sees an order's events.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { createProduct } from '../helpers/catalogue.js';
import { appTest } from '../helpers/fixtures.js';
import { placeOrder, QUEUE_ENV } from '../helpers/orders.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');

const test = appTest({ ...QUEUE_ENV, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });

let dir: string;
let receiver: ChildProcess | undefined;
let output = '';
beforeAll(async () => {
  // Inside the checkout, so `standardwebhooks` resolves from its node_modules.
  await mkdir(join(root, 'node_modules/.cache'), { recursive: true });
  dir = await mkdtemp(join(root, 'node_modules/.cache/readme-receiver-'));
});
afterAll(async () => {
  receiver?.kill();
  await rm(dir, { recursive: true, force: true });
});

async function untilOutput(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = output.match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`receiver never printed ${pattern}; it printed: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("the README's receiver verifies and prints an order's order.created and order.completed", async ({
  admin,
  api,
  user,
}) => {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const code = readme.match(/<!-- webhook-receiver -->\n```ts\n([\s\S]*?)```/)?.[1];
  expect(code).toBeDefined();
  await writeFile(join(dir, 'receiver.ts'), code as string);

  const asAdmin = api.as(admin.token);
  const { data: endpoint } = await asAdmin.POST('/webhook-endpoints', {
    body: { url: 'http://127.0.0.1:9/not-yet', events: ['order.created', 'order.completed'] },
  });
  if (!endpoint) throw new Error('createWebhookEndpoint returned no endpoint');
  receiver = spawn(process.execPath, [tsx, join(dir, 'receiver.ts')], {
    env: { ...process.env, WEBHOOK_SECRET: endpoint.secret, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  receiver.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  receiver.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [, port] = await untilOutput(/listening on (\d+)/);
  await asAdmin.PATCH('/webhook-endpoints/{endpoint_id}', {
    params: { path: { endpoint_id: endpoint.id } },
    body: { url: `http://127.0.0.1:${port}/hooks` },
  });

  const product = await createProduct(api, admin.token, { stock: 3 });
  const order = await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);
  await untilOutput(new RegExp(`order\\.created order ${order.id} pending`));
  await untilOutput(new RegExp(`order\\.completed order ${order.id} completed`));
}, 60_000);
