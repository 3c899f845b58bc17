// The shape of the contract document as the server reads it: only what it
// looks at is typed, the rest stays `unknown`. Types only, so a runtime
// consumer (the server, reading generated/openapi.json) needs nothing else.
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export interface OperationObject {
  operationId: string;
  /** Our extension: the rate-limit tier of the operation (the global limit when absent). */
  'x-rate-limit'?: 'auth' | 'none';
  [key: string]: unknown;
}

export type PathItem = Partial<Record<HttpMethod, OperationObject>> & { parameters?: unknown[] };

export interface ContractDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths: Record<string, PathItem>;
  security?: Array<Record<string, string[]>>;
  [key: string]: unknown;
}
