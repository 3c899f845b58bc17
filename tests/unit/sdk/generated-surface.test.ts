// The SDK's and React's per-operation files come from the contract: an
// operation added to it (annotated or not) gets its method and hooks from the
// generator alone, and what is committed is what the generator writes.
import { readFile } from 'node:fs/promises';
import type { ContractDocument } from '@storefront/contract/document';
import { loadContract } from '@storefront/contract/load';
import {
  renderFormattedSurface,
  renderSurface,
  type SurfaceFile,
  surfaceFiles,
} from '../../../openapi/src/surface/index.js';
import { describe, expect, it } from 'vitest';
import { ApiPromise } from '../../../sdk/src/call.js';
import { paginated } from '../../../sdk/src/pagination.js';

const real = await loadContract();

/** The contract with product reviews: a paginated list under a path parameter (no annotation) and an annotated write. */
function withReviews(): ContractDocument {
  const document = structuredClone(real) as ContractDocument & Record<string, any>;
  const ok = (schema: string) => ({
    description: 'OK',
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
  });
  document.paths['/products/{product_id}/reviews'] = {
    get: {
      operationId: 'listProductReviews',
      tags: ['Reviews'],
      summary: 'List the reviews of a product',
      parameters: [
        { $ref: '#/components/parameters/ProductId' },
        { $ref: '#/components/parameters/Page' },
        { $ref: '#/components/parameters/PageSize' },
      ],
      responses: { '200': ok('ProductPage') },
    },
    post: {
      operationId: 'createProductReview',
      tags: ['Reviews'],
      summary: 'Review a product',
      'x-storefront-sdk': { resource: 'products', method: 'addReview', invalidates: ['products', 'productReviews'] },
      parameters: [{ $ref: '#/components/parameters/ProductId' }],
      requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Message' } } } },
      responses: { '201': ok('Product') },
    },
  };
  return document;
}

describe('the generated surface', () => {
  const files = renderSurface(withReviews());

  it('gives an un-annotated operation a method under its first tag, and a list under a path parameter its iterator', () => {
    const sdk = files['sdk/src/generated/resources.ts'];
    expect(sdk).toContain('export function reviewsOperations(');
    expect(sdk).toContain('listProductReviews: listProductReviewsPages.list,');
    expect(sdk).toContain('iterateProductReviews: listProductReviewsPages.iterate,');
    expect(sdk).toMatch(
      /productId: PathParams<'listProductReviews'>\['product_id'\], query\?: Query<'listProductReviews'>/,
    );
    expect(sdk).toContain(
      "client.GET('/products/{product_id}/reviews', { params: { path: { product_id: productId }, query }, ...init })",
    );
    expect(sdk).toContain(
      "export type ResourceName = 'health' | 'auth' | 'users' | 'products' | 'orders' | 'webhooks' | 'reviews';",
    );
    expect(files['sdk/src/generated/operation-methods.ts']).toContain(
      "listProductReviews: 'reviews.listProductReviews',",
    );
  });

  it('puts an annotated operation where its annotation says', () => {
    expect(files['sdk/src/generated/resources.ts']).toContain(
      "addReview: (productId: PathParams<'createProductReview'>['product_id'], body: Body<'createProductReview'>, options?: RequestOptions) =>",
    );
    expect(files['sdk/src/generated/operation-methods.ts']).toContain("createProductReview: 'products.addReview',");
    expect(files['react/src/generated/mutation-runners.ts']).toContain(
      'sdk.products.addReview(v.productId, v.body, v.options)',
    );
    expect(files['react/src/generated/invalidation.ts']).toContain(
      'createProductReview: [keys.products.all(), keys.productReviews.all()],',
    );
  });

  it('gives both their React hooks, the list an infinite one and keys under its product', () => {
    const hooks = files['react/src/generated/query-hooks.ts'];
    expect(hooks).toContain('export function useListProductReviews<S = ProductPage>(');
    expect(hooks).toContain('export function useListProductReviewsInfinite(');
    expect(files['react/src/generated/mutation-hooks.ts']).toContain(
      'export function useCreateProductReview<R = unknown>(',
    );
    expect(files['react/src/generated/keys.ts']).toContain(
      "productReviews: nestedKeys<'productReviews', Query<'listProductReviews'>>('productReviews'),",
    );
    expect(files['react/src/generated/queries.ts']).toContain('keys.productReviews.infinite(productId, filters)');
    const maps = files['react/src/generated/operation-hooks.ts'];
    expect(maps).toContain('listProductReviews: queries.useListProductReviews,');
    expect(maps).toContain('createProductReview: mutations.useCreateProductReview,');
  });

  it('refuses an invalidation target that is no cache group', () => {
    const document = withReviews() as Record<string, any>;
    document.paths['/products/{product_id}/reviews'].post['x-storefront-sdk'].invalidates = ['reviewz'];
    expect(() => renderSurface(document as ContractDocument)).toThrow(/createProductReview: invalidates reviewz/);
  });

  it('is what is committed for the real contract (run `pnpm gen` if this fails)', async () => {
    const fresh = renderFormattedSurface(real);
    for (const path of Object.keys(surfaceFiles) as SurfaceFile[]) {
      const committed = await readFile(new URL(`../../../${path}`, import.meta.url), 'utf8');
      expect(committed, path).toBe(fresh[path]);
      expect(committed.split('\n')[0], path).toMatch(/^\/\/ GENERATED FILE/);
    }
  });
});

describe('paginated()', () => {
  it('iterates a list under a path parameter, passing the parameter to every page', async () => {
    const asked: Array<[number, number | undefined]> = [];
    const list = (productId: number, query?: { page?: number }, _options?: object) => {
      asked.push([productId, query?.page]);
      const page = query?.page ?? 1;
      const data = { items: [`${productId}:${page}`], has_next: page < 3 };
      return new ApiPromise(Promise.resolve({ data, response: new Response(), requestId: 'r' }));
    };
    const { iterate } = paginated(list, 1);
    expect(await iterate(7, { page: 2 }).toArray()).toEqual(['7:2', '7:3']);
    expect(asked).toEqual([
      [7, 2],
      [7, 3],
    ]);
  });
});
