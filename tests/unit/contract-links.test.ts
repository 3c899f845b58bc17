// The contract's links must lead somewhere real: each names an operation that
// exists, passes only parameters that operation declares (and every path
// parameter it requires), and takes its values from body fields and headers
// the source response has. Neither redocly lint nor Spectral checks this.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDereferencedContract } from '@storefront/contract/load';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

interface Operation {
  op: Json;
  parameters: Json[];
}
interface Link {
  at: string;
  from: string;
  status: string;
  response: Json;
  link: Json;
}

function operations(doc: Json): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const item of Object.values<Json>(doc.paths))
    for (const method of METHODS) {
      const op = item[method];
      if (op) found.set(op.operationId, { op, parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])] });
    }
  return found;
}

function links(doc: Json): Link[] {
  return [...operations(doc)].flatMap(([from, { op }]) =>
    Object.entries<Json>(op.responses).flatMap(([status, response]) =>
      Object.entries<Json>(response.links ?? {}).map(([name, link]) => ({
        at: `${from} ${status} → ${name}`,
        from,
        status,
        response,
        link,
      })),
    ),
  );
}

/** The schema of `key` inside `schema`: a property, an array index (its `items`), or either inside allOf/oneOf/anyOf. */
function child(schema: Json | undefined, key: string): Json | undefined {
  if (!schema) return undefined;
  const direct = /^\d+$/.test(key) ? schema.items : schema.properties?.[key];
  const branches: Json[] = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  return direct ?? branches.map((b) => child(b, key)).find(Boolean);
}

/** The schema a JSON pointer reaches inside `schema`. */
function schemaAt(schema: Json | undefined, pointer: string): Json | undefined {
  return pointer
    .split('/')
    .slice(1)
    .reduce<Json | undefined>((s, key) => child(s, key), schema);
}

/** Why `expression` names nothing in `response` (undefined when it does). */
function missingSource(expression: unknown, response: Json): string | undefined {
  if (typeof expression !== 'string') return `not a runtime expression: ${JSON.stringify(expression)}`;
  const body = /^\$response\.body#(\/.*)$/.exec(expression);
  if (body) {
    const schema = response.content?.['application/json']?.schema;
    return schemaAt(schema, body[1] as string) ? undefined : `the response body has no ${body[1]}`;
  }
  const header = /^\$response\.header\.(.+)$/.exec(expression);
  if (header) {
    const declared = Object.keys(response.headers ?? {}).map((h) => h.toLowerCase());
    return declared.includes((header[1] as string).toLowerCase())
      ? undefined
      : `the response has no ${header[1]} header`;
  }
  return `unexpected expression ${expression}`;
}

/** Every way in which the document's links do not lead somewhere real. */
function linkProblems(doc: Json): string[] {
  const ops = operations(doc);
  const problems: string[] = [];
  for (const { at, response, link } of links(doc)) {
    if (!link.description) problems.push(`${at}: no description`);
    const target = ops.get(link.operationId);
    if (!target) {
      problems.push(`${at}: no operation ${link.operationId}`);
      continue;
    }
    const passed = Object.keys(link.parameters ?? {});
    for (const key of passed) {
      const [where, name] = key.includes('.') ? key.split(/\.(.+)/) : [undefined, key];
      if (!target.parameters.some((p) => p.name === name && (where === undefined || p.in === where)))
        problems.push(`${at}: ${link.operationId} has no parameter ${key}`);
    }
    for (const p of target.parameters.filter((p) => p.in === 'path'))
      if (!passed.some((key) => key === p.name || key === `path.${p.name}`))
        problems.push(`${at}: path parameter ${p.name} of ${link.operationId} is not passed`);
    for (const [key, expression] of Object.entries(link.parameters ?? {})) {
      const missing = missingSource(expression, response);
      if (missing) problems.push(`${at}: parameter ${key}: ${missing}`);
    }
    if (link.requestBody !== undefined) {
      const body = target.op.requestBody?.content?.['application/json']?.schema as Json | undefined;
      for (const [field, expression] of Object.entries<unknown>(link.requestBody)) {
        if (!child(body, field)) problems.push(`${at}: the ${link.operationId} body has no field ${field}`);
        const missing = missingSource(expression, response);
        if (missing) problems.push(`${at}: body field ${field}: ${missing}`);
      }
    }
  }
  return problems;
}

let doc: Json;
beforeAll(async () => {
  doc = await loadDereferencedContract();
});

describe('contract links', () => {
  it('name existing operations, pass declared parameters and take values the response has', () => {
    expect(links(doc).length).toBeGreaterThan(20);
    expect(linkProblems(doc)).toEqual([]);
  });

  it('are checked: a link to a missing operation, parameter or field is reported', () => {
    const broken = structuredClone(doc);
    const created = broken.paths['/orders'].post.responses['201'].links;
    created.getOrder.operationId = 'fetchOrder';
    created.cancelOrder.parameters = { orderId: '$response.body#/order_id' };
    expect(linkProblems(broken)).toEqual([
      'createOrder 201 → getOrder: no operation fetchOrder',
      'createOrder 201 → cancelOrder: cancelOrder has no parameter orderId',
      'createOrder 201 → cancelOrder: path parameter order_id of cancelOrder is not passed',
      'createOrder 201 → cancelOrder: parameter orderId: the response body has no /order_id',
    ]);
  });

  it.each([
    ['registerUser', '201', 'login'],
    ['login', '200', 'refreshToken'],
    ['login', '200', 'getCurrentUser'],
    ['login', '200', 'logout'],
    ['refreshToken', '200', 'refreshToken'],
    ['createOrder', '201', 'getOrder'],
    ['createOrder', '201', 'cancelOrder'],
    ['getOrder', '200', 'updateOrderStatus'],
    ['createProduct', '201', 'getProduct'],
    ['createProduct', '201', 'updateProduct'],
    ['createProduct', '201', 'deleteProduct'],
    ['getProduct', '200', 'updateProduct'],
    ['listProducts', '200', 'getProduct'],
  ])('lead from %s %s to %s', (from, status, to) => {
    const targets = links(doc)
      .filter((l) => l.from === from && l.status === status)
      .map((l) => l.link.operationId);
    expect(targets).toContain(to);
  });
});
