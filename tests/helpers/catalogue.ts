// Product factory for the product and order suites, through the API.
import type { TestClient } from './client.js';
import { uniqueName } from './factories.js';

export interface ProductInput {
  name?: string;
  description?: string | null;
  price?: number;
  stock?: number;
  category?: string | null;
}

export async function createProduct(api: TestClient, adminToken: string, input: ProductInput = {}) {
  const res = await api.post('/api/v1/products', {
    token: adminToken,
    body: { name: input.name ?? uniqueName('product'), price: input.price ?? 9.99, stock: input.stock ?? 10, description: input.description ?? null, category: input.category ?? null },
  });
  if (res.status !== 201) throw new Error(`createProduct failed: ${res.status} ${res.text}`);
  return res.body as { id: number; name: string; price: number; stock: number; category: string | null };
}
