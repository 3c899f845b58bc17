// One named type per schema of the contract, so callers write `Product`
// rather than `components['schemas']['Product']`. Not copies: they are the
// generated types, and a test checks that every schema has one. Object
// schemas are interfaces that extend the generated type and add nothing:
// an alias of an indexed type would print (in errors and editor tooltips) as
// the whole expanded object, an interface prints as its name. Unions and
// scalars stay aliases, as an interface cannot extend them. A page names
// its items' type (the compiler checks that it is the generated one).
import type { components } from './contract.js';

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
export interface Order extends Schema<'Order'> {}
export interface OrderItemCreate extends Schema<'OrderItemCreate'> {}
export interface OrderCreate extends Schema<'OrderCreate'> {}
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
export type ErrorCode = Schemas['ErrorCode'];
/** One entry of a 422's `errors` list. */
export type FieldError = NonNullable<Problem['errors']>[number];
export type WebhookEventType = Schemas['WebhookEventType'];
export type WebhookUrl = Schemas['WebhookUrl'];
export type WebhookDescription = Schemas['WebhookDescription'];
export type WebhookEvents = Schemas['WebhookEvents'];
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];
export type WebhookEndpointCreate = Schemas['WebhookEndpointCreate'];
export type WebhookEndpointUpdate = Schemas['WebhookEndpointUpdate'];
export type WebhookEndpointPage = Schemas['WebhookEndpointPage'];
export type WebhookEventId = Schemas['WebhookEventId'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookDeliveryPage = Schemas['WebhookDeliveryPage'];
export type OrderCreatedEvent = Schemas['OrderCreatedEvent'];
export type OrderCompletedEvent = Schemas['OrderCompletedEvent'];
export type OrderFailedEvent = Schemas['OrderFailedEvent'];
export type OrderCancelledEvent = Schemas['OrderCancelledEvent'];
export type OrderShippedEvent = Schemas['OrderShippedEvent'];
export type OrderDeliveredEvent = Schemas['OrderDeliveredEvent'];
export type PingEvent = Schemas['PingEvent'];
export type WebhookEvent = Schemas['WebhookEvent'];
