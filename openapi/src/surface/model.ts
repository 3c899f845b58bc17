// What the SDK and React generators need to know about each operation, read
// off the contract and its `x-storefront-sdk` extension (CONTRIBUTING.md,
// "Adding an operation", documents the extension). Every default is derived
// here, in one place, so both generators agree on names.
import type { ContractDocument } from '../document.js';
import { type Json, operationsOf } from '../load.js';

export type OptionsType = 'RequestOptions' | 'ConditionalOptions' | 'IdempotentOptions';

/** The `x-storefront-sdk` extension as written in the contract; every field is optional. */
export interface SdkExtension {
  resource?: string;
  method?: string;
  pagination?: 'page' | 'none';
  cache?: string;
  invalidates?: string[];
  handwritten?: Array<'sdk' | 'react'>;
}

export interface PathParam {
  /** As in the URL template: `product_id`. */
  name: string;
  /** The argument's name: `productId`. */
  variable: string;
}

/** How a read is cached: the shape of its key inside its cache group. */
export type ReadShape = 'single' | 'list' | 'detail' | 'nestedList';

export interface SurfaceOperation {
  operationId: string;
  /** Lower case: `get`, `post`, as openapi-fetch's `client.GET` is upper-cased from it. */
  httpMethod: string;
  path: string;
  summary: string;
  /** `sdk.<resource>`. */
  resource: string;
  /** `sdk.<resource>.<method>`. */
  method: string;
  /** The iterator's method name of a paginated list (`iterate`, `iterateDeliveries`). */
  iterateMethod: string | undefined;
  isRead: boolean;
  paginated: boolean;
  pathParams: PathParam[];
  hasQuery: boolean;
  hasBody: boolean;
  options: OptionsType;
  /** The SDK result type: a schema name (`Product`) or `Data<'deleteProduct'>`. */
  result: string;
  /** The schema names `result` uses (imported from schemas). */
  resultSchema: string | undefined;
  /** Reads: the query-key group. */
  cache: string;
  readShape: ReadShape | undefined;
  /** Writes: key groups (`products`) or their parts (`products.lists`) the write makes stale. */
  invalidates: string[];
  /** The SDK method is written by hand (in sdk/src/resources/<resource>.ts). */
  handwrittenSdk: boolean;
  /** The React query options or mutation runner is written by hand (react/src/queries.ts, mutation-runners.ts). */
  handwrittenReact: boolean;
}

export type GroupKind = 'single' | 'resource' | 'nested';

export interface CacheGroup {
  name: string;
  kind: GroupKind;
  /** The list operation whose query type the keys take. */
  listOperationId: string | undefined;
}

export interface Surface {
  operations: SurfaceOperation[];
  resources: string[];
  groups: CacheGroup[];
  /** Every schema of `components.schemas`, in contract order, with how it is exported. */
  schemas: Array<{ name: string; form: 'interface' | 'alias'; items: string | undefined }>;
}

export const camel = (s: string) =>
  s
    .replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))
    .replace(/^./, (c) => c.toLowerCase());
export const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const refName = (node: Json | undefined, kind: string) =>
  typeof node?.$ref === 'string' && node.$ref.startsWith(`#/components/${kind}/`)
    ? node.$ref.slice(`#/components/${kind}/`.length)
    : undefined;

