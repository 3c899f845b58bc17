// The tables as Kysely sees them: the type parameter of the `Kysely<Database>`
// the server passes around (queries themselves live in the repositories).
// Written by hand so each column keeps its doc comment; the migrations are the
// truth, and tests/api/database-types.test.ts fails when the two disagree.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** NUMERIC comes back from Postgres as a string so no precision is lost. */
type Numeric = ColumnType<string, string | number, string | number>;

export interface UsersTable {
  id: Generated<number>;
  username: string;
  email: string;
  password_hash: string;
  full_name: string | null;
  role: 'user' | 'admin';
  is_active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<number>;
  user_id: number;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface RefreshTokensTable {
  id: Generated<number>;
  session_id: number;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface LoginFailuresTable {
  account: string;
  window_start: Timestamp;
  failures: number;
  /** Attempts reserved and not yet settled (bcrypt still running). */
  in_flight: Generated<number>;
}

export interface ProductsTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  price: Numeric;
  stock: number;
  category: string | null;
  created_by: number | null;
  deleted_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type OrderStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'shipped' | 'delivered' | 'cancelled';

export interface OrdersTable {
  id: Generated<number>;
  user_id: number;
  status: Generated<OrderStatus>;
  /** Fixed when the order is placed. */
  total_amount: Numeric;
  shipping_address: string;
  failure_reason: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  stock_reserved: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderItemsTable {
  id: Generated<number>;
  order_id: number;
  product_id: number;
  quantity: number;
  /** Fixed when the order is placed. */
  product_name: string;
  unit_price: Numeric;
}

export interface WebhookEndpointsTable {
  id: Generated<number>;
  url: string;
  events: string[];
  description: string | null;
  /** A `whsec_` secret: kept as is because signing needs it; never logged or returned after creation. */
  secret: string;
  /** The secret before the last rotation, still signing until `previous_secret_expires_at`. */
  previous_secret: string | null;
  previous_secret_expires_at: Timestamp | null;
  disabled_at: Timestamp | null;
  disabled_reason: string | null;
  consecutive_failures: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface WebhookEventsTable {
  /** The Standard Webhooks `webhook-id`, `msg_…`. */
  id: string;
  type: string;
  /** The exact body sent on every attempt. */
  payload: string;
  created_at: Generated<Date>;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  event_id: string;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_duration_ms: number | null;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  delivered_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  login_failures: LoginFailuresTable;
  products: ProductsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserPatch = Updateable<UsersTable>;
export type ProductRow = Selectable<ProductsTable>;
export type OrderRow = Selectable<OrdersTable>;
export type OrderItemRow = Selectable<OrderItemsTable>;
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
