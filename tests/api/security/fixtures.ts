// Contract-driven fixtures for the security suite: which operations need what,
// and a valid example body for each (taken from the contract's examples).
// Operations come dereferenced from the contract loader: no `$ref` to follow.
import { allOperations, contract, type OperationRef } from '../../helpers/contract.js';

type Json = Record<string, any>;

export function securityOf(op: OperationRef): 'public' | 'user' | 'admin' {
  const security = (op.op.security ?? (contract as Json).security) as Array<Record<string, string[]>>;
  if (security.length === 0 || Object.keys(security[0]!).length === 0) return 'public';
  return security[0]!.bearerAuth!.includes('admin') ? 'admin' : 'user';
}

export function exampleBody(op: OperationRef): Json | undefined {
  const media = op.op.requestBody?.content?.['application/json'];
  if (!media) return undefined;
  const first = Object.values<Json>(media.examples ?? {})[0];
  return structuredClone(first?.value);
}

export function bodySchema(op: OperationRef): Json | undefined {
  const schema: Json | undefined = op.op.requestBody?.content?.['application/json']?.schema;
  return schema?.oneOf ? schema.oneOf[0] : schema;
}

export function urlFor(op: OperationRef, id: number | string = 1): string {
  return `/api/v1${op.path.replace(/\{[^}]+\}/g, String(id))}`;
}

export const operations = allOperations;
export const withPathId = allOperations.filter((o) => o.path.includes('{'));
