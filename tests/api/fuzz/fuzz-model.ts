// What the fuzzer knows of one operation: its parameters and body schema,
// Ajv validators that decide whether a generated request is valid (the same
// coercion rules as the server: text parts coerced, JSON bodies not), and a
// fast-check arbitrary of requests, valid or broken in one part.
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import type { OperationRef } from '../../helpers/contract.js';
import { invalidArb, type Json, validArb } from './arbitraries.js';

export type TokenKind = 'none' | 'user' | 'admin' | 'garbage';
export type Broken = 'none' | 'body' | 'path' | 'query' | 'header' | 'raw-body' | 'oversized-body';

export interface FuzzRequest {
  token: TokenKind;
  broken: Broken;
  method: string;
  /** Path and query, already encoded. */
  url: string;
  headers: Record<string, string>;
  /** Exactly the bytes sent, if any. */
  payload?: string;
  /** Decided by the validators, not by intent. */
  valid: boolean;
}

interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Json;
}

function makeAjv(coerceTypes: false | 'array') {
  const ajv = new Ajv2020({ strict: false, allErrors: false, multipleOfPrecision: 9, coerceTypes, useDefaults: true });
  formats.default(ajv);
  return ajv;
}
const textAjv = makeAjv('array');
const bodyAjv = makeAjv(false);
// The loader hands over the operation dereferenced, path-item parameters included.
const paramsOf = (op: OperationRef): Param[] =>
  op.parameters.map((p) => ({
    name: p.name as string,
    in: p.in as Param['in'],
    required: Boolean(p.required),
    schema: p.schema as Json,
  }));

function objectValidator(params: Param[], lowerCase: boolean): ValidateFunction {
  const key = (n: string) => (lowerCase ? n.toLowerCase() : n);
  return textAjv.compile({
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [key(p.name), p.schema])),
    required: params.filter((p) => p.required).map((p) => key(p.name)),
  });
}

export interface FuzzPools {
  /** Existing ids per path parameter name, so valid requests also reach real rows. */
  ids: Record<string, number[]>;
}

const BAD_PATH = [
  '0',
  '-1',
  'abc',
  '1.5',
  '2147483648',
  '99999999999999999999',
  '1e3',
  ' 1',
  'null',
  '💥',
  '%00',
  "1' or '1'='1",
  'x'.repeat(300),
];
const RAW_BODIES: Array<[string, string]> = [
  ['application/json', '{"unterminated": '],
  ['application/json', ''],
  ['application/json', 'null'],
  ['application/json', '[]'],
  ['application/json', '"just a string"'],
  ['text/plain', 'hello'],
  ['application/x-www-form-urlencoded', 'a=1&b=2'],
  ['application/json', `{"a":${'['.repeat(2000)}${']'.repeat(2000)}}`],
];
const HEADER_SAFE = /^[\t\x20-\x7e]*$/;
// Header values an HTTP client can send that header schemas refuse: empty,
// blank, too long, with spaces, tabs or non-ASCII (sent as Latin-1).
const BAD_HEADERS = ['', ' ', 'k'.repeat(256), 'two words', 'a\tb', 'café', `"${'e'.repeat(302)}"`];
/**
 * Large bodies made of many small mistakes, which make error responses large
 * (tens of thousands of field errors, 1000-character unknown field names)
 * unless the server bounds them; and one past the 1 MiB body limit.
 */
const OVERSIZED = ['many-unknown-fields', 'long-array', 'over-limit'] as const;
function oversizedBody(kind: (typeof OVERSIZED)[number], valid: unknown): string {
  const base = typeof valid === 'object' && valid !== null && !Array.isArray(valid) ? (valid as Json) : {};
  if (kind === 'over-limit') return JSON.stringify({ ...base, padding: 'x'.repeat(1024 * 1024 + 1) });
  if (kind === 'many-unknown-fields') {
    const extra = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`${i}${'f'.repeat(1000)}`, i]));
    return JSON.stringify({ ...base, ...extra });
  }
  // Every array in the body (or a new one) becomes 20,000 wrong elements.
  const arrays = Object.keys(base).filter((k) => Array.isArray(base[k]));
  const junk = Array.from({ length: 20_000 }, () => ({ id: 'x', quantity: -1 }));
  return JSON.stringify({ ...base, ...Object.fromEntries((arrays.length ? arrays : ['items']).map((k) => [k, junk])) });
}

const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);

