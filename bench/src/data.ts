// The bench database: created on the local Postgres next to DATABASE_URL's
// database, migrated with the server's migrations, filled with the demo
// catalogue in batches (grown in place for the growth scenario), dropped at the end.
import { sql } from 'kysely';
import pg from 'pg';
import { createPasswordHasher } from '@storefront/server/identity/passwords';
import { connectDatabase, type DatabaseHandle } from '@storefront/server/db/connect';
import { demoProducts } from '@storefront/server/db/demo-products';
import { migrateToLatest } from '@storefront/server/db/migrate';

export const BENCH_USER = { email: 'bench@example.com', username: 'bench_user', password: 'Bench#12345' };

export interface BenchDatabase {
  url: string;
  handle: DatabaseHandle;
  products: number;
  drop(): Promise<void>;
}

export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `sf_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await connectDatabase({ databaseUrl: url.toString(), dataDir: 'unused' });
  await migrateToLatest(handle.db);
  // The queue table of the ceiling's and the Hono peer's one-statement order placement (systems/order-sql.ts).
  await sql`create table bench_job (id bigint generated always as identity primary key, name text not null,
    data jsonb not null, state text not null default 'created', created_on timestamptz not null default now())`.execute(
    handle.db,
  );
  const hash = await createPasswordHasher(12).hash(BENCH_USER.password);
  await handle.db
    .insertInto('users')
    .values({
      username: BENCH_USER.username,
      email: BENCH_USER.email,
      password_hash: hash,
      full_name: 'Bench User',
      role: 'user',
    })
    .execute();
  return {
    url: url.toString(),
    handle,
    products: 0,
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Grows the catalogue to `target` products (the same deterministic rows as `pnpm db:load-catalogue`). */
export async function growCatalogue(bench: BenchDatabase, target: number, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const from = bench.products;
  while (bench.products < target) {
    const size = Math.min(5000, target - bench.products);
    await bench.handle.db.insertInto('products').values(demoProducts(size, bench.products)).execute();
    bench.products += size;
  }
  // Plenty of stock on the products that orders use, so processing completes them.
  await bench.handle.db.updateTable('products').set({ stock: 1_000_000_000 }).where('id', '<=', 100).execute();
  await sql`vacuum analyze products`.execute(bench.handle.db);
  if (target > from)
    log(
      `catalogue: ${target.toLocaleString('en')} products (loaded ${(target - from).toLocaleString('en')} in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
}
