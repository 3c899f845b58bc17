// Requests Node's HTTP parser refuses before Fastify sees them: an unknown
// method, a malformed request line, headers over Node's 16 KiB limit, or a
// request that did not arrive in time. Fastify's default answer is its own
// JSON shape; here it is problem+json like every other error, with a request
// id, so clients and logs handle one format. Such a connection cannot be
// reused (the parser has lost its place), so the answer closes it, as Node's
// and Fastify's defaults do.
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { AppError, problemDocument } from '../errors.js';
import { sendProblem } from './error-handler.js';

function answerFor(code: string | undefined): { status: number; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, detail: 'The request headers are larger than the server accepts (16 KiB)' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, detail: 'The request did not arrive in time' };
  return { status: 400, detail: 'The request is not valid HTTP/1.1 (method, request line or headers)' };
}

function problemBody(status: number, detail: string, requestId: string): string {
  return JSON.stringify(problemDocument(new AppError('BAD_REQUEST', detail), requestId, status));
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
  const body = problemBody(status, detail, requestId);
  this.log.debug({ err, requestId }, 'client error');
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}

/**
 * What Node would answer itself, bodiless, outside the app: an `Expect` other
 * than 100-continue (417), and a request without a Host header (400). Node
 * is told to let the latter through (requireHostHeader: false) so that the
 * check below answers it in problem+json, and refuses repeated Host headers
 * too, which Node accepts although RFC 9112 §3.2 says 400.
 */
export function registerFramingChecks(app: FastifyInstance<Server>): void {
  app.server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    const body = problemBody(417, 'Only the expectation 100-continue is supported', requestId);
    res
      .writeHead(417, {
        'content-type': 'application/problem+json',
        'content-length': Buffer.byteLength(body),
        'x-request-id': requestId,
        connection: 'close',
      })
      .end(body);
    req.resume();
  });
  app.addHook('onRequest', (req, reply, done) => {
    const raw = req.raw;
    if (raw.httpVersionMajor === 1 && raw.httpVersionMinor === 0) return done();
    let hosts = 0;
    for (let i = 0; i < raw.rawHeaders.length; i += 2) if (raw.rawHeaders[i]?.toLowerCase() === 'host') hosts += 1;
    if (hosts === 1) return done();
    reply.header('connection', 'close').header('x-request-id', req.id);
    sendProblem(
      reply,
      req,
      new AppError('BAD_REQUEST', 'A request must carry exactly one Host header (RFC 9112 §3.2)'),
    );
  });
}
