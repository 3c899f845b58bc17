// The breaking-change gate's own test: it must catch what breaks clients and
// let compatible changes through.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDereferencedContract } from '@storefront/contract/load';
import { breakingChanges } from '../../scripts/contract-diff.js';

type Json = Record<string, any>;
let base: Json;
beforeAll(async () => {
  base = structuredClone(await loadDereferencedContract());
});
const json = (op: Json, status?: string) =>
  (status ? op.responses[status] : op.requestBody).content['application/json'].schema as Json;

function changed(mutate: (doc: Json) => void): string[] {
  const next = structuredClone(base);
  mutate(next);
  return breakingChanges(base, next);
}

describe('breaking-change detection', () => {
  it('finds nothing between a contract and itself', () => {
    expect(breakingChanges(base, structuredClone(base))).toEqual([]);
  });

  it('lets compatible changes through: new operations, optional fields, looser limits', () => {
    const changes = changed((d) => {
      d.paths['/ping'] = { get: { operationId: 'ping', responses: { '200': { description: 'ok' } } } };
      json(d.paths['/auth/register'].post).properties.nickname = { type: 'string' };
      json(d.paths['/orders'].post).properties.shipping_address.maxLength = 1000;
      d.paths['/products'].get.parameters.push({ name: 'color', in: 'query', schema: { type: 'string' } });
    });
    expect(changes).toEqual([]);
  });

  it.each([
    ['a removed operation', (d: Json) => delete d.paths['/health'].get, 'GET /health: operation removed'],
    ['a renamed operationId', (d: Json) => (d.paths['/health'].get.operationId = 'health'), 'operationId changed'],
    [
      'a newly required request field',
      (d: Json) => json(d.paths['/auth/register'].post).required.push('full_name'),
      'full_name: newly required',
    ],
    [
      'a tightened request limit',
      (d: Json) => (json(d.paths['/orders'].post).properties.shipping_address.maxLength = 100),
      'maxLength tightened',
    ],
    [
      'a removed request enum value',
      (d: Json) => json(d.paths['/users/{user_id}/role'].put).properties.role.enum.pop(),
      'enum value removed',
    ],
    [
      'a removed response field',
      (d: Json) => delete json(d.paths['/auth/me'].get, '200').properties.email,
      '.email: removed',
    ],
    [
      'a new response enum value',
      (d: Json) => json(d.paths['/orders/{order_id}'].get, '200').properties.status.enum.push('lost'),
      'new enum value',
    ],
    ['a removed success response', (d: Json) => delete d.paths['/health'].get.responses['200'], '200 response removed'],
    [
      'a new required parameter',
      (d: Json) =>
        d.paths['/products'].get.parameters.push({
          name: 'shop',
          in: 'query',
          required: true,
          schema: { type: 'string' },
        }),
      'new required parameter',
    ],
    [
      'security added to a public operation',
      (d: Json) => (d.paths['/products'].get.security = [{ bearerAuth: [] }]),
      'needs stronger credentials',
    ],
  ])('catches %s', (_name, mutate, expected) => {
    const changes = changed(mutate);
    expect(changes.join('\n')).toContain(expected);
  });
});
