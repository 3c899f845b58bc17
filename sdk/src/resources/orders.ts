import { call, init } from '../call.js';
import type { ClientParts } from '../client.js';
import { TimeoutError } from '../errors.js';
import { paginated } from '../pagination.js';
import { sleep } from '../retry.js';
import type { Body, ConditionalOptions, Data, PathParams, Query, RequestOptions, Result } from '../types.js';

type OrderId = PathParams<'getOrder'>['order_id'];
type Order = Data<'getOrder'>;

export interface CreateOrderOptions extends RequestOptions {
  /** Defaults to a fresh UUID per call; pass your own to deduplicate across process restarts. */
  idempotencyKey?: string;
}

export interface WaitOptions extends CreateOrderOptions {
  /** Give up (TimeoutError) when the order is still pending/processing after this long. Default 30 s. */
  timeoutMs?: number;
  /** First delay between polls; grows 1.5x up to 2 s. Default 100 ms. */
  pollIntervalMs?: number;
}

const IN_FLIGHT: ReadonlySet<Order['status']> = new Set(['pending', 'processing']);

export function ordersResource({ client }: ClientParts) {
  const create = (body: Body<'createOrder'>, options?: CreateOrderOptions) =>
    call<Data<'createOrder'>>(client.POST('/orders', { params: { header: { 'Idempotency-Key': options?.idempotencyKey } }, body, ...init(options) }));
  const get = (orderId: OrderId, options?: RequestOptions) =>
    call<Data<'getOrder'>>(client.GET('/orders/{order_id}', { params: { path: { order_id: orderId } }, ...init(options) }));

  return {
    /** listOrders, your orders (everyone's for admins): `list` for one page, `iterate` for all. */
    ...paginated((query?: Query<'listOrders'>, options?: RequestOptions) =>
      call<Data<'listOrders'>>(client.GET('/orders', { params: { query }, ...init(options) })),
    ),
    /** createOrder: accepted as `pending`. Always sent with an Idempotency-Key, so it is retried safely. */
    create,
    /** getOrder. */
    get,
    /** updateOrderStatus (admin): move the order through its lifecycle. */
    updateStatus: (orderId: OrderId, body: Body<'updateOrderStatus'>, options?: ConditionalOptions) =>
      call<Data<'updateOrderStatus'>>(
        client.PATCH('/orders/{order_id}/status', { params: { path: { order_id: orderId } }, body, ...init(options) }),
      ),
    /** replaceOrderStatus (deprecated PUT alias of updateStatus). */
    replaceStatus: (orderId: OrderId, body: Body<'replaceOrderStatus'>, options?: ConditionalOptions) =>
      call<Data<'replaceOrderStatus'>>(
        client.PUT('/orders/{order_id}/status', { params: { path: { order_id: orderId } }, body, ...init(options) }),
      ),
    /** cancelOrder: from pending, processing or completed. */
    cancel: (orderId: OrderId, options?: RequestOptions) =>
      call<Data<'cancelOrder'>>(client.POST('/orders/{order_id}/cancel', { params: { path: { order_id: orderId } }, ...init(options) })),
    /** deleteOrder (deprecated DELETE alias of cancel, answers 204). */
    delete: (orderId: OrderId, options?: RequestOptions) =>
      call<Data<'deleteOrder'>>(client.DELETE('/orders/{order_id}', { params: { path: { order_id: orderId } }, ...init(options) })),

    /** Places the order and polls it (with backoff) until it is no longer pending/processing. */
    async createAndWait(body: Body<'createOrder'>, options: WaitOptions = {}): Promise<Result<Order>> {
      const { timeoutMs = 30_000, pollIntervalMs = 100, ...rest } = options;
      const deadline = Date.now() + timeoutMs;
      let order: Result<Order> = await create(body, rest);
      for (let delay = pollIntervalMs; IN_FLIGHT.has(order.status); delay = Math.min(delay * 1.5, 2_000)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new TimeoutError(`Order ${order.id} is still ${order.status} after ${timeoutMs} ms`, order.requestId);
        await sleep(Math.min(delay, left), rest.signal);
        order = await get(order.id, rest);
      }
      return order;
    },
  };
}
