// The contract-driven suites (fuzzer, authorization and property sweeps) aim
// at real objects. An operation whose path parameter has no fixture must fail
// them, naming the operation, instead of sending an id that exists nowhere:
// such a request ends at a 404 and proves nothing about the handler.
import { describe, expect, it } from 'vitest';
import { fuzzModel } from '../api/fuzz/fuzz-model.js';
import { urlFor, withPathId } from '../api/security/fixtures.js';
import { allOperations } from '../helpers/contract.js';

const getOrder = allOperations.find((o) => o.operationId === 'getOrder')!;
const getHealth = allOperations.find((o) => o.operationId === 'getHealth')!;

describe('sweep urls', () => {
  it('fill each path parameter from the fixture ids', () => {
    expect(urlFor(getOrder, { order_id: 7 })).toBe('/api/v1/orders/7');
    expect(urlFor(getHealth)).toBe('/api/v1/health');
  });

  it('throw naming the operation and the parameter when a path parameter has no fixture id', () => {
    expect(() => urlFor(getOrder, { product_id: 7 })).toThrow('getOrder: no fixture id for path parameter {order_id}');
  });

  it('are refused for every operation with a path parameter when no ids are given', () => {
    expect(withPathId.length).toBeGreaterThan(0);
    for (const op of withPathId) expect(() => urlFor(op, {}), op.operationId).toThrow(op.operationId);
  });
});

describe('fuzz id pools', () => {
  it('refuse an operation whose path parameter has no pool, naming both', () => {
    expect(() => fuzzModel(getOrder, { ids: { product_id: [1] } })).toThrow(
      'no fixture ids for path parameter order_id of getOrder',
    );
    expect(() => fuzzModel(getOrder, { ids: { order_id: [] } })).toThrow('getOrder');
  });

  it('accept an operation whose every path parameter has a pool', () => {
    expect(() => fuzzModel(getOrder, { ids: { order_id: [1, 2] } })).not.toThrow();
  });
});
