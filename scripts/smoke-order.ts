// `tsx scripts/smoke-order.ts BASE_URL`: one order end to end against a running
// server, as CI does against the container image. Logs in as the first admin
// (ADMIN_EMAIL / ADMIN_PASSWORD, which the server was started with), creates a
// product, places an order for it and waits for it with `Prefer: wait` until it
// is completed. Exits 1 saying which step failed.
import { createStorefront } from '@storefront/sdk';

const baseUrl = process.argv[2];
const email = process.env.ADMIN_EMAIL;
const password = process.env.ADMIN_PASSWORD;
if (!baseUrl || !email || !password) {
  console.error('usage: ADMIN_EMAIL=… ADMIN_PASSWORD=… tsx scripts/smoke-order.ts http://host:port/api/v1');
  process.exit(2);
}

const sdk = createStorefront({ baseUrl, timeoutMs: 30_000 });
const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (err) {
    console.error(`smoke order: ${name} failed: ${(err as Error).message}`);
    process.exit(1);
  }
};

await step('admin login', () => sdk.auth.login({ email, password }));
const product = await step('createProduct', () =>
  sdk.products.create({ name: `Smoke test ${Date.now()}`, price: 12.5, stock: 3 }),
);
const order = await step('createOrder', () =>
  sdk.orders.create({
    items: [{ product_id: product.id, quantity: 1 }],
    shipping_address: '1 Container Row, Testville',
  }),
);
let status = order.status;
for (let attempt = 0; attempt < 3 && (status === 'pending' || status === 'processing'); attempt++) {
  const seen = await step('getOrder with Prefer: wait', () =>
    sdk.orders.get(order.id, { headers: { Prefer: 'wait=10' }, attemptTimeoutMs: 15_000 }),
  );
  status = seen.status;
}
if (status !== 'completed') {
  console.error(`smoke order: order ${order.id} is ${status}, not completed`);
  process.exit(1);
}
console.log(`smoke order: order ${order.id} for product ${product.id} completed`);
