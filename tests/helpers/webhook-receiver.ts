// A real webhook receiver for tests: an HTTP server on loopback that keeps
// every request (raw body and headers) and answers what the test says.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedRequest[];
  /** How to answer the next requests (default 204). */
  respond: (answer: (res: ServerResponse, req: ReceivedRequest) => void) => void;
  /** Resolves once `count` requests matching `where` have arrived (bounded). */
  waitFor(count: number, where?: (r: ReceivedRequest) => boolean, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startReceiver(path = '/hooks'): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  let answer: (res: ServerResponse, req: ReceivedRequest) => void = (res) => res.writeHead(204).end();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      answer(res, request);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    respond: (a) => {
      answer = a;
    },
    async waitFor(count, where = () => true, timeoutMs = 25_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = received.filter(where);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline)
          throw new Error(`receiver got ${matching.length} of ${count} expected requests in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
