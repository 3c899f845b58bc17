// Type-level guarantees. The expectTypeOf checks run under `tsc -p tests`;
// the fixture is compiled here, so wrong parameter types provably fail.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type ApiPromise,
  type components,
  createStorefront,
  type OrderPage,
  type ProductPage,
  type Result,
  type UserPage,
} from '../../../sdk/src/index.js';

type Schemas = components['schemas'];
const sdk = createStorefront({ baseUrl: 'http://127.0.0.1:1/api/v1' });

describe('types', () => {
  it('results are the contract schemas plus the request id', () => {
    expectTypeOf(sdk.products.get).returns.toEqualTypeOf<ApiPromise<Result<Schemas['Product']>>>();
    expectTypeOf(sdk.auth.me).returns.resolves.toMatchTypeOf<Schemas['User']>();
    expectTypeOf(sdk.orders.createAndWait).returns.resolves.toMatchTypeOf<Schemas['Order'] & { requestId: string }>();
    expectTypeOf(sdk.users.delete).returns.resolves.toEqualTypeOf<Result<undefined>>();
    expectTypeOf(sdk.products.list).returns.toEqualTypeOf<ApiPromise<Result<ProductPage>>>();
    expectTypeOf(sdk.orders.list).returns.toEqualTypeOf<ApiPromise<Result<OrderPage>>>();
    expectTypeOf(sdk.users.list).returns.toEqualTypeOf<ApiPromise<Result<UserPage>>>();
  });

  it('parameters are the contract types', () => {
    expectTypeOf(sdk.products.get).parameter(0).toEqualTypeOf<number>();
    expectTypeOf(sdk.orders.create).parameter(0).toEqualTypeOf<Schemas['OrderCreate']>();
    expectTypeOf(sdk.users.setRole).parameter(1).toEqualTypeOf<Schemas['RoleUpdate']>();
    expectTypeOf<Parameters<typeof sdk.products.list>[0]>().toEqualTypeOf<
      | {
          page?: number;
          page_size?: number;
          search?: string;
          category?: string;
          min_price?: number;
          max_price?: number;
          in_stock?: boolean;
          sort?: 'created_at' | '-created_at' | 'price' | '-price' | 'name' | '-name';
        }
      | undefined
    >();
  });

  it('iterators yield list items', () => {
    expectTypeOf(sdk.users.iterate()).toMatchTypeOf<AsyncIterable<Schemas['User']>>();
    expectTypeOf(sdk.orders.iterate()).toMatchTypeOf<AsyncIterable<Schemas['Order']>>();
  });

  it('tsc rejects every wrong call in the fixture (each @ts-expect-error is used) and accepts the rest', () => {
    const project = fileURLToPath(new URL('./fixtures/tsconfig.json', import.meta.url));
    const tsc = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', project], { encoding: 'utf8', timeout: 60_000 });
    } catch (err) {
      output = String((err as { stdout?: string }).stdout);
    }
    expect(output).toBe('');
  }, 60_000);
});
