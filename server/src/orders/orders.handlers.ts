import type { AppContext } from '../context.js';
import type { Handlers } from '../http/contract.js';
import { notImplemented } from '../http/not-implemented.js';

type OrderOperation = 'listOrders' | 'createOrder' | 'getOrder' | 'deleteOrder' | 'updateOrderStatus' | 'replaceOrderStatus' | 'cancelOrder';

export function createOrderHandlers(_ctx: AppContext): Handlers<OrderOperation> {
  return {
    listOrders: notImplemented('listOrders'),
    createOrder: notImplemented('createOrder'),
    getOrder: notImplemented('getOrder'),
    deleteOrder: notImplemented('deleteOrder'),
    updateOrderStatus: notImplemented('updateOrderStatus'),
    replaceOrderStatus: notImplemented('replaceOrderStatus'),
    cancelOrder: notImplemented('cancelOrder'),
  };
}
