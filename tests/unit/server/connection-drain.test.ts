// A real HTTP server on loopback: which connections a drain closes at once.
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { trackConnections } from '../../../server/src/shutdown/connections.js';

let server: http.Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

async function serve(handlerMs: number) {
  server = http.createServer((_req, res) => setTimeout(() => res.end('done'), handlerMs));
  const tracker = trackConnections(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  const connect = async (bytes: string) => {
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    if (bytes) socket.write(bytes);
    let received = '';
    socket.on('data', (d) => (received += d.toString()));
    const closed = once(socket, 'close').then(() => received);
    return { socket, closed };
  };
  return { server, tracker, connect };
}

describe('closing connections at shutdown', () => {
  it('closes silent and half-sent connections at once and lets a request in flight finish', async () => {
    const { server, tracker, connect } = await serve(300);
    const silent = await connect('');
    const half = await connect('GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    const busy = await connect('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => setTimeout(r, 50));
    expect(tracker.counts()).toEqual({ open: 3, busy: 1 });

    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await tracker.closeIdle();
    expect(await silent.closed).toBe('');
    expect(await half.closed).toBe('');
    const answer = await busy.closed;
    expect(answer).toMatch(/^HTTP\/1.1 200 OK/);
    expect(answer).toMatch(/done$/);
    await closed; // server.close() no longer waits for the half-sent request's headers timeout
  });

  it('serves a request whose bytes arrive just as the drain starts', async () => {
    const { tracker, connect } = await serve(10);
    const late = await connect('');
    const draining = tracker.closeIdle();
    late.socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await draining;
    expect(await late.closed).toMatch(/^HTTP\/1.1 200 OK/);
  });
});
