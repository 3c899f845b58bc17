// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.

// One named type per schema of the contract, so callers write `Product`
// rather than `components['schemas']['Product']`. Object schemas are
// interfaces that extend the generated type and add nothing: an alias of an
// indexed type prints (in errors and tooltips) as the whole expanded object,
// an interface prints as its name. Unions and scalars stay aliases. A page
// names its items' type (the compiler checks that it is the generated one).
import type { components } from '../contract.js';

type Schemas = components['schemas'];
/** An interface's `extends` takes a name with type arguments, not an indexed type. */
type Schema<K extends keyof Schemas> = Schemas[K];

export type Id = Schemas['Id'];
export type Timestamp = Schemas['Timestamp'];
export type Role = Schemas['Role'];
export type Username = Schemas['Username'];
export type Email = Schemas['Email'];
export type FullName = Schemas['FullName'];
export type Password = Schemas['Password'];
export type Price = Schemas['Price'];
export type PriceFilter = Schemas['PriceFilter'];
export type Stock = Schemas['Stock'];
export type Category = Schemas['Category'];
export type ProductName = Schemas['ProductName'];
export type ProductDescription = Schemas['ProductDescription'];
export type OrderStatus = Schemas['OrderStatus'];
export interface Health extends Schema<'Health'> {}
export interface Message extends Schema<'Message'> {}
export interface User extends Schema<'User'> {}
export interface UserRegister extends Schema<'UserRegister'> {}
export interface UserCreate extends Schema<'UserCreate'> {}
export interface UserUpdate extends Schema<'UserUpdate'> {}
export interface RoleUpdate extends Schema<'RoleUpdate'> {}
export type LoginRequest = Schemas['LoginRequest'];
export interface LoginWithEmail extends Schema<'LoginWithEmail'> {}
export interface LoginWithUsername extends Schema<'LoginWithUsername'> {}
export type LoginPassword = Schemas['LoginPassword'];
export interface RefreshRequest extends Schema<'RefreshRequest'> {}
export interface PasswordChange extends Schema<'PasswordChange'> {}
export interface TokenPair extends Schema<'TokenPair'> {}
export interface Product extends Schema<'Product'> {}
export interface ProductCreate extends Schema<'ProductCreate'> {}
export interface ProductUpdate extends Schema<'ProductUpdate'> {}
export interface OrderItem extends Schema<'OrderItem'> {}
export interface Order extends Schema<'Order'> {
  items: OrderItem[];
}
export interface OrderItemCreate extends Schema<'OrderItemCreate'> {}
export interface OrderCreate extends Schema<'OrderCreate'> {
  items: OrderItemCreate[];
}
export interface OrderStatusUpdate extends Schema<'OrderStatusUpdate'> {}
export interface CancelResult extends Schema<'CancelResult'> {}
export interface Page extends Schema<'Page'> {}
export interface UserPage extends Schema<'UserPage'> {
  items: User[];
}
export interface ProductPage extends Schema<'ProductPage'> {
  items: Product[];
}
export interface OrderPage extends Schema<'OrderPage'> {
  items: Order[];
}
export interface Problem extends Schema<'Problem'> {}
export type WebhookEventType = Schemas['WebhookEventType'];
export type WebhookUrl = Schemas['WebhookUrl'];
export type WebhookDescription = Schemas['WebhookDescription'];
export type WebhookEvents = Schemas['WebhookEvents'];
export interface WebhookEndpoint extends Schema<'WebhookEndpoint'> {}
export interface WebhookEndpointWithSecret extends Schema<'WebhookEndpointWithSecret'> {}
export interface WebhookEndpointCreate extends Schema<'WebhookEndpointCreate'> {}
export interface WebhookEndpointUpdate extends Schema<'WebhookEndpointUpdate'> {}
export interface WebhookEndpointPage extends Schema<'WebhookEndpointPage'> {
  items: WebhookEndpoint[];
}
export type WebhookEventId = Schemas['WebhookEventId'];
export interface WebhookDelivery extends Schema<'WebhookDelivery'> {}
export interface WebhookDeliveryPage extends Schema<'WebhookDeliveryPage'> {
  items: WebhookDelivery[];
}
export interface OrderCreatedEvent extends Schema<'OrderCreatedEvent'> {}
export interface OrderCompletedEvent extends Schema<'OrderCompletedEvent'> {}
export interface OrderFailedEvent extends Schema<'OrderFailedEvent'> {}
export interface OrderCancelledEvent extends Schema<'OrderCancelledEvent'> {}
export interface OrderShippedEvent extends Schema<'OrderShippedEvent'> {}
export interface OrderDeliveredEvent extends Schema<'OrderDeliveredEvent'> {}
export interface PingEvent extends Schema<'PingEvent'> {}
export type WebhookEvent = Schemas['WebhookEvent'];
export type ErrorCode = Schemas['ErrorCode'];
