// Every operation of the contract has a facade method, and the map names only
// methods that exist: adding an operation to the contract without an SDK
// method fails here (and in `tsc`, through the map's `satisfies`).
import { loadContract, operationsOf } from '@storefront/contract/load';
import { expect, it } from 'vitest';
import { createStorefront, operationMethods } from '../../../sdk/src/index.js';

const contractOperations = operationsOf(await loadContract()).map((o) => o.operationId ?? '(missing operationId)');

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

it('every list operation has an iterate()', () => {
  const sdk = createStorefront({ baseUrl: 'http://127.0.0.1:1/api/v1' }) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  const lists = Object.values(operationMethods).filter((path) => path.endsWith('.list'));
  expect(lists.length).toBe(3);
  for (const path of lists) expect(typeof sdk[path.split('.')[0] ?? '']?.iterate).toBe('function');
});
