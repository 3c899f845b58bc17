// Requests waiting for an order's status to change (getOrder with
// `Prefer: wait=N`). Every status change NOTIFYs `order_status` from the
// transaction that makes it (migration 2026-11-23T02-00), whichever instance
// or process writes it; each instance LISTENs and wakes its waiters for that
// order. A waiter registers before the order is read, so a change committed
// after the read always reaches it.
//
// Bounded: at most `max` waiters per instance; past it, or while the LISTEN
// connection is down, `wait` refuses and the request answers at once.
// Released early on shutdown (`close`) and when the client goes away (`signal`).
import type { DatabaseHandle } from '../db/connect.js';
import { listenFor } from '../db/notifications.js';

export const STATUS_CHANNEL = 'order_status';

export interface Waiter {
  /** Settles when the order's status changes, the time is up, the client left or the instance shuts down. */
  changed: Promise<void>;
  /** Stops waiting (idempotent); always call it, e.g. in `finally`. */
  release(): void;
}

export interface OrderWaiters {
  /** Starts waiting for order `orderId`, or undefined when no wait can be offered now. */
  wait(orderId: number, ms: number, signal: AbortSignal): Waiter | undefined;
  start(): Promise<void>;
  /** Releases every waiter and refuses new ones (before the server stops accepting). */
  close(): void;
  stop(): Promise<void>;
}

export function createOrderWaiters(options: {
  database: DatabaseHandle;
  max: number;
  log: { warn(obj: object, msg: string): void };
}): OrderWaiters {
  const { database, max, log } = options;
  const byOrder = new Map<number, Set<() => void>>();
  let count = 0;
  let closed = false;

  const wakeOrder = (orderId: number) => {
    for (const wake of [...(byOrder.get(orderId) ?? [])]) wake();
  };
  const wakeAll = () => {
    for (const wakers of [...byOrder.values()]) for (const wake of [...wakers]) wake();
  };
  const listener = listenFor(database, {
    channel: STATUS_CHANNEL,
    onNotification: (payload) => wakeOrder(Number.parseInt(payload, 10)),
    // Changes may have been missed while the connection was down: everyone re-reads.
    onReconnect: wakeAll,
    log,
  });

  return {
    wait(orderId, ms, signal) {
      if (closed || count >= max || !listener.listening || signal.aborted) return undefined;
      let release = () => {};
      const changed = new Promise<void>((resolve) => {
        const timer = setTimeout(() => release(), ms);
        const onAbort = () => release();
        signal.addEventListener('abort', onAbort, { once: true });
        release = () => {
          const wakers = byOrder.get(orderId);
          if (!wakers?.delete(release)) return;
          if (wakers.size === 0) byOrder.delete(orderId);
          count -= 1;
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
      });
      let wakers = byOrder.get(orderId);
      if (!wakers) {
        wakers = new Set();
        byOrder.set(orderId, wakers);
      }
      wakers.add(release);
      count += 1;
      return { changed, release: () => release() };
    },
    start: () => listener.start(),
    close() {
      closed = true;
      wakeAll();
    },
    async stop() {
      closed = true;
      wakeAll();
      await listener.stop();
    },
  };
}
