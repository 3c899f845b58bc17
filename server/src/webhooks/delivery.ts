// One delivery attempt over HTTP: POST the signed body to the address the
// guard checked (the socket's `lookup` returns it, so no second DNS answer
// is used), never follow a redirect (node:http does not), give up after the
// timeout, and read at most a few KiB of the answer: a receiver cannot hold
// a worker or fill its memory.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './address-guard.js';

/** Enough of a receiver's body for an error message; the rest is never read. */
const MAX_BODY_BYTES = 4096;

export interface AttemptResult {
  /** The HTTP status, or null when there was none (timeout, refused, reset). */
  statusCode: number | null;
  durationMs: number;
  /** Why it failed, for the delivery's `last_error`; null on a 2xx. */
  error: string | null;
}

export function postToTarget(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const transport = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = transport.request(
      target.url,
      {
        method: 'POST',
        lookup,
        agent: false,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'storefront-webhooks/1',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let read = 0;
        let text = '';
        res.on('data', (chunk: Buffer) => {
          if (read < MAX_BODY_BYTES) text += chunk.subarray(0, MAX_BODY_BYTES - read).toString('utf8');
          read += chunk.length;
          if (read >= MAX_BODY_BYTES) res.destroy();
        });
        const done = () => {
          const ok = status >= 200 && status < 300;
          const location = res.headers.location ? ` (redirect to ${res.headers.location}, not followed)` : '';
          settle({
            statusCode: status,
            durationMs: elapsed(),
            error: ok ? null : `HTTP ${status}${location}${text ? `: ${text.slice(0, 200)}` : ''}`.slice(0, 500),
          });
        };
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      settle({ statusCode: null, durationMs: elapsed(), error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    req.on('error', (err) => settle({ statusCode: null, durationMs: elapsed(), error: err.message.slice(0, 500) }));
    req.end(body);
  });
}