export function fuzzModel(op: OperationRef, pools: FuzzPools) {
  const params = paramsOf(op);
  const path = params.filter((p) => p.in === 'path');
  const query = params.filter((p) => p.in === 'query');
  const headers = params.filter((p) => p.in === 'header');
  const bodySchema = op.op.requestBody?.content?.['application/json']?.schema as Json | undefined;
  const validate = {
    path: objectValidator(path, false),
    query: objectValidator(query, false),
    headers: objectValidator(headers, true),
    body: bodySchema ? bodyAjv.compile(bodySchema) : undefined,
  };

  // A path parameter without fixture rows would fuzz only ids that exist nowhere: refuse instead.
  for (const p of path)
    if (!pools.ids[p.name]?.length) throw new Error(`no fixture ids for path parameter ${p.name} of ${op.operationId}`);
  const pathArb = (broken: boolean) =>
    fc.tuple(
      ...path.map((p) =>
        broken
          ? fc.oneof(fc.constantFrom(...BAD_PATH), invalidArb(p.schema).map(text))
          : // Known rows, or ids far above them: never a fixture the fuzzer's tokens belong to.
            fc
              .oneof(
                fc.constantFrom(...(pools.ids[p.name] as number[])),
                fc.integer({ min: 100_000_000, max: 2_147_483_647 }),
              )
              .map(text),
      ),
    );
  const queryArb = (broken: boolean) =>
    fc.tuple(
      ...query.map((p) =>
        fc.option(broken ? fc.oneof(invalidArb(p.schema), validArb(p.schema)) : validArb(p.schema), {
          nil: undefined,
          freq: 2,
        }),
      ),
      fc.option(fc.constantFrom('unknown_param', 'sort', 'page', 'limit'), { nil: undefined }),
    );
  const headerArb = (broken: boolean) =>
    fc.tuple(
      ...headers.map((p) =>
        fc.option(broken ? fc.oneof(fc.constantFrom(...BAD_HEADERS), invalidArb(p.schema)) : validArb(p.schema), {
          nil: undefined,
          freq: 2,
        }),
      ),
    );
  const bodyArb = (broken: boolean): fc.Arbitrary<unknown> =>
    bodySchema === undefined
      ? fc.constant(undefined)
      : broken
        ? fc.oneof(invalidArb(bodySchema), fc.constant(undefined))
        : validArb(bodySchema);

  const brokenParts: Broken[] = ['none', 'none', 'none'];
  if (bodySchema) brokenParts.push('body', 'body', 'raw-body', 'oversized-body');
  if (path.length) brokenParts.push('path', 'path');
  if (query.length) brokenParts.push('query', 'query');
  if (headers.length) brokenParts.push('header');

  // A bad header or an oversized body comes with an otherwise valid request
  // from a caller who may make it, so that only that part can be refused.
  const tokenArb = (broken: Broken) =>
    broken === 'header' || broken === 'oversized-body'
      ? fc.constantFrom<TokenKind>('admin', 'user')
      : fc.constantFrom<TokenKind>('none', 'user', 'admin', 'admin', 'user', 'garbage');
  return fc
    .constantFrom(...brokenParts)
    .chain((broken) =>
      fc.record({
        token: tokenArb(broken),
        broken: fc.constant(broken),
        path: pathArb(broken === 'path'),
        query: queryArb(broken === 'query'),
        headers: headerArb(broken === 'header'),
        body: bodyArb(broken === 'body'),
        raw: fc.constantFrom(...RAW_BODIES),
        oversized: fc.constantFrom(...OVERSIZED),
      }),
    )
    .map((g): FuzzRequest => {
      let valid = true;
      // Path
      const pathValues = Object.fromEntries(path.map((p, i) => [p.name, g.path[i]!]));
      if (
        !validate.path({ ...pathValues }) ||
        Object.values(pathValues).some((v) => v === '' || v === '.' || v === '..')
      )
        valid = false;
      let url = `/api/v1${op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name] ?? '1'))}`;
      // Query
      const search = new URLSearchParams();
      const queryValues: Record<string, unknown> = {};
      query.forEach((p, i) => {
        const v = g.query[i];
        if (v === undefined) return;
        const values = Array.isArray(v) ? v.map(text) : [text(v)];
        if (values.length === 0) return; // an empty array sends nothing
        for (const one of values) search.append(p.name, one);
        queryValues[p.name] = values.length === 1 ? values[0] : values;
      });
      const extra = g.query[query.length] as string | undefined;
      if (extra && !search.has(extra)) {
        search.append(extra, '1');
        queryValues[extra] = '1';
      }
      if (!validate.query(queryValues)) valid = false;
      if (search.size > 0) url += `?${search.toString()}`;
      // Headers
      const sent: Record<string, string> = {};
      headers.forEach((p, i) => {
        const v = g.headers[i];
        if (v === undefined) return;
        let value = text(v).slice(0, 8000);
        if (!HEADER_SAFE.test(value) && !BAD_HEADERS.includes(value)) value = 'not~ascii~safe'; // what an HTTP client could send instead
        sent[p.name.toLowerCase()] = value;
      });
      if (!validate.headers({ ...sent })) valid = false;
      // Body
      let payload: string | undefined;
      if (g.broken === 'raw-body') {
        const [contentType, raw] = g.raw;
        sent['content-type'] = contentType;
        payload = raw;
        let parsed: unknown;
        try {
          parsed = contentType === 'application/json' ? JSON.parse(raw) : undefined;
        } catch {
          /* malformed */
        }
        if (parsed === undefined || !validate.body?.(parsed)) valid = false;
      } else if (g.broken === 'oversized-body') {
        sent['content-type'] = 'application/json';
        payload = oversizedBody(g.oversized, g.body);
        valid = false;
      } else if (bodySchema !== undefined) {
        if (g.body === undefined) {
          if (op.op.requestBody?.required) valid = false;
        } else {
          payload = JSON.stringify(g.body);
          sent['content-type'] = 'application/json';
          if (!validate.body!(JSON.parse(payload))) valid = false;
        }
      }
      return {
        token: g.token,
        broken: g.broken,
        method: op.method,
        url,
        headers: sent,
        ...(payload !== undefined && { payload }),
        valid,
      };
    });
}
