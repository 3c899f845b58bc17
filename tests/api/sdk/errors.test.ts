// Every non-2xx status class becomes its own typed error, parsed from the
// problem+json body and carrying the request id.
import { describe, expect } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionFailedError,
  ValidationError,
  type Storefront,
} from '../../../sdk/src/index.js';
import { liveServerTest } from '../../helpers/live-server.js';

// No session cache: its LISTEN on the embedded database would fail noisily when the
// 5xx test below closes the database under the running app.
const test = liveServerTest({ AUTH_CACHE_TTL: '0' });
let admin: Storefront;
let user: Storefront;
test.beforeAll(async ({ server }) => {
  ({ sdk: admin } = await server.signedIn({ admin: true }));
  ({ sdk: user } = await server.signedIn());
});

async function failure(promise: PromiseLike<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('typed errors', () => {
  test('401 without a token is AuthenticationError with code, detail and request id', async ({ server }) => {
    const err = await failure(server.sdk().auth.me());
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({ status: 401, code: 'AUTHENTICATION_ERROR' });
    expect(err.detail).toBeTruthy();
    expect(err.requestId).toBe(err.headers.get('x-request-id'));
    expect(err.requestId).toBe(err.problem?.request_id);
  });

  test('403 is PermissionDeniedError', async () => {
    const err = await failure(user.users.list());
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect(err.code).toBe('AUTHORIZATION_ERROR');
  });

  test('404 is NotFoundError', async () => {
    const err = await failure(admin.users.get(2_000_000_000));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.code).toBe('NOT_FOUND');
  });

  test('409 is ConflictError with the precise code', async ({ server }) => {
    const me = await user.auth.me();
    const err = await failure(
      server.sdk().auth.register({ username: `${me.username}x`, email: me.email, password: 'Sup3r#Secret' }),
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.code).toBe('EMAIL_EXISTS');
  });

  test('422 is ValidationError listing every invalid field', async ({ server }) => {
    const err = await failure(
      server.sdk().auth.register({ username: 'a!', email: 'not-an-email', password: 'password' }),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.code).toBe('VALIDATION_ERROR');
    expect(err.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/body/username', '/body/email', '/body/password']),
    );
  });

  test('412 is PreconditionFailedError (stale If-Match)', async () => {
    const product = await admin.products.create({ name: 'Etag lamp', price: 10, stock: 1 });
    const { response } = await admin.products.get(product.id).withResponse();
    const etag = response.headers.get('etag') ?? '';
    await admin.products.update(product.id, { stock: 2 }, { ifMatch: etag });
    const err = await failure(admin.products.update(product.id, { stock: 3 }, { ifMatch: etag }));
    expect(err).toBeInstanceOf(PreconditionFailedError);
    expect(err.code).toBe('PRECONDITION_FAILED');
  });

  test('400 is BadRequestError (malformed JSON through the raw client)', async ({ server }) => {
    const { error, response } = await server.sdk().client.POST('/auth/register', {
      body: { username: 'abc', email: 'a@b.c', password: 'x' },
      bodySerializer: () => '{"username": ',
    });
    const err = ApiError.from(response, error);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.code).toBe('BAD_REQUEST');
  });

  test('every result exposes the request id, without polluting the data', async () => {
    const me = await user.auth.me();
    expect(me.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(me)).not.toContain('requestId');
    const { data, response, requestId } = await user.auth.me().withResponse();
    expect(requestId).toBe(response.headers.get('x-request-id'));
    expect(data.requestId).toBe(requestId);
    expect(response.status).toBe(200);
  });

  test('5xx is InternalServerError (database gone)', async ({ server }) => {
    const sdk = server.sdk({ maxRetries: 0 });
    await server.database.handle.close();
    const err = await failure(sdk.products.list());
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.status).toBeGreaterThanOrEqual(500);
    expect(err.requestId).toBeTruthy();
  });
});
