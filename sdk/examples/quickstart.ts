// A customer's journey: register, log in, browse, order and wait for the outcome.
// Run: STOREFRONT_URL=http://127.0.0.1:3000/api/v1 npx tsx examples/quickstart.ts
import { createStorefront, NotFoundError, type Product } from '@storefront/sdk';

const sdk = createStorefront({
  baseUrl: process.env.STOREFRONT_URL ?? 'http://127.0.0.1:3000/api/v1',
  timeoutMs: 10_000, // the whole call, retries included
  attemptTimeoutMs: 5_000, // one attempt
  maxRetries: 2, // 429/502/503/504 and network errors, safe requests only
});

// Register and log in: the token pair goes into the SDK's token store, and
// an expired access token is refreshed transparently.
const username = `demo_${Date.now().toString(36)}`;
const password = 'Analytical#Engine1';
await sdk.auth.register({ username, email: `${username}@example.com`, password, full_name: 'Ada Lovelace' });
await sdk.auth.login({ username, password });
const me = await sdk.auth.me();
console.log(`logged in as ${me.username} (request ${me.requestId})`);

// Walk the whole catalogue, page after page, cheapest first.
let cheapest: Product | undefined;
for await (const product of sdk.products.iterate({ in_stock: true, sort: 'price' })) {
  cheapest ??= product;
  console.log(`${product.name}: ${product.price}`);
}

// Place an order (an Idempotency-Key is added, so retries are safe) and wait
// until it is processed.
if (cheapest) {
  const order = await sdk.orders.createAndWait(
    { items: [{ product_id: cheapest.id, quantity: 1 }], shipping_address: '12 Analytical Row, London' },
    { timeoutMs: 15_000 },
  );
  console.log(`order ${order.id}: ${order.status}, total ${order.total_amount}`);
}

// Failures are typed errors carrying the server's code and request id.
try {
  await sdk.products.get(2_000_000_000);
} catch (err) {
  if (!(err instanceof NotFoundError)) throw err;
  console.log(`not found: ${err.code} (request ${err.requestId})`);
}

await sdk.auth.logout();
