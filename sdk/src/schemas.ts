// One named type per schema of the contract, so callers write `Product`
// rather than `components['schemas']['Product']`. Aliases, not copies: they
// are the generated types, and a test checks that every schema has one.
import type { components } from './contract.js';

type Schemas = components['schemas'];

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
export type Health = Schemas['Health'];
export type Message = Schemas['Message'];
export type User = Schemas['User'];
export type UserRegister = Schemas['UserRegister'];
export type UserCreate = Schemas['UserCreate'];
export type UserUpdate = Schemas['UserUpdate'];
export type RoleUpdate = Schemas['RoleUpdate'];
export type LoginRequest = Schemas['LoginRequest'];
export type LoginWithEmail = Schemas['LoginWithEmail'];
export type LoginWithUsername = Schemas['LoginWithUsername'];
export type LoginPassword = Schemas['LoginPassword'];
export type RefreshRequest = Schemas['RefreshRequest'];
export type PasswordChange = Schemas['PasswordChange'];
export type TokenPair = Schemas['TokenPair'];
export type Product = Schemas['Product'];
export type ProductCreate = Schemas['ProductCreate'];
export type ProductUpdate = Schemas['ProductUpdate'];
export type OrderItem = Schemas['OrderItem'];
export type Order = Schemas['Order'];
export type OrderItemCreate = Schemas['OrderItemCreate'];
export type OrderCreate = Schemas['OrderCreate'];
export type OrderStatusUpdate = Schemas['OrderStatusUpdate'];
export type CancelResult = Schemas['CancelResult'];
export type Page = Schemas['Page'];
export type UserPage = Schemas['UserPage'];
export type ProductPage = Schemas['ProductPage'];
export type OrderPage = Schemas['OrderPage'];
export type Problem = Schemas['Problem'];
export type ErrorCode = Schemas['ErrorCode'];
/** One entry of a 422's `errors` list. */
export type FieldError = NonNullable<Problem['errors']>[number];
