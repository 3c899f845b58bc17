// Authentication and authorization come before the body is read: a caller
// who may not use an operation learns 401 or 403 whatever it sends, never
// which JSON, content type or field was wrong. Every operation with a body
// and a security requirement is attacked, from the contract.
import { describe, expect } from 'vitest';
import { appTest } from '../../helpers/fixtures.js';
import { WEBHOOK_FIXTURE_ENV } from '../../helpers/webhooks.js';
import { createPathIds, exampleBody, operations, securityOf, urlFor } from './fixtures.js';

const test = appTest(WEBHOOK_FIXTURE_ENV).extend('ids', { scope: 'file' }, ({ admin, api, user }) =>
  createPathIds(api, admin, user),
);

const BAD_BODIES: Array<[string, { payload: string; headers: Record<string, string> }]> = [
  ['malformed JSON', { payload: '{"name": ', headers: { 'content-type': 'application/json' } }],
  ['a __proto__ key', { payload: '{"__proto__": {"role": "admin"}}', headers: { 'content-type': 'application/json' } }],
  ['a text/plain body', { payload: 'hello', headers: { 'content-type': 'text/plain' } }],
  ['an XML body', { payload: '<a/>', headers: { 'content-type': 'application/xml' } }],
  ['a body of the wrong shape', { payload: '{"unexpected": true}', headers: { 'content-type': 'application/json' } }],
  ['an empty JSON body', { payload: '', headers: { 'content-type': 'application/json' } }],
];

const withBody = operations.filter((o) => exampleBody(o) !== undefined && securityOf(o) !== 'public');

describe('authentication before the body', () => {
  test('has every authenticated operation with a request body to attack (each has an example body)', () => {
    const declared = operations.filter((o) => o.op.requestBody !== undefined && securityOf(o) !== 'public');
    expect(declared.length).toBeGreaterThan(0);
    expect(withBody.map((o) => o.operationId)).toEqual(declared.map((o) => o.operationId));
  });

  test.for(withBody.map((o) => [o.operationId, o] as const))(
    '%s: anonymous and garbage-token callers get 401 whatever the body',
    async ([_id, op], { api, ids }) => {
      for (const [name, bad] of BAD_BODIES) {
        for (const auth of [{}, { authorization: 'Bearer not.a.token' }, { authorization: 'Basic YTpi' }] as Array<
          Record<string, string>
        >) {
          const res = await api.send(op.method, urlFor(op, ids), {
            payload: bad.payload,
            headers: { ...bad.headers, ...auth },
          });
          expect(res.status, `${op.operationId} with ${name} and ${JSON.stringify(auth)}`).toBe(401);
        }
      }
    },
  );

  test.for(withBody.filter((o) => securityOf(o) === 'admin').map((o) => [o.operationId, o] as const))(
    '%s: a user gets 403 on an admin operation whatever the body',
    async ([_id, op], { api, ids, user }) => {
      for (const [name, bad] of BAD_BODIES) {
        const res = await api.as(user.token).send(op.method, urlFor(op, ids), bad);
        expect(res.status, `${op.operationId} with ${name}`).toBe(403);
      }
    },
  );

  test('a body over the size limit from an anonymous caller is 401, not 413', async ({ api, ids }) => {
    const op = withBody.find((o) => o.operationId === 'createOrder')!;
    const res = await api.send(op.method, urlFor(op, ids), {
      payload: `{"items": [${'1,'.repeat(600_000)}1]}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
  });
});
