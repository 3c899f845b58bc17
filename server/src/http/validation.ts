// Request validation with two Ajv instances: query strings, path parameters
// and headers arrive as text and are coerced to the contract's types; JSON
// bodies are not coerced, so `"price": "9.99"` is a 422 like any wrong type.
// Fastify's default would also silently drop unknown body fields
// (removeAdditional); here `additionalProperties: false` really rejects them.
import { Ajv, type Options } from 'ajv';
import formats from 'ajv-formats';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';

const common: Options = {
  allErrors: true,
  verbose: true, // errors carry their schema, whose description names the rule
  removeAdditional: false,
  useDefaults: true,
  strict: false,
  addUsedSchema: false,
  multipleOfPrecision: 9, // so 19.99 is a multiple of 0.01
};

function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes });
  // ajv-formats is CommonJS; its callable export is `default` under NodeNext.
  formats.default(ajv);
  return ajv;
}

export function createValidatorCompiler(): FastifySchemaCompiler<object> {
  const bodyAjv = makeAjv(false);
  const textAjv = makeAjv('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);
}

/**
 * Every request body in the contract is one required JSON document. Fastify
 * validates a body only against the schema of the request's media type, so
 * a request with no Content-Type, or text/plain (which Fastify parses by
 * default), reached the handler unvalidated: a 500, or a bodyless PUT applied
 * as a 200. One schema for every media type, and JSON as the only body
 * parser, close that: such requests are 422/400 like any other bad body.
 */
export function enforceJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  app.addHook('onRoute', (route) => {
    const body = route.schema?.body as { content?: Record<string, { schema?: unknown }> } | undefined;
    const json = body?.content?.['application/json']?.schema;
    if (json !== undefined && route.schema) route.schema.body = json;
  });
}
