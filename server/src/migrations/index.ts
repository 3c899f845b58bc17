// Every migration, in order. A static list (rather than reading the folder)
// works the same under tsx, vitest and a bundler.
import type { Migration } from 'kysely/migration';
import * as usersAndSessions from './2026-11-22T00-00-users-and-sessions.js';
import * as productsAndOrders from './2026-11-22T01-00-products-and-orders.js';
import * as principalNotify from './2026-11-23T00-00-principal-notify.js';
import * as priceAtPlacement from './2026-11-23T01-00-price-at-placement.js';
import * as orderStatusNotify from './2026-11-23T02-00-order-status-notify.js';
import * as stockBounds from './2026-11-23T03-00-stock-bounds.js';
import * as loginAttemptsInFlight from './2026-12-04T00-00-login-attempts-in-flight.js';
import * as webhooks from './2026-12-05T00-00-webhooks.js';

export const migrations: Record<string, Migration> = {
  '2026-11-22T00-00-users-and-sessions': usersAndSessions,
  '2026-11-22T01-00-products-and-orders': productsAndOrders,
  '2026-11-23T00-00-principal-notify': principalNotify,
  '2026-11-23T01-00-price-at-placement': priceAtPlacement,
  '2026-11-23T02-00-order-status-notify': orderStatusNotify,
  '2026-11-23T03-00-stock-bounds': stockBounds,
  '2026-12-04T00-00-login-attempts-in-flight': loginAttemptsInFlight,
  '2026-12-05T00-00-webhooks': webhooks,
};