/** Follows one internal `$ref` (the bundled contract keeps them). */
function resolve(document: ContractDocument, node: Json | undefined): Json | undefined {
  if (typeof node?.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  let target: unknown = document;
  for (const part of node.$ref.slice(2).split('/'))
    target = (target as Json)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  return target as Json | undefined;
}

function resultOf(document: ContractDocument, operationId: string, responses: Json) {
  const success = Object.entries(responses).find(([status]) => /^2\d\d$/.test(status));
  const response = resolve(document, success?.[1] as Json | undefined);
  const schema = response?.content?.['application/json']?.schema as Json | undefined;
  const name = refName(schema, 'schemas');
  const known = name !== undefined && Object.hasOwn((document.components as Json)?.schemas ?? {}, name);
  return known ? { result: name, resultSchema: name } : { result: `Data<'${operationId}'>`, resultSchema: undefined };
}

function readShape(op: Pick<SurfaceOperation, 'operationId' | 'pathParams' | 'paginated' | 'hasQuery'>): ReadShape {
  const paths = op.pathParams.length;
  if (paths === 0) return op.paginated || op.hasQuery ? 'list' : 'single';
  if (paths === 1 && op.paginated) return 'nestedList';
  if (paths === 1 && !op.hasQuery) return 'detail';
  throw new Error(
    `${op.operationId}: the React generator caches reads with no path parameter, or one path parameter and either pagination or no query; give it \`x-storefront-sdk.handwritten: [react]\` and write its query options by hand`,
  );
}

/** Reads the contract into the surface both generators render. */
export function surfaceOf(document: ContractDocument): Surface {
  const declared = new Set<string>();
  const operations = operationsOf(document).map((o): SurfaceOperation => {
    const ext = (o.op['x-storefront-sdk'] ?? {}) as SdkExtension;
    if (ext.invalidates !== undefined) declared.add(o.operationId);
    const tag = (o.op.tags as string[] | undefined)?.[0];
    const resource = ext.resource ?? (tag ? camel(tag) : undefined);
    if (!resource) throw new Error(`${o.operationId}: no x-storefront-sdk.resource and no tag to name its resource`);
    const parameters = o.parameters.map((p) => resolve(document, p) ?? {});
    const pathParams = parameters
      .filter((p) => p.in === 'path')
      .map((p) => ({ name: String(p.name), variable: camel(String(p.name)) }));
    const header = (name: string) => parameters.some((p) => p.in === 'header' && String(p.name).toLowerCase() === name);
    const hasPage = parameters.some((p) => p.in === 'query' && p.name === 'page');
    const isRead = o.method === 'GET';
    const paginated = isRead && (ext.pagination ? ext.pagination === 'page' : hasPage);
    const method = ext.method ?? o.operationId;
    const base = {
      operationId: o.operationId,
      pathParams,
      paginated,
      hasQuery: parameters.some((p) => p.in === 'query'),
    };
    return {
      ...base,
      httpMethod: o.method.toLowerCase(),
      path: o.path,
      summary: String(o.op.summary ?? '').replace(/\*\//g, '*\\/'),
      resource,
      method,
      iterateMethod: paginated
        ? method.startsWith('list')
          ? method.replace(/^list/, 'iterate')
          : `${method}All`
        : undefined,
      isRead,
      hasBody: o.op.requestBody !== undefined,
      options: header('idempotency-key')
        ? 'IdempotentOptions'
        : header('if-match')
          ? 'ConditionalOptions'
          : 'RequestOptions',
      ...resultOf(document, o.operationId, o.op.responses as Json),
      cache:
        ext.cache ??
        (isRead && pathParams.length === 1 && paginated ? camel(o.operationId.replace(/^list/, '')) : resource),
      readShape: isRead ? readShape(base) : undefined,
      invalidates: ext.invalidates ?? [],
      handwrittenSdk: ext.handwritten?.includes('sdk') ?? false,
      handwrittenReact: ext.handwritten?.includes('react') ?? false,
    };
  });
  const groups = cacheGroups(operations);
  // A write without `invalidates` makes every read of its own resource stale.
  for (const op of operations) {
    if (!op.isRead && !declared.has(op.operationId))
      op.invalidates = [
        ...new Set(operations.filter((r) => r.isRead && r.resource === op.resource).map((r) => r.cache)),
      ];
    for (const target of op.invalidates) {
      const [group, part] = target.split('.');
      const found = groups.find((g) => g.name === group);
      if (!found || (part !== undefined && (found.kind !== 'resource' || !['lists', 'details'].includes(part))))
        throw new Error(`${op.operationId}: invalidates ${target}, which is no cache group (or part of one)`);
    }
  }
  return {
    operations,
    resources: [...new Set(operations.map((o) => o.resource))],
    groups,
    schemas: schemasOf(document),
  };
}

function cacheGroups(operations: SurfaceOperation[]): CacheGroup[] {
  const names = [...new Set(operations.filter((o) => o.isRead && !o.handwrittenReact).map((o) => o.cache))];
  return names.map((name) => {
    const reads = operations.filter((o) => o.isRead && !o.handwrittenReact && o.cache === name);
    const shapes = new Set(reads.map((o) => o.readShape));
    const list = reads.find((o) => o.readShape === 'list' || o.readShape === 'nestedList');
    let kind: GroupKind;
    if (shapes.size === 1 && shapes.has('single') && reads.length === 1) kind = 'single';
    else if (
      [...shapes].every((s) => s === 'list' || s === 'detail') &&
      reads.filter((o) => o.readShape === 'list').length <= 1
    )
      kind = 'resource';
    else if (shapes.size === 1 && shapes.has('nestedList') && reads.length === 1) kind = 'nested';
    else
      throw new Error(
        `Cache group ${name}: ${reads.map((o) => o.operationId).join(', ')} need keys of different shapes; give them different \`x-storefront-sdk.cache\` groups`,
      );
    return { name, kind, listOperationId: list?.operationId };
  });
}

function schemasOf(document: ContractDocument): Surface['schemas'] {
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  return Object.entries(schemas).map(([name, schema]) => {
    // An interface prints as its name (editor tooltips, errors); it cannot extend a union or a scalar.
    const parts: Json[] = [schema, ...((schema.allOf as Json[] | undefined) ?? [])];
    const isObject =
      !schema.oneOf &&
      !schema.anyOf &&
      parts.some((p) => p.properties) &&
      parts.every((p) => !p.type || p.type === 'object');
    // A page names its items' type, so `page.items[0]` prints as `Product`.
    const items = parts.map((p) => refName(p.properties?.items?.items, 'schemas')).find(Boolean);
    return { name, form: isObject ? 'interface' : 'alias', items };
  });
}
