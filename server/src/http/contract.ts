// The contract, loaded once, and the handler types derived from it. A handler
// map must have exactly one handler per operationId: `tsc` fails otherwise.
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parse } from 'yaml';
import type { operations } from '../generated/openapi.js';
import type { Principal } from '../auth/principal.js';

export const contractPath = new URL('../../../openapi/openapi.yaml', import.meta.url);

export interface OperationObject {
  operationId: string;
  'x-rate-limit'?: 'auth' | 'none';
  [key: string]: unknown;
}
export interface ContractDocument {
  info: { version: string };
  paths: Record<string, Record<string, OperationObject>>;
  [key: string]: unknown;
}

export function loadContract(): ContractDocument {
  return parse(readFileSync(contractPath, 'utf8')) as ContractDocument;
}

export function operationsOf(contract: ContractDocument): Map<string, OperationObject> {
  const byId = new Map<string, OperationObject>();
  for (const item of Object.values(contract.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (method !== 'parameters' && op.operationId) byId.set(op.operationId, op);
    }
  }
  return byId;
}

export type OperationId = keyof operations;
type Op<K extends OperationId> = operations[K];
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : undefined;
type Part<P, K extends string> = P extends { [k in K]?: infer V } ? NonNullable<V> : undefined;

export type RequestBody<K extends OperationId> = Op<K> extends { requestBody: infer R } ? Json<NonNullable<R>> : undefined;
export type PathParams<K extends OperationId> = Part<Op<K>['parameters'], 'path'>;
export type QueryParams<K extends OperationId> = Part<Op<K>['parameters'], 'query'>;
export type HeaderParams<K extends OperationId> = Part<Op<K>['parameters'], 'header'>;

type Responses<K extends OperationId> = Op<K>['responses'];
/** The body of the operation's success response(s); `undefined` for 204. */
export type SuccessBody<K extends OperationId> =
  | (Responses<K> extends { 200: infer R } ? Json<R> : never)
  | (Responses<K> extends { 201: infer R } ? Json<R> : never)
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
