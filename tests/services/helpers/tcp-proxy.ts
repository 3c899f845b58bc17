// A TCP proxy the test controls, standing between a server and Postgres so a
// test can cut the database off without touching the real one. `cut('refuse')`
// drops every connection and refuses new ones (Postgres down); `cut('blackhole')`
// keeps sockets open but forwards nothing (a network partition).
import net from 'node:net';

export type CutMode = 'refuse' | 'blackhole';

export interface TcpProxy {
  port: number;
  cut(mode?: CutMode): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  let mode: CutMode | 'open' = 'open';
  const pairs = new Set<[net.Socket, net.Socket | undefined]>();

  const server = net.createServer((client) => {
    client.on('error', () => {});
    if (mode === 'refuse') return void client.destroy();
    const pair: [net.Socket, net.Socket | undefined] = [client, undefined];
    pairs.add(pair);
    client.on('close', () => {
      pair[1]?.destroy();
      pairs.delete(pair);
    });
    if (mode === 'blackhole') return; // accepted, never answered
    const upstream = net.connect(targetPort, targetHost);
    pair[1] = upstream;
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  const proxy: TcpProxy = {
    port,
    cut(next = 'refuse') {
      mode = next;
      for (const pair of pairs) {
        const [client, upstream] = pair;
        if (next === 'refuse') {
          client.destroy();
          upstream?.destroy();
        } else {
          // Stop forwarding both ways and leave both ends hanging.
          client.unpipe();
          upstream?.unpipe();
          client.pause();
          upstream?.pause();
        }
      }
    },
    restore() {
      // Hung connections are dead for good; drop them so their owners notice.
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream?.destroy();
      }
      pairs.clear();
      mode = 'open';
    },
    async close() {
      proxy.restore();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
