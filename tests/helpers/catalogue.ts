// Product factory for the product and order suites, through the API.
import type { TestClient } from './test-client.js';
import { uniqueName } from './factories.js';

export interface ProductInput {
  name?: string;
  description?: string | null;
  price?: number;
  stock?: number;
  category?: string | null;
}

export async function createProduct(api: TestClient, adminToken: string, input: ProductInput = {}) {
  const { data, error, response } = await api.as(adminToken).POST('/products', {
    body: {
      name: input.name ?? uniqueName('product'),
      price: input.price ?? 9.99,
      stock: input.stock ?? 10,
      description: input.description ?? null,
      category: input.category ?? null,
    },
  });
  if (!data) throw new Error(`createProduct failed: ${response.status} ${JSON.stringify(error)}`);
  return data;
}
