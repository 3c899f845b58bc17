// Every operation of the contract has a facade method, and the map names only
// methods that exist: adding an operation to the contract without an SDK
// method fails here (and in `tsc`, through the map's `satisfies`).
import { loadDereferencedContract, operationsOf } from '@storefront/contract/load';
import { expect, it } from 'vitest';
import { createStorefront, operationMethods } from '../../../sdk/src/index.js';

const operations = operationsOf(await loadDereferencedContract());
const contractOperations = operations.map((o) => o.operationId ?? '(missing operationId)');
/** The contract's paginated lists: the operations that take a `page` query parameter. */
const pagedLists = operations.filter((o) => o.parameters.some((p) => p.in === 'query' && p.name === 'page'));

it('maps every operationId of the contract to a facade method, and nothing else', () => {
  expect(contractOperations.length).toBeGreaterThan(0);
  expect(Object.keys(operationMethods).sort()).toEqual([...contractOperations].sort());
});

it('every mapped method exists on the facade as a function', () => {
  const sdk = createStorefront({ baseUrl: 'http://127.0.0.1:1/api/v1' }) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  const missing = Object.entries(operationMethods).filter(([, path]) => {
    const [resource = '', method = ''] = path.split('.');
    return typeof sdk[resource]?.[method] !== 'function';
  });
  expect(missing).toEqual([]);
});

it('every paginated list of the contract has an iterator beside its method (list → iterate, listX → iterateX)', () => {
  const sdk = createStorefront({ baseUrl: 'http://127.0.0.1:1/api/v1' }) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  expect(pagedLists.length).toBeGreaterThan(0);
  const withoutIterator = pagedLists.filter(({ operationId }) => {
    const [resource = '', method = ''] = (operationMethods as Record<string, string>)[operationId]?.split('.') ?? [];
    return typeof sdk[resource]?.[method.replace(/^list/, 'iterate')] !== 'function';
  });
  expect(withoutIterator.map((o) => o.operationId)).toEqual([]);
});
