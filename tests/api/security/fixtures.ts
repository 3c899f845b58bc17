// Contract-driven fixtures for the security suite: which operations need what,
// and a valid example body for each (taken from the contract's examples).
// Operations come dereferenced from the contract loader: no `$ref` to follow.
import { createProduct } from '../../helpers/catalogue.js';
import { allOperations, contract, type OperationRef } from '../../helpers/contract.js';
import type { TestUser } from '../../helpers/factories.js';
import { placeOrder } from '../../helpers/orders.js';
import type { TestClient } from '../../helpers/test-client.js';
import { createWebhookFixtures } from '../../helpers/webhooks.js';

type Json = Record<string, any>;

export function securityOf(op: OperationRef): 'public' | 'user' | 'admin' {
  const security = (op.op.security ?? (contract as Json).security) as Array<Record<string, string[]>>;
  if (security.length === 0 || Object.keys(security[0]!).length === 0) return 'public';
  return security[0]!.bearerAuth!.includes('admin') ? 'admin' : 'user';
}

export function exampleBody(op: OperationRef): Json | undefined {
  const media = op.op.requestBody?.content?.['application/json'];
  if (!media) return undefined;
  const first = Object.values<Json>(media.examples ?? {})[0];
  return structuredClone(first?.value);
}

export function bodySchema(op: OperationRef): Json | undefined {
  const schema: Json | undefined = op.op.requestBody?.content?.['application/json']?.schema;
  return schema?.oneOf ? schema.oneOf[0] : schema;
}

/** Ids of real objects by path parameter name (`order_id`, `product_id`, …), for a sweep to aim at. */
export type PathIds = Readonly<Record<string, number>>;

/**
 * The URL of `op` with each path parameter taken from `ids`. A parameter
 * without an id throws, naming the operation: a sweep that quietly aimed at an
 * id that exists nowhere would pass without ever reaching the handler's check.
 */
export function urlFor(op: OperationRef, ids: PathIds = {}): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`${op.operationId}: no fixture id for path parameter {${name}}`);
    return String(id);
  });
  return `/api/v1${path}`;
}

export const operations = allOperations;
export const withPathId = allOperations.filter((o) => o.path.includes('{'));

/** A real object for every path parameter of the contract: `owner` itself, an order of `owner`'s, a product, a webhook endpoint and delivery. */
export async function createPathIds(api: TestClient, admin: TestUser, owner: TestUser): Promise<PathIds> {
  const product = await createProduct(api, admin.token, { name: 'Lamp', price: 10, stock: 100 });
  const order = await placeOrder(api, owner.token, [{ product_id: product.id, quantity: 1 }]);
  const webhooks = await createWebhookFixtures(api, admin.token);
  return {
    user_id: owner.id,
    order_id: order.id,
    product_id: product.id,
    endpoint_id: webhooks.endpointId,
    delivery_id: webhooks.deliveryId,
  };
}
