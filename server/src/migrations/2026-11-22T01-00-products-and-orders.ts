// Frozen: never edit a migration that has shipped; add a new one instead.
import { type Kysely, sql } from 'kysely';

const ORDER_STATUSES = sql`('pending', 'processing', 'completed', 'failed', 'shipped', 'delivered', 'cancelled')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable('products')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // Exact money: NUMERIC, never float.
    .addColumn('price', sql`numeric(12, 2)`, (c) => c.notNull().check(sql`price > 0`))
    // The last line of defence against overselling: stock can never go negative.
    .addColumn('stock', 'integer', (c) => c.notNull().defaultTo(0).check(sql`stock >= 0`))
    .addColumn('category', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // Soft delete: a product that orders reference leaves the catalogue but stays for their history.
    .addColumn('deleted_at', 'timestamptz')
    // Bumped on every change; the ETag is built from it.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Substring search (ILIKE '%text%') on name or description: trigram GIN
  // indexes, one per column so an OR of both becomes a BitmapOr of two scans.
  await sql`create index products_name_trgm_idx on products using gin (name gin_trgm_ops) where deleted_at is null`.execute(
    db,
  );
  await sql`create index products_description_trgm_idx on products using gin (description gin_trgm_ops) where deleted_at is null`.execute(
    db,
  );
  // One b-tree per sort path, with the id tie-break, so a page is an index
  // range scan (forward or backward) rather than a sort of the catalogue.
  // Only live products are ever listed, hence partial.
  for (const [name, columns] of [
    ['products_created_idx', sql`(created_at, id)`],
    ['products_price_idx', sql`(price, id)`],
    ['products_name_idx', sql`(name, id)`],
    ['products_category_created_idx', sql`(category, created_at, id)`],
    ['products_category_price_idx', sql`(category, price, id)`],
    ['products_category_name_idx', sql`(category, name, id)`],
  ] as const) {
    await sql`create index ${sql.id(name)} on products ${columns} where deleted_at is null`.execute(db);
  }

  await db.schema
    .createTable('orders')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ${ORDER_STATUSES}`))
    // 14 digits: 100 items x 1000 units x the highest price (1,000,000) does not fit in 12.
    .addColumn('total_amount', sql`numeric(14, 2)`)
    .addColumn('shipping_address', 'text', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text')
    // True while this order holds stock: set when processing reserves it,
    // cleared when a cancellation gives it back. Only then is stock returned.
    .addColumn('stock_reserved', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The database decides which of two racing requests with one key wins.
  await sql`create unique index orders_idempotency_key on orders (user_id, idempotency_key) where idempotency_key is not null`.execute(
    db,
  );
  // Newest-first lists: a user's own, everyone's (admin), and by status.
  await sql`create index orders_user_created_idx on orders (user_id, created_at, id)`.execute(db);
  await sql`create index orders_created_idx on orders (created_at, id)`.execute(db);
  await sql`create index orders_status_created_idx on orders (status, created_at, id)`.execute(db);

  await db.schema
    .createTable('order_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    // No cascade: a referenced product is soft-deleted, never removed.
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity between 1 and 1000`))
    // Snapshots taken when the order is processed; null while pending.
    .addColumn('product_name', 'text')
    .addColumn('unit_price', sql`numeric(12, 2)`)
    .addUniqueConstraint('order_items_order_product_key', ['order_id', 'product_id'])
    .execute();
  await db.schema.createIndex('order_items_product_id_idx').on('order_items').column('product_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order_items').execute();
  await db.schema.dropTable('orders').execute();
  await db.schema.dropTable('products').execute();
}
