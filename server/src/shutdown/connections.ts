// Which client connections a shutdown may close at once, and which must be
// let finish.
//
// Written by hand because Node's closeIdleConnections() (called by
// server.close() and Fastify) closes only keep-alive connections between two
// requests. A connection that has sent nothing yet, or half its headers,
// counts as active, so server.close() waited for it until headersTimeout: any
// client could hold every deploy for 10 s that way. Here a connection is busy
// from the moment a complete request was handed to the app until its
// response ends; every other connection is closed when the drain starts.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { setImmediate as afterPoll, setTimeout as sleep } from 'node:timers/promises';

/**
 * How long a connection gets to deliver a request before it counts as idle:
 * a request sent just before the listener closed is served, not reset.
 */
export const SETTLE_MS = 250;

/**
 * Waits SETTLE_MS and then for the event loop's next poll phase. A timer
 * fires before the loop polls, and a loop blocked for longer than the timer
 * (a burst of work, a busy machine) has not yet accepted the connections the
 * kernel completed meanwhile, nor read the requests they carry: after the
 * poll, it has.
 */
export async function settle(): Promise<void> {
  await sleep(SETTLE_MS);
  await afterPoll();
}

export interface ConnectionTracker {
  /** Connections now open, and how many of them are answering a request. */
  counts(): { open: number; busy: number };
  /**
   * Closes every connection that is not answering a request (after SETTLE_MS),
   * and each busy one as soon as its response has ended.
   */
  closeIdle(): Promise<void>;
}

export function trackConnections(server: Server): ConnectionTracker {
  const open = new Set<Socket>();
  const busy = new Map<Socket, number>();
  let closing = false;

  function closeUnlessBusySoon(socket: Socket): void {
    // After the timer, one more poll: data that arrived in time is read (and becomes a request) first.
    setTimeout(() => {
      setImmediate(() => {
        if (!busy.has(socket)) socket.destroy();
      }).unref();
    }, SETTLE_MS).unref();
  }

  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      busy.delete(socket);
    });
    // Accepted while the listener was closing.
    if (closing) closeUnlessBusySoon(socket);
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      if (left > 0) return void busy.set(socket, left);
      busy.delete(socket);
      // The response said `Connection: close`; this covers a client that keeps the socket open anyway.
      if (closing) socket.destroySoon();
    });
  });

  return {
    counts: () => ({ open: open.size, busy: busy.size }),
    async closeIdle() {
      closing = true;
      for (const socket of open) closeUnlessBusySoon(socket);
      await settle();
    },
  };
}
