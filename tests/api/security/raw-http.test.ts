// What a raw HTTP client can send that never reaches a route: an unknown
// method, a broken request line, headers over Node's limit. Each answer is
// problem+json with a request id, like every other error; and a stray body
// on an operation without one is drained, so the connection serves the next
// request.
import { connect } from 'node:net';
import { describe, expect } from 'vitest';
import { createProduct } from '../../helpers/catalogue.js';
import { appTest } from '../../helpers/fixtures.js';

/** The port of the app listening on loopback, for raw sockets. */
const test = appTest().extend('port', { scope: 'file' }, ({ origin }) => Number(new URL(origin).port));

/** Writes raw bytes to the server and returns everything it answers until it closes or goes quiet. */
function exchange(port: number, request: string, quietMs = 500): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    socket.on('end', done);
    socket.on('error', (err) => (received ? done() : reject(err)));
    socket.write(request);
  });
}

function parse(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

describe('raw HTTP', () => {
  test.for([
    ['an unknown method', 'FOO /api/v1/products HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['a broken request line', 'GET\r\n\r\n', 400],
    ['headers over the limit', `GET /api/v1/products HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['a URL over the limit', `GET /api/v1/${'x'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
    ['an HTTP/1.1 request without Host', 'GET /api/v1/health HTTP/1.1\r\n\r\n', 400],
    ['two Host headers', 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n', 400],
    [
      'an expectation other than 100-continue',
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
      417,
    ],
  ] as const)('answers %s with problem+json', async ([_name, request, status], { port }) => {
    const res = parse(await exchange(port, request));
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = JSON.parse(res.body);
    expect(problem).toMatchObject({ status, code: 'BAD_REQUEST', request_id: res.headers['x-request-id'] });
    expect(problem.detail).toEqual(expect.any(String));
    expect(res.body).not.toMatch(/HPE_|at .*\.js/);
  });

  test('serves HTTP/1.0 without Host, which that version does not require', async ({ port }) => {
    const res = parse(await exchange(port, 'GET /api/v1/health HTTP/1.0\r\n\r\n'));
    expect(res.status).toBe(200);
  });

  test('drains a stray body on an operation without one and serves the next request on the connection', async ({
    admin,
    api,
    port,
  }) => {
    const created = await createProduct(api, admin.token, { name: 'Raw delete', price: 1, stock: 1 });
    const stray = 'x'.repeat(100_000);
    const raw = await exchange(
      port,
      `DELETE /api/v1/products/${created.id} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${admin.token}\r\n` +
        `Content-Type: text/plain\r\nContent-Length: ${stray.length}\r\n\r\n${stray}` +
        'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n',
    );
    const statuses = [...raw.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
    expect(statuses).toEqual([204, 200]);
  });
});
