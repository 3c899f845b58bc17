// Parameter and result types of each operation, read off the generated
// `operations`, so the facade never restates a schema by hand.
import type { operations, webhooks } from './contract.js';

/** The API's operations: the `operations` of the contract's paths, not of its `webhooks` (calls the server makes). */
export type OperationId = {
  [K in keyof operations]: operations[K] extends webhooks[keyof webhooks]['post'] ? never : K;
}[keyof operations];

type JsonContent<R> = R extends { content: { 'application/json': infer B } }
  ? B
  : R extends { content?: never }
    ? undefined
    : never;
type SuccessStatus<K extends OperationId> = Extract<keyof operations[K]['responses'], 200 | 201 | 202 | 204>;

/** The success body of an operation (`undefined` for 204). */
export type Data<K extends OperationId> = JsonContent<operations[K]['responses'][SuccessStatus<K>]>;
/** The JSON request body of an operation. */
export type Body<K extends OperationId> =
  NonNullable<operations[K]['requestBody']> extends { content: { 'application/json': infer B } } ? B : never;
/** The query parameters of an operation. */
export type Query<K extends OperationId> = NonNullable<operations[K]['parameters']['query']>;
/** The path parameters of an operation. */
export type PathParams<K extends OperationId> = NonNullable<operations[K]['parameters']['path']>;
/** One element of a list operation's page. */
export type Item<K extends OperationId> = Data<K> extends { items: (infer I)[] } ? I : never;

/** Results carry the server's request id (a non-enumerable property, so it stays out of JSON and equality checks). */
export type Result<T> = ([T] extends [undefined] ? object : T) & { readonly requestId: string };
