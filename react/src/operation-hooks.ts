// Which hook serves each operation of the contract. `satisfies` makes the
// compiler refuse a missing operation; a test checks the same against
// openapi.yaml at run time, as the SDK's operation map is checked.
import type { OperationId } from '@storefront/sdk';
import * as mutations from './mutation-hooks.js';
import * as queries from './query-hooks.js';
import * as webhooks from './webhook-hooks.js';

export const operationHooks = {
  getHealth: queries.useGetHealth,
  registerUser: mutations.useRegisterUser,
  login: mutations.useLogin,
  refreshToken: mutations.useRefreshToken,
  logout: mutations.useLogout,
  logoutAll: mutations.useLogoutAll,
  getCurrentUser: queries.useGetCurrentUser,
  changePassword: mutations.useChangePassword,
  listUsers: queries.useListUsers,
  createUser: mutations.useCreateUser,
  getUser: queries.useGetUser,
  updateUser: mutations.useUpdateUser,
  replaceUser: mutations.useReplaceUser,
  deleteUser: mutations.useDeleteUser,
  reactivateUser: mutations.useReactivateUser,
  setUserRole: mutations.useSetUserRole,
  listProducts: queries.useListProducts,
  createProduct: mutations.useCreateProduct,
  getProduct: queries.useGetProduct,
  updateProduct: mutations.useUpdateProduct,
  replaceProduct: mutations.useReplaceProduct,
  deleteProduct: mutations.useDeleteProduct,
  listOrders: queries.useListOrders,
  createOrder: mutations.useCreateOrder,
  getOrder: queries.useGetOrder,
  deleteOrder: mutations.useDeleteOrder,
  updateOrderStatus: mutations.useUpdateOrderStatus,
  replaceOrderStatus: mutations.useReplaceOrderStatus,
  cancelOrder: mutations.useCancelOrder,
  listWebhookEndpoints: webhooks.useListWebhookEndpoints,
  createWebhookEndpoint: webhooks.useCreateWebhookEndpoint,
  getWebhookEndpoint: webhooks.useGetWebhookEndpoint,
  updateWebhookEndpoint: webhooks.useUpdateWebhookEndpoint,
  deleteWebhookEndpoint: webhooks.useDeleteWebhookEndpoint,
  rotateWebhookEndpointSecret: webhooks.useRotateWebhookEndpointSecret,
  testWebhookEndpoint: webhooks.useTestWebhookEndpoint,
  listWebhookDeliveries: webhooks.useListWebhookDeliveries,
  retryWebhookDelivery: webhooks.useRetryWebhookDelivery,
} as const satisfies Record<OperationId, (...args: never[]) => unknown>;

/** The infinite variant of each list operation. */
export const infiniteHooks = {
  listUsers: queries.useListUsersInfinite,
  listProducts: queries.useListProductsInfinite,
  listOrders: queries.useListOrdersInfinite,
  listWebhookEndpoints: webhooks.useListWebhookEndpointsInfinite,
  listWebhookDeliveries: webhooks.useListWebhookDeliveriesInfinite,
} as const satisfies Partial<Record<OperationId, (...args: never[]) => unknown>>;
