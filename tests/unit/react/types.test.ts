// Type-level guarantees of the hooks, checked by `tsc -p tests`: data are
// the contract's schemas, errors the SDK's error classes, variables named.
// The hooks are only type-checked here: the use* functions below are never called.
import { describe, expectTypeOf, it } from 'vitest';
import type { components, ProductPage, StorefrontError } from '../../../sdk/src/index.js';
import {
  useAuth,
  useCancelOrder,
  useCreateOrder,
  useGetOrder,
  useListProducts,
  useListProductsInfinite,
  useUpdateProduct,
} from '../../../react/src/index.js';

type Schemas = components['schemas'];

function useQueryTypes() {
  const order = useGetOrder(1);
  expectTypeOf(order.data).toEqualTypeOf<Schemas['Order'] | undefined>();
  expectTypeOf(order.error).toEqualTypeOf<StorefrontError | null>();
  const products = useListProducts({ search: 'lamp', in_stock: true });
  expectTypeOf(products.data?.items).toEqualTypeOf<Schemas['Product'][] | undefined>();
  const names = useListProducts({}, { select: (page) => page.items.map((p) => p.name) });
  expectTypeOf(names.data).toEqualTypeOf<string[] | undefined>();
  const pages = useListProductsInfinite({ category: 'books' });
  expectTypeOf(pages.data?.pages).toEqualTypeOf<ProductPage[] | undefined>();
  expectTypeOf(pages.error).toEqualTypeOf<StorefrontError | null>();
  // @ts-expect-error an infinite query walks the pages itself
  useListProductsInfinite({ page: 2 });
}

function useMutationTypes() {
  const cancel = useCancelOrder();
  cancel.mutate({ orderId: 1 });
  // @ts-expect-error the order id is named
  cancel.mutate(1);
  expectTypeOf(cancel.error).toEqualTypeOf<StorefrontError | null>();
  const create = useCreateOrder();
  expectTypeOf(create.mutateAsync).parameter(0).toHaveProperty('body').toEqualTypeOf<Schemas['OrderCreate']>();
  expectTypeOf(create.data).toMatchTypeOf<Schemas['Order'] | undefined>();
  const update = useUpdateProduct();
  update.mutate({ productId: 1, body: { price: 10 }, options: { ifMatch: '"abc"' } });
}

function useAuthTypes() {
  const state = useAuth();
  expectTypeOf(state.user).toEqualTypeOf<Schemas['User'] | undefined>();
  expectTypeOf(state.status).toEqualTypeOf<'loading' | 'signedIn' | 'signedOut' | 'error'>();
  expectTypeOf(state.login).parameter(0).toEqualTypeOf<Schemas['LoginRequest']>();
}

describe('hook types', () => {
  it('are checked by tsc (queries, mutations, auth)', () => {
    expectTypeOf(useQueryTypes).toBeFunction();
    expectTypeOf(useMutationTypes).toBeFunction();
    expectTypeOf(useAuthTypes).toBeFunction();
  });
});
