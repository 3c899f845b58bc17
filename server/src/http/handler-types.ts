// The handler types, derived from the contract's generated `operations`. A
// handler map must have exactly one handler per operationId: `tsc` fails otherwise.
import type { operations, webhooks } from '@storefront/contract/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../identity/principal.js';

/** The API's operations: those of the contract's paths, not its `webhooks` (requests the server sends). */
export type OperationId = {
  [K in keyof operations]: operations[K] extends webhooks[keyof webhooks]['post'] ? never : K;
}[keyof operations];
type Op<K extends OperationId> = operations[K];
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : undefined;
type Part<P, K extends string> = P extends { [k in K]?: infer V } ? NonNullable<V> : undefined;

export type RequestBody<K extends OperationId> =
  Op<K> extends { requestBody: infer R } ? Json<NonNullable<R>> : undefined;
export type PathParams<K extends OperationId> = Part<Op<K>['parameters'], 'path'>;
export type QueryParams<K extends OperationId> = Part<Op<K>['parameters'], 'query'>;
export type HeaderParams<K extends OperationId> = Part<Op<K>['parameters'], 'header'>;

type Responses<K extends OperationId> = Op<K>['responses'];
/** The body of the operation's success response(s); `undefined` for 204. */
export type SuccessBody<K extends OperationId> =
  | (Responses<K> extends { 200: infer R } ? Json<R> : never)
  | (Responses<K> extends { 201: infer R } ? Json<R> : never)
  | (Responses<K> extends { 202: infer R } ? Json<R> : never)
  | (Responses<K> extends { 204: unknown } ? undefined : never);

export type ApiRequest<K extends OperationId> = FastifyRequest<{
  Body: RequestBody<K>;
  Params: PathParams<K>;
  Querystring: QueryParams<K>;
  Headers: HeaderParams<K>;
}> & { principal: Principal | null };

export type Handler<K extends OperationId> = (req: ApiRequest<K>, reply: FastifyReply) => Promise<SuccessBody<K>>;
export type HandlerMap = { [K in OperationId]: Handler<K> };
/** What a resource's handler factory returns: handlers for some operations, nothing else. */
export type Handlers<K extends OperationId> = Pick<HandlerMap, K>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on every contract route, for logs, metrics and rate limits. */
    operationId?: string;
  }
}
