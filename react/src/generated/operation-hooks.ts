// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.

import type { OperationId } from '@storefront/sdk';
import * as mutations from './mutation-hooks.js';
import * as queries from './query-hooks.js';

/** Which hook serves each operation of the contract (`satisfies`: none is missing). */
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
  replaceUser: mutations.useReplaceUser,
  deleteUser: mutations.useDeleteUser,
  updateUser: mutations.useUpdateUser,
  reactivateUser: mutations.useReactivateUser,
  setUserRole: mutations.useSetUserRole,
  listProducts: queries.useListProducts,
  createProduct: mutations.useCreateProduct,
  getProduct: queries.useGetProduct,
  replaceProduct: mutations.useReplaceProduct,
  deleteProduct: mutations.useDeleteProduct,
  updateProduct: mutations.useUpdateProduct,
  listOrders: queries.useListOrders,
  createOrder: mutations.useCreateOrder,
  getOrder: queries.useGetOrder,
  deleteOrder: mutations.useDeleteOrder,
  replaceOrderStatus: mutations.useReplaceOrderStatus,
  updateOrderStatus: mutations.useUpdateOrderStatus,
  cancelOrder: mutations.useCancelOrder,
  listWebhookEndpoints: queries.useListWebhookEndpoints,
  createWebhookEndpoint: mutations.useCreateWebhookEndpoint,
  getWebhookEndpoint: queries.useGetWebhookEndpoint,
  deleteWebhookEndpoint: mutations.useDeleteWebhookEndpoint,
  updateWebhookEndpoint: mutations.useUpdateWebhookEndpoint,
  rotateWebhookEndpointSecret: mutations.useRotateWebhookEndpointSecret,
  testWebhookEndpoint: mutations.useTestWebhookEndpoint,
  listWebhookDeliveries: queries.useListWebhookDeliveries,
  retryWebhookDelivery: mutations.useRetryWebhookDelivery,
} as const satisfies Record<OperationId, (...args: never[]) => unknown>;

/** The infinite variant of each paginated list operation. */
export const infiniteHooks = {
  listUsers: queries.useListUsersInfinite,
  listProducts: queries.useListProductsInfinite,
  listOrders: queries.useListOrdersInfinite,
  listWebhookEndpoints: queries.useListWebhookEndpointsInfinite,
  listWebhookDeliveries: queries.useListWebhookDeliveriesInfinite,
} as const satisfies Partial<Record<OperationId, (...args: never[]) => unknown>>;
