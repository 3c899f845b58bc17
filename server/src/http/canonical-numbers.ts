// A number has one spelling. Path and query parameters arrive as text and
// the validator coerces them to the contract's types with `Number()`, which
// also turned `02`, `+2`, `2.0`, `20e-1`, `0x2`, ` 2` and `%32` into 2: many
// spellings of one resource confuse caches, WAF rules and audit logs, and
// `?page=1e2` silently meaning page 100 surprises anyone reading a log.
// Only plain decimal digits get through (with a fraction for `number`
// parameters such as prices); anything else is the same 422 as `abc`.
// Path segments are read from the raw URL, before percent-decoding.
import type { FastifyInstance } from 'fastify';
import { validationError } from '../errors.js';

const CANONICAL: Record<string, RegExp> = {
  integer: /^(0|-?[1-9][0-9]*)$/,
  number: /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/,
};
const MESSAGES: Record<string, string> = {
  integer: 'must be an integer written in plain decimal digits',
  number: 'must be a number written in plain decimal digits (e.g. 12 or 12.5)',
};

interface ObjectSchema {
  properties?: Record<string, { type?: unknown }>;
}

type FieldError = { path: string; message: string };

/** An integer spelled as an integer path parameter must be (also the operator CLI's ids). */
export const isCanonicalInteger = (text: string): boolean => CANONICAL.integer?.test(text) === true;

function checkValue(type: unknown, value: unknown, path: string, errors: FieldError[]): void {
  const rule = typeof type === 'string' ? CANONICAL[type] : undefined;
  if (!rule) return;
  const values = Array.isArray(value) ? value : [value];
  if (values.some((v) => typeof v !== 'string' || !rule.test(v)))
    errors.push({ path, message: MESSAGES[type as string] ?? 'is invalid' });
}

function pathErrors(url: string, route: string, properties: ObjectSchema['properties'], errors: FieldError[]): void {
  if (!properties) return;
  const rawSegments = (url.split('?')[0] ?? '').split('/');
  for (const [i, segment] of route.split('/').entries()) {
    if (!segment.startsWith(':')) continue;
    const name = segment.slice(1);
    checkValue(properties[name]?.type, rawSegments[i] ?? '', `/path/${name}`, errors);
  }
}

function queryErrors(query: unknown, properties: ObjectSchema['properties'], errors: FieldError[]): void {
  if (!properties || typeof query !== 'object' || query === null) return;
  for (const [name, value] of Object.entries(query)) {
    checkValue(properties[name]?.type, value, `/query/${name}`, errors);
  }
}

export function registerCanonicalNumbers(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const schema = req.routeOptions.schema;
    const route = req.routeOptions.url;
    if (!schema || !route) return;
    const errors: FieldError[] = [];
    pathErrors(req.url, route, (schema.params as ObjectSchema | undefined)?.properties, errors);
    queryErrors(req.query, (schema.querystring as ObjectSchema | undefined)?.properties, errors);
    if (errors.length > 0) throw validationError(errors);
  });
}
