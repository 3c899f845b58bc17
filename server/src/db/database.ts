// The tables as Kysely sees them. Only repositories import these.
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

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  login_failures: LoginFailuresTable;
  products: ProductsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserPatch = Updateable<UsersTable>;
export type ProductRow = Selectable<ProductsTable>;
export type OrderRow = Selectable<OrdersTable>;
export type OrderItemRow = Selectable<OrderItemsTable>;
