// An admin maintains the catalogue: create, conditional update with ETags,
// raw access through the typed openapi-fetch client, and deletion.
// Run: STOREFRONT_URL=... STOREFRONT_ADMIN_EMAIL=... STOREFRONT_ADMIN_PASSWORD=... npx tsx examples/admin-catalogue.ts
import { createStorefront, PreconditionFailedError } from '@storefront/sdk';

const sdk = createStorefront({ baseUrl: process.env.STOREFRONT_URL ?? 'http://127.0.0.1:3000/api/v1' });
await sdk.auth.login({
  email: process.env.STOREFRONT_ADMIN_EMAIL ?? '',
  password: process.env.STOREFRONT_ADMIN_PASSWORD ?? '',
});

const product = await sdk.products.create({
  name: 'Mechanical keyboard',
  price: 89.9,
  stock: 12,
  category: 'electronics',
});
console.log(`created product ${product.id}`);

// withResponse() gives the raw Response too: here, for the ETag.
const { response } = await sdk.products.get(product.id).withResponse();
const etag = response.headers.get('etag') ?? '';
await sdk.products.update(product.id, { price: 79.5 }, { ifMatch: etag });
try {
  await sdk.products.update(product.id, { price: 69.5 }, { ifMatch: etag }); // stale ETag
} catch (err) {
  if (!(err instanceof PreconditionFailedError)) throw err;
  console.log('stale update refused with 412, nothing changed');
}

// Layer 1: the typed openapi-fetch client, with the same tokens and retries.
const { data } = await sdk.client.GET('/products', { params: { query: { category: 'electronics', page_size: 5 } } });
console.log(`electronics: ${data?.total ?? 0}`);

await sdk.products.delete(product.id);
console.log(`deleted product ${product.id}`);
