import type { ConditionalOptions, RequestOptions } from '../call.js';
import type { ClientParts } from '../client.js';
import { paginated } from '../pagination.js';
import type { Body, Data, PathParams, Query } from '../types.js';
import type { Product, ProductPage } from '../schemas.js';

type ProductId = PathParams<'getProduct'>['product_id'];

export function productsResource({ client, call }: ClientParts) {
  return {
    /** listProducts, the public catalogue: `list` for one page, `iterate` for all. */
    ...paginated((query?: Query<'listProducts'>, options?: RequestOptions) =>
      call<ProductPage>(options, (init) => client.GET('/products', { params: { query }, ...init })),
    ),
    /** createProduct (admin). */
    create: (body: Body<'createProduct'>, options?: RequestOptions) =>
      call<Product>(options, (init) => client.POST('/products', { body, ...init })),
    /** getProduct: its ETag is on `withResponse()`'s response. */
    get: (productId: ProductId, options?: RequestOptions) =>
      call<Product>(options, (init) =>
        client.GET('/products/{product_id}', { params: { path: { product_id: productId } }, ...init }),
      ),
    /** updateProduct (admin): partial update. */
    update: (productId: ProductId, body: Body<'updateProduct'>, options?: ConditionalOptions) =>
      call<Product>(options, (init) =>
        client.PATCH('/products/{product_id}', { params: { path: { product_id: productId } }, body, ...init }),
      ),
    /** replaceProduct (deprecated PUT alias of update). */
    replace: (productId: ProductId, body: Body<'replaceProduct'>, options?: ConditionalOptions) =>
      call<Product>(options, (init) =>
        client.PUT('/products/{product_id}', { params: { path: { product_id: productId } }, body, ...init }),
      ),
    /** deleteProduct (admin). */
    delete: (productId: ProductId, options?: RequestOptions) =>
      call<Data<'deleteProduct'>>(options, (init) =>
        client.DELETE('/products/{product_id}', { params: { path: { product_id: productId } }, ...init }),
      ),
  };
}
