// All SQL about products. Functions take the database (or a transaction) first.
import { type Compilable, CompiledQuery, type Kysely, sql } from 'kysely';
import type { Database, ProductRow } from '../db/database.js';
import { compiledOnce, param } from '../db/compiled-once.js';
import { containsPattern } from '../db/like.js';
import type { components } from '@storefront/contract/types';

type Db = Kysely<Database>;
export type Product = components['schemas']['Product'];
export type ProductSort = 'created_at' | '-created_at' | 'price' | '-price' | 'name' | '-name';

/** The one mapping from a row to the API shape. NUMERIC arrives as an exact decimal string. */
export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    price: Number(row.price),
    stock: row.stock,
    category: row.category,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export interface ProductFields {
  name?: string;
  description?: string | null;
  price?: number;
  stock?: number;
  category?: string | null;
}

export async function insertProduct(
  db: Db,
  fields: {
    name: string;
    description: string | null;
    price: number;
    stock: number;
    category: string | null;
    created_by: number;
  },
): Promise<ProductRow> {
  // A JS number like 19.99 is sent as the text "19.99", so NUMERIC stores it exactly.
  return db.insertInto('products').values(fields).returningAll().executeTakeFirstOrThrow();
}

const liveProduct = compiledOnce((db: Db) =>
  db.selectFrom('products').selectAll().where('id', '=', param<number>(1)).where('deleted_at', 'is', null),
);

/** A live (not deleted) product (getProduct's hot path, compiled once). */
export async function findProduct(db: Db, id: number): Promise<ProductRow | undefined> {
  return (await liveProduct(db, [id]))[0];
}

/**
 * Applies `patch` to a live product under its row lock, after `check` has
 * seen the current row (e.g. to refuse a stale If-Match), and bumps the version.
 */
export async function updateProduct(
  db: Db,
  id: number,
  patch: ProductFields,
  check: (current: ProductRow) => void,
): Promise<ProductRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('products')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return undefined;
    check(current);
    return trx
      .updateTable('products')
      .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/**
 * Removes a product, or soft-deletes it when an order references it so the
 * order keeps its history. The row lock makes this wait for an order being
 * placed for it (placement holds a key-share lock), so the check is reliable.
 */
export async function deleteProduct(db: Db, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('products')
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return false;
    const referenced = await trx
      .selectFrom('order_items')
      .select('id')
      .where('product_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (referenced) {
      await trx
        .updateTable('products')
        .set({ deleted_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    } else {
      await trx.deleteFrom('products').where('id', '=', id).execute();
    }
    return true;
  });
}

export interface ProductFilter {
  page: number;
  pageSize: number;
  search?: string | undefined;
  category?: string | undefined;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  inStock?: boolean | undefined;
  sort: ProductSort;
}

const SORT_COLUMNS = { created_at: 'created_at', price: 'price', name: 'name' } as const;

/** Up to this many matches, `total` is an exact count. */
export const EXACT_TOTAL_LIMIT = 1000;
/** When the planner expects more matches than this, `total` is its estimate and nothing is counted. */
const ESTIMATE_ABOVE = 10 * EXACT_TOTAL_LIMIT;

/**
 * A page of live products and their `total`, without ever counting a large
 * result: the planner's row estimate (no execution) decides; when it expects
 * few matches they are counted, stopping at EXACT_TOTAL_LIMIT + 1; otherwise,
 * or past that limit, `total` is the estimate. Either way it is never below
 * what this page proves exists, and it is exact once the page reaches the end
 * of the results (one extra row is fetched to know), so `has_next` is exact.
 */
export async function listProducts(db: Db, f: ProductFilter): Promise<{ rows: ProductRow[]; total: number }> {
  let query = db.selectFrom('products').where('deleted_at', 'is', null);
  if (f.search !== undefined) {
    const pattern = containsPattern(f.search);
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('description', 'ilike', pattern)]));
  }
  if (f.category !== undefined) query = query.where('category', '=', f.category);
  if (f.minPrice !== undefined) query = query.where('price', '>=', String(f.minPrice)); // compared as NUMERIC
  if (f.maxPrice !== undefined) query = query.where('price', '<=', String(f.maxPrice));
  if (f.inStock !== undefined) query = query.where('stock', f.inStock ? '>' : '=', 0);

  const descending = f.sort.startsWith('-');
  const column = SORT_COLUMNS[f.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS];
  const direction = descending ? 'desc' : 'asc';
  const offset = (f.page - 1) * f.pageSize;
  const matches = query.select(sql<number>`1`.as('one'));
  const countTotal = async (): Promise<number> => {
    const estimate = await plannedRows(db, matches);
    if (estimate > ESTIMATE_ABOVE) return estimate;
    const capped = await db
      .selectFrom(matches.limit(EXACT_TOTAL_LIMIT + 1).as('m'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const counted = Number(capped.n);
    return counted <= EXACT_TOTAL_LIMIT ? counted : Math.max(estimate, counted);
  };
  const [fetched, estimated] = await Promise.all([
    query
      .selectAll()
      .orderBy(column, direction)
      .orderBy('id', direction) // ties break on id, in the same direction, to match the indexes
      .limit(f.pageSize + 1)
      .offset(offset)
      .execute(),
    countTotal(),
  ]);
  const more = fetched.length > f.pageSize;
  const rows = more ? fetched.slice(0, f.pageSize) : fetched;
  // An empty page past the end says nothing about where the end is: keep the count or estimate.
  const atEnd = !more && rows.length > 0;
  const total = atEnd ? offset + rows.length : Math.max(estimated, more ? offset + f.pageSize + 1 : 0);
  return { rows, total };
}

/** The planner's estimate of how many rows `query` returns; planning only, nothing is executed. */
async function plannedRows(db: Db, query: Compilable): Promise<number> {
  const { sql: text, parameters } = query.compile();
  const result = await db.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]),
  );
  const raw = result.rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: { 'Plan Rows': number } }>;
  return Math.round(plan[0]?.Plan['Plan Rows'] ?? 0);
}
