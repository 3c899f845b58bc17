import { call, init } from '../call.js';
import type { ClientParts } from '../client.js';
import { paginated } from '../pagination.js';
import type { Body, Data, ConditionalOptions, PathParams, Query, RequestOptions } from '../types.js';

type ProductId = PathParams<'getProduct'>['product_id'];

export function productsResource({ client }: ClientParts) {
  return {
    /** listProducts, the public catalogue: `list` for one page, `iterate` for all. */
    ...paginated((query?: Query<'listProducts'>, options?: RequestOptions) =>
      call<Data<'listProducts'>>(client.GET('/products', { params: { query }, ...init(options) })),
    ),
    /** createProduct (admin). */
    create: (body: Body<'createProduct'>, options?: RequestOptions) =>
      call<Data<'createProduct'>>(client.POST('/products', { body, ...init(options) })),
    /** getProduct: its ETag is on `withResponse()`'s response. */
    get: (productId: ProductId, options?: RequestOptions) =>
      call<Data<'getProduct'>>(client.GET('/products/{product_id}', { params: { path: { product_id: productId } }, ...init(options) })),
    /** updateProduct (admin): partial update. */
    update: (productId: ProductId, body: Body<'updateProduct'>, options?: ConditionalOptions) =>
      call<Data<'updateProduct'>>(
        client.PATCH('/products/{product_id}', { params: { path: { product_id: productId } }, body, ...init(options) }),
      ),
    /** replaceProduct (deprecated PUT alias of update). */
    replace: (productId: ProductId, body: Body<'replaceProduct'>, options?: ConditionalOptions) =>
      call<Data<'replaceProduct'>>(
        client.PUT('/products/{product_id}', { params: { path: { product_id: productId } }, body, ...init(options) }),
      ),
    /** deleteProduct (admin). */
    delete: (productId: ProductId, options?: RequestOptions) =>
      call<Data<'deleteProduct'>>(client.DELETE('/products/{product_id}', { params: { path: { product_id: productId } }, ...init(options) })),
  };
}
