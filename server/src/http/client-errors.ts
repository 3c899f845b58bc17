// Requests Node's HTTP parser refuses before Fastify sees them: an unknown
// method, a malformed request line, headers over Node's 16 KiB limit, or a
// request that did not arrive in time. Fastify's default answer is its own
// JSON shape; here it is problem+json like every other error, with a request
// id, so clients and logs handle one format. Such a connection cannot be
// reused (the parser has lost its place), so the answer closes it, as Node's
// and Fastify's defaults do.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';

function answerFor(code: string | undefined): { status: number; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, detail: 'The request headers are larger than the server accepts (16 KiB)' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, detail: 'The request did not arrive in time' };
  return { status: 400, detail: 'The request is not valid HTTP/1.1 (method, request line or headers)' };
}

export function problemClientErrorHandler(
  this: { log: FastifyBaseLogger },
  err: Error & { code?: string },
  socket: Socket,
) {
  // A reset or closed connection has no one left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = answerFor(err.code);
  const requestId = randomUUID();
  const body = JSON.stringify({
    type: 'https://storefront.dev/problems/bad-request',
    title: STATUS_CODES[status],
    status,
    code: 'BAD_REQUEST',
    detail,
    request_id: requestId,
  });
  this.log.debug({ err, requestId }, 'client error');
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
