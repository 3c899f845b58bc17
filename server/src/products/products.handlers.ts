// The catalogue: anyone reads, admins write (the contract's security enforces the role).
import type { FastifyReply } from 'fastify';
import { principalOf } from '../identity/principal.js';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { etagOf, ifMatchAllows } from '../etag.js';
import type { ApiRequest, Handlers } from '../http/handler-types.js';
import { pageOf, pageParams } from '../http/pagination.js';
import type { ProductRow } from '../db/database.js';
import {
  deleteProduct,
  findProduct,
  insertProduct,
  listProducts,
  toProduct,
  updateProduct,
} from './products.repository.js';

type ProductOperation =
  | 'listProducts'
  | 'createProduct'
  | 'getProduct'
  | 'updateProduct'
  | 'replaceProduct'
  | 'deleteProduct';

const productEtag = (row: ProductRow) => etagOf('p', row.id, row.version);

export function createProductHandlers({ db }: AppContext): Handlers<ProductOperation> {
  async function update(req: ApiRequest<'updateProduct' | 'replaceProduct'>, reply: FastifyReply) {
    const id = req.params.product_id;
    const ifMatch = req.headers['if-match'];
    const row = await updateProduct(db, id, req.body, (current) => {
      if (!ifMatchAllows(ifMatch, productEtag(current))) {
        throw new AppError('PRECONDITION_FAILED', `Product ${id} was modified since the given ETag`);
      }
    });
    if (!row) throw notFound(`Product ${id}`);
    reply.header('etag', productEtag(row));
    return toProduct(row);
  }

  return {
    /** Public: filter, search, sort and page through live products. */
    async listProducts(req) {
      const { page, pageSize } = pageParams(req.query);
      const q = req.query ?? {};
      const { rows, total } = await listProducts(db, {
        page,
        pageSize,
        search: q.search,
        category: q.category,
        minPrice: q.min_price,
        maxPrice: q.max_price,
        inStock: q.in_stock,
        sort: q.sort ?? '-created_at',
      });
      return pageOf(rows.map(toProduct), total, page, pageSize);
    },

    /** Admin: the caller becomes `created_by`. */
    async createProduct(req, reply) {
      const { name, description, price, stock, category } = req.body;
      const row = await insertProduct(db, {
        name,
        description: description ?? null,
        price,
        stock: stock ?? 0,
        category: category ?? null,
        created_by: principalOf(req).userId,
      });
      reply.code(201).header('location', `/api/v1/products/${row.id}`).header('etag', productEtag(row));
      return toProduct(row);
    },

    /** Public: deleted products are 404. */
    async getProduct(req, reply) {
      const id = req.params.product_id;
      const row = await findProduct(db, id);
      if (!row) throw notFound(`Product ${id}`);
      reply.header('etag', productEtag(row));
      return toProduct(row);
    },

    /** Admin: partial update, optionally guarded by If-Match. */
    updateProduct: update,
    /** Deprecated PUT alias of updateProduct (same partial semantics). */
    replaceProduct: update,

    /** Admin: hard delete, or soft delete when orders reference it. */
    async deleteProduct(req, reply) {
      const id = req.params.product_id;
      if (!(await deleteProduct(db, id))) throw notFound(`Product ${id}`);
      reply.code(204);
      return undefined;
    },
  };
}
