// Every operation of the contract has a hook named after it, every list
// operation an infinite one, and every write an entry in the invalidation
// table: adding an operation to openapi.yaml without them fails here (and in
// `tsc`, through the maps' `satisfies`).
import { expect, it } from 'vitest';
import * as react from '../../../react/src/index.js';
import { allOperations } from '../../helpers/contract.js';

const hookName = (operationId: string) => `use${operationId[0]!.toUpperCase()}${operationId.slice(1)}`;
const exported = react as unknown as Record<string, unknown>;

it('exports use<OperationId> for every operationId of openapi.yaml, and the map names exactly those', () => {
  expect(allOperations.length).toBeGreaterThan(0);
  const ids = allOperations.map((o) => o.operationId).sort();
  expect(Object.keys(react.operationHooks).sort()).toEqual(ids);
  for (const id of ids) {
    expect(typeof exported[hookName(id)], hookName(id)).toBe('function');
    expect(react.operationHooks[id as keyof typeof react.operationHooks]).toBe(exported[hookName(id)]);
  }
});

it('reads are queries and writes are mutations with cache effects', () => {
  for (const { operationId, method } of allOperations) {
    const isRead = method === 'GET';
    expect(operationId in react.storefrontQueries, operationId).toBe(isRead);
    expect(operationId in react.mutationEffects, operationId).toBe(!isRead);
  }
});

it('every list operation (one with a page parameter) has an infinite hook', () => {
  const lists = allOperations
    .filter((o) => o.parameters.some((p) => p.in === 'query' && p.name === 'page'))
    .map((o) => o.operationId)
    .sort();
  expect(lists).toEqual(['listOrders', 'listProducts', 'listUsers', 'listWebhookDeliveries', 'listWebhookEndpoints']);
  expect(Object.keys(react.infiniteHooks).sort()).toEqual(lists);
  for (const id of lists) expect(exported[`${hookName(id)}Infinite`]).toBe(react.infiniteHooks[id as never]);
});
