// Orders: users place and follow their own; admins see and move all of them.
import type { FastifyReply } from 'fastify';
import { canAccess, principalOf, type SessionHolds } from '../identity/principal.js';
import type { AppContext } from '../context.js';
import type { Kysely } from 'kysely';
import type { Database, OrderRow, OrderStatus } from '../db/database.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { etagOf, ifMatchAllows } from '../etag.js';
import type { ApiRequest, Handlers } from '../http/handler-types.js';
import { pageOf, pageParams } from '../http/pagination.js';
import { preferredWait } from '../http/prefer.js';
import { assertTransition } from './order-lifecycle.js';
import { placeOrder } from './order-placement.js';
import type { OrderQueue } from './order-queue.js';
import type { OrderWaiters } from './order-waiters.js';
import { findOrder, listOrders, type OrderWithItems, toOrder, transitionOrder } from './orders.repository.js';
import { orderEventType } from '../webhooks/outbox.js';

type OrderOperation =
  | 'listOrders'
  | 'createOrder'
  | 'getOrder'
  | 'deleteOrder'
  | 'updateOrderStatus'
  | 'replaceOrderStatus'
  | 'cancelOrder';

const orderEtag = (row: OrderRow) => etagOf('o', row.id, row.version);
/** RFC 7240 leaves the bound to the server; 30 s stays under common proxy idle timeouts. */
const MAX_WAIT_SECONDS = 30;
/** Statuses that processing will still change: the ones worth waiting on. */
const OPEN = new Set<OrderStatus>(['pending', 'processing']);

export interface OrderServices {
  orderQueue: OrderQueue;
  orderWaiters: OrderWaiters;
  /** A held getOrder ends with its session. */
  sessions: SessionHolds;
}

export function createOrderHandlers({
  db,
  orderQueue,
  orderWaiters,
  sessions,
}: AppContext & OrderServices): Handlers<OrderOperation> {
  /** The webhook event of a request's status change, written in its transaction. */
  async function announce(trx: Kysely<Database>, { row, items }: OrderWithItems): Promise<void> {
    const type = orderEventType(row.status);
    if (type) await orderQueue.outbox.record(trx, [{ type, order: toOrder(row, items) }]);
  }

  /** Owner or admin cancels; the lock inside transitionOrder makes the check and the change one step. */
  async function cancel(req: ApiRequest<'cancelOrder'>): Promise<OrderRow> {
    const principal = principalOf(req);
    const id = req.params.order_id;
    const row = await transitionOrder(
      db,
      id,
      'cancelled',
      (current) => {
        if (!canAccess(principal, current.user_id)) throw forbidden();
        assertTransition(current.status, 'cancelled');
      },
      announce,
    );
    if (!row) throw notFound(`Order ${id}`);
    return row;
  }

  /** Admin moves an order along its lifecycle, optionally guarded by If-Match. */
  async function changeStatus(req: ApiRequest<'updateOrderStatus' | 'replaceOrderStatus'>, reply: FastifyReply) {
    const id = req.params.order_id;
    const to: OrderStatus = req.body.status;
    const ifMatch = req.headers['if-match'];
    const row = await transitionOrder(
      db,
      id,
      to,
      (current) => {
        if (!ifMatchAllows(ifMatch, orderEtag(current)))
          throw new AppError('PRECONDITION_FAILED', `Order ${id} was modified since the given ETag`);
        assertTransition(current.status, to);
      },
      announce,
    );
    if (!row) throw notFound(`Order ${id}`);
    const order = await findOrder(db, id);
    if (!order) throw notFound(`Order ${id}`);
    reply.header('etag', orderEtag(order.row));
    return toOrder(order.row, order.items);
  }

  return {
    /** Users: their own orders. Admins: everyone's, optionally one user's. Newest first. */
    async listOrders(req) {
      const principal = principalOf(req);
      const { page, pageSize } = pageParams(req.query);
      const userId = principal.role === 'admin' ? req.query?.user_id : principal.userId;
      const { orders, total } = await listOrders(db, { page, pageSize, userId, status: req.query?.status });
      return pageOf(
        orders.map((o) => toOrder(o.row, o.items)),
        total,
        page,
        pageSize,
      );
    },

    /** Accepts the order as pending and queues its processing; Idempotency-Key makes retries safe. */
    async createOrder(req, reply) {
      const { row, items } = await placeOrder(db, orderQueue, {
        userId: principalOf(req).userId,
        body: req.body,
        idempotencyKey: req.headers['idempotency-key'],
        requestId: req.id,
      });
      reply.code(201).header('location', `/api/v1/orders/${row.id}`).header('etag', orderEtag(row));
      return toOrder(row, items);
    },

    /** Owner or admin; with `Prefer: wait=N`, answers when a pending or processing order's status changes. */
    async getOrder(req, reply) {
      const id = req.params.order_id;
      const seconds = preferredWait(req.headers.prefer, MAX_WAIT_SECONDS);
      // Registered before the read, so a change committed after it is never missed.
      const gone = new AbortController();
      const waiter = seconds ? orderWaiters.wait(id, seconds * 1000, gone.signal) : undefined;
      const leave = () => gone.abort();
      reply.raw.once('close', leave);
      try {
        const principal = principalOf(req);
        let order = await findOrder(db, id);
        if (!order) throw notFound(`Order ${id}`);
        if (!canAccess(principal, order.row.user_id)) throw forbidden();
        if (waiter && OPEN.has(order.row.status)) {
          // A logout meanwhile ends the wait with a 401, as any request with this token would get.
          await sessions.holdWhileLive(principal, waiter.changed);
          order = (await findOrder(db, id)) ?? order;
          reply.header('preference-applied', `wait=${seconds}`);
        }
        reply.header('etag', orderEtag(order.row));
        return toOrder(order.row, order.items);
      } finally {
        waiter?.release();
        reply.raw.off('close', leave);
      }
    },

    /** Deprecated alias of cancelOrder answering 204. */
    async deleteOrder(req, reply) {
      await cancel(req);
      reply.code(204);
      return undefined;
    },

    async cancelOrder(req) {
      const row = await cancel(req);
      return { status: 'success', message: 'Order cancelled successfully', order_id: row.id };
    },

    updateOrderStatus: changeStatus,
    /** Deprecated PUT alias of updateOrderStatus. */
    replaceOrderStatus: changeStatus,
  };
}
