// The catalogue the shoppers browse, written straight into the database after
// the migrations (set-up, not part of the workload): the server's demo
// products, most with ample stock and one in ten with the demo's few units,
// so some orders fail for lack of stock as they would in a real shop. The
// initial stock of each is kept for the stock invariant.
import { demoProducts } from '@storefront/server/db/demo-products';
import pg from 'pg';

export const CATEGORIES = ['books', 'electronics', 'kitchen', 'garden', 'toys', 'sports', 'music', 'office'];
export const SEARCH_WORDS = ['lamp', 'kettle', 'smart', 'vintage', 'mug', 'guitar', 'eco', 'wireless', 'no-such'];

export interface Catalogue {
  /** Products with stock to spare. */
  ample: number[];
  /** Products with a few units, soon sold out. */
  scarce: number[];
  /** Initial stock by product id. */
  initialStock: Map<number, number>;
  /** Products the admins created during the drill (shoppers see them too). */
  created: number[];
}

export async function seedCatalogue(url: string, count: number): Promise<Catalogue> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const products = demoProducts(count).map((p, i) => ({ ...p, stock: i % 10 === 9 ? p.stock % 12 : 100_000 }));
    const values = products.flatMap((p) => [p.name, p.description, p.price, p.stock, p.category]);
    const rows = products.map((_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`);
    const { rows: inserted } = await client.query<{ id: number; stock: number }>(
      `insert into products (name, description, price, stock, category) values ${rows.join(', ')} returning id, stock`,
      values,
    );
    const catalogue: Catalogue = { ample: [], scarce: [], initialStock: new Map(), created: [] };
    for (const { id, stock } of inserted) {
      catalogue.initialStock.set(id, stock);
      (stock >= 100_000 ? catalogue.ample : catalogue.scarce).push(id);
    }
    return catalogue;
  } finally {
    await client.end();
  }
}
