// Release rules that a test can hold: the SDK's major version is the
// contract's, and every schema of the contract has a named type export.
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parse } from 'yaml';
import type {
  CancelResult,
  components,
  Data,
  ErrorCode,
  Health,
  Message,
  Order,
  OrderPage,
  OrderStatus,
  Product,
  ProductPage,
  TokenPair,
  User,
  UserPage,
} from '../../../sdk/src/index.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const contract = parse(read('openapi/openapi.yaml')) as {
  info: { version: string };
  components: { schemas: Record<string, unknown> };
};
const major = (version: string) => Number(version.split('.')[0]);

describe('release', () => {
  it("the SDK's major version is the contract's info.version major", () => {
    const sdk = JSON.parse(read('sdk/package.json')) as { version: string };
    expect(major(sdk.version)).toBe(major(contract.info.version));
  });

  it('every schema of the contract has a named type in schemas.ts (generated), re-exported by the index', () => {
    expect(read('sdk/src/schemas.ts')).toContain("export type * from './generated/schemas.js';");
    const named = [
      ...read('sdk/src/generated/schemas.ts').matchAll(
        /^export (?:type (\w+) = Schemas|interface (\w+) extends Schema<)\[?'(\w+)'/gm,
      ),
    ].map(([, alias, name, schema]) => [alias ?? name, schema] as const);
    expect(named.every(([alias, schema]) => alias === schema)).toBe(true);
    expect(named.map(([alias]) => alias).sort()).toEqual(Object.keys(contract.components.schemas).sort());
    expect(read('sdk/src/index.ts')).toContain("export type * from './schemas.js';");
  });

  it('the named types are the generated ones', () => {
    type Schemas = components['schemas'];
    expectTypeOf<Product>().toEqualTypeOf<Schemas['Product']>();
    expectTypeOf<Order>().toEqualTypeOf<Schemas['Order']>();
    expectTypeOf<User>().toEqualTypeOf<Schemas['User']>();
    expectTypeOf<OrderStatus>().toEqualTypeOf<Schemas['OrderStatus']>();
    expectTypeOf<ErrorCode>().toEqualTypeOf<Schemas['ErrorCode']>();
  });

  // The facade declares its results with these names (so hovers read `ApiPromise<Result<Product>>`);
  // this keeps each name equal to what the contract says the operation answers.
  // A page is an interface over the generated intersection (Page & { items }), which the
  // compiler never calls identical to it: for pages, assignable both ways is the check.
  it("each operation's success body is the named type the facade declares", () => {
    expectTypeOf<Data<'getHealth'>>().toEqualTypeOf<Health>();
    expectTypeOf<Data<'registerUser'>>().toEqualTypeOf<User>();
    expectTypeOf<Data<'login'>>().toEqualTypeOf<TokenPair>();
    expectTypeOf<Data<'refreshToken'>>().toEqualTypeOf<TokenPair>();
    expectTypeOf<Data<'getCurrentUser'>>().toEqualTypeOf<User>();
    expectTypeOf<Data<'changePassword'>>().toEqualTypeOf<Message>();
    expectTypeOf<Data<'listUsers'>>().toMatchTypeOf<UserPage>();
    expectTypeOf<UserPage>().toMatchTypeOf<Data<'listUsers'>>();
    expectTypeOf<Data<'createUser'>>().toEqualTypeOf<User>();
    expectTypeOf<Data<'getUser'>>().toEqualTypeOf<User>();
    expectTypeOf<Data<'updateUser'>>().toEqualTypeOf<User>();
    expectTypeOf<Data<'replaceUser'>>().toEqualTypeOf<User>();
    expectTypeOf<Data<'setUserRole'>>().toEqualTypeOf<User>();
    expectTypeOf<Data<'listProducts'>>().toMatchTypeOf<ProductPage>();
    expectTypeOf<ProductPage>().toMatchTypeOf<Data<'listProducts'>>();
    expectTypeOf<Data<'createProduct'>>().toEqualTypeOf<Product>();
    expectTypeOf<Data<'getProduct'>>().toEqualTypeOf<Product>();
    expectTypeOf<Data<'updateProduct'>>().toEqualTypeOf<Product>();
    expectTypeOf<Data<'replaceProduct'>>().toEqualTypeOf<Product>();
    expectTypeOf<Data<'listOrders'>>().toMatchTypeOf<OrderPage>();
    expectTypeOf<OrderPage>().toMatchTypeOf<Data<'listOrders'>>();
    expectTypeOf<Data<'createOrder'>>().toEqualTypeOf<Order>();
    expectTypeOf<Data<'getOrder'>>().toEqualTypeOf<Order>();
    expectTypeOf<Data<'updateOrderStatus'>>().toEqualTypeOf<Order>();
    expectTypeOf<Data<'replaceOrderStatus'>>().toEqualTypeOf<Order>();
    expectTypeOf<Data<'cancelOrder'>>().toEqualTypeOf<CancelResult>();
  });
});
