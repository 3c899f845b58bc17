// The orders' hand-written method, createAndWait (place an order and wait for
// its outcome), beside the generated ones.
import { ApiPromise, type IdempotentOptions } from '../call.js';
import type { ClientParts } from '../client.js';
import {
  AbortError,
  OrderWaitAbortedError,
  OrderWaitTimeoutError,
  TimeoutError,
  withIdempotencyKey,
} from '../errors.js';
import { ordersOperations } from '../generated/resources.js';
import { randomId } from '../ids.js';
import { sleep } from '../retry.js';
import type { Order } from '../schemas.js';
import type { Body, Result } from '../types.js';

export type CreateOrderOptions = IdempotentOptions;

export interface WaitOptions extends IdempotentOptions {
  /**
   * As everywhere: the most the whole call may take (placing the order and waiting
   * for it). Past it: OrderWaitTimeoutError with the last state seen. Default: the client's timeoutMs.
   */
  timeoutMs?: number;
  /** When the server does not hold the request (no `Prefer: wait`): first delay between polls, growing 1.5x up to 2 s. Default 100 ms. */
  pollIntervalMs?: number;
}

const IN_FLIGHT: ReadonlySet<Order['status']> = new Set(['pending', 'processing']);
/** The longest single `Prefer: wait` asked for; the server may hold for less and says so. */
const MAX_WAIT_SECONDS = 20;

export function ordersResource(parts: ClientParts) {
  const { defaults } = parts;
  const generated = ordersOperations(parts);
  const { create, get } = generated;

  /**
   * Waits until the order leaves pending/processing. Long-polls with `Prefer: wait=N`
   * while the server honours it (`Preference-Applied`), else polls with backoff.
   */
  async function waitFor(created: Result<Order>, response: Response, options: WaitOptions, started: number) {
    const { pollIntervalMs = 100, signal, headers, maxRetries } = options;
    const { timeoutMs, attemptTimeoutMs } = { ...defaults, ...options };
    const deadline = timeoutMs > 0 ? started + timeoutMs : undefined;
    let order = created;
    let last = { data: created, response, requestId: created.requestId };
    let longPoll = true;
    let delay = pollIntervalMs;
    const giveUp = () =>
      new OrderWaitTimeoutError(`Order ${order.id} is still ${order.status} after ${timeoutMs} ms`, order);
    while (IN_FLIGHT.has(order.status)) {
      const left = deadline === undefined ? Number.POSITIVE_INFINITY : deadline - Date.now();
      if (left <= 0) throw giveUp();
      const waitSeconds = Math.min(MAX_WAIT_SECONDS, Math.floor(left / 1000));
      const hold = longPoll && waitSeconds >= 1;
      try {
        if (!hold) {
          await sleep(Math.min(delay, left), signal);
          delay = Math.min(delay * 1.5, 2_000);
        }
        last = await get(order.id, {
          ...(signal && { signal }),
          ...(maxRetries !== undefined && { maxRetries }),
          headers: { ...headers, ...(hold && { Prefer: `wait=${waitSeconds}` }) },
          timeoutMs: Number.isFinite(left) ? left : 0,
          // A held request answers after up to waitSeconds: the attempt must outlast it.
          attemptTimeoutMs: hold && attemptTimeoutMs > 0 ? waitSeconds * 1000 + attemptTimeoutMs : attemptTimeoutMs,
        }).withResponse();
      } catch (err) {
        if (err instanceof TimeoutError && deadline !== undefined && Date.now() >= deadline) throw giveUp();
        if (err instanceof AbortError || signal?.aborted) {
          throw new OrderWaitAbortedError(`Stopped waiting for order ${order.id}`, order, signal?.reason);
        }
        throw err;
      }
      order = last.data;
      if (hold && !/\bwait\b/i.test(last.response.headers.get('preference-applied') ?? '')) longPoll = false;
    }
    return last;
  }

  return {
    ...generated,

    /**
     * Places the order and waits until it is no longer pending/processing.
     * Past `timeoutMs`: OrderWaitTimeoutError (`.order` is the last state seen);
     * cancelled after the order was placed: OrderWaitAbortedError (`.order` too).
     * Any error it throws carries `.idempotencyKey`: when it came before the
     * order was confirmed (a timeout or abort while placing it), place the
     * order again with that key to get it, never a duplicate.
     */
    createAndWait(body: Body<'createOrder'>, options: WaitOptions = {}): ApiPromise<Result<Order>> {
      const started = Date.now();
      // One key for the whole operation, so a retried create never places a second order.
      const withKey = { ...options, idempotencyKey: options.idempotencyKey ?? randomId() };
      return new ApiPromise(
        create(body, withKey)
          .withResponse()
          .then(({ data, response }) => waitFor(data, response, withKey, started))
          .catch((err: unknown) => {
            throw withIdempotencyKey(err, withKey.idempotencyKey);
          }),
      );
    },
  };
}
