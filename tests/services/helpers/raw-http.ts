// One request per fresh TCP connection (no keep-alive pool), so a test can
// tell a refused connection (the server is gone: fine) from a reset or a
// truncated response (an in-flight request was dropped: a failure).
import http from 'node:http';

export interface RawResult {
  status?: number;
  body?: string;
  contentType?: string;
  error?: string;
  /** When the request was sent and answered (ms since epoch). */
  sentAt: number;
  doneAt: number;
}

export function rawRequest(
  port: number,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<RawResult> {
  const sentAt = Date.now();
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: {
          connection: 'close',
          ...(options.token && { authorization: `Bearer ${options.token}` }),
          ...(payload !== undefined && {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          }),
        },
        timeout: options.timeoutMs ?? 15_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            body,
            contentType: res.headers['content-type'],
            sentAt,
            doneAt: Date.now(),
          }),
        );
        res.on('error', (err: NodeJS.ErrnoException) =>
          resolve({ error: `response ${err.code ?? err.message}`, sentAt, doneAt: Date.now() }),
        );
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ error: err.code ?? err.message, sentAt, doneAt: Date.now() }),
    );
    req.end(payload);
  });
}
