// Request validation with two Ajv instances: query strings, path parameters
// and headers arrive as text and are coerced to the contract's types; JSON
// bodies are not coerced, so `"price": "9.99"` is a 422 like any wrong type.
// Fastify's default would also silently drop unknown body fields
// (removeAdditional); here `additionalProperties: false` really rejects them.
import { Ajv, type Options, type ValidateFunction } from 'ajv';
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
  // The contract's `x-max-bytes`: a limit in UTF-8 bytes, which JSON Schema
  // cannot say (maxLength counts characters). Passwords need it: bcrypt
  // silently ignores everything after byte 72.
  ajv.addKeyword({
    keyword: 'x-max-bytes',
    type: 'string',
    schemaType: 'number',
    error: { message: ({ schema }) => `must be at most ${String(schema)} bytes in UTF-8` },
    validate: (max: number, data: string) => Buffer.byteLength(data, 'utf8') <= max,
  });
  return ajv;
}

/**
 * Validators for parts of the contract named by JSON pointers (e.g.
 * `#/components/schemas/UserCreate`), checking data as a request body is
 * checked, with references resolved in the contract: the operator CLI's input.
 */
export function contractValidators(contract: object): (pointer: string) => ValidateFunction {
  const ajv = makeAjv(false);
  ajv.addSchema(contract, 'contract');
  return (pointer) => ajv.getSchema(`contract${pointer}`) ?? ajv.compile({ $ref: `contract${pointer}` });
}

export function createValidatorCompiler(): FastifySchemaCompiler<object> {
  const bodyAjv = makeAjv(false);
  const textAjv = makeAjv('array');
  return ({ schema, httpPart }) =>
    httpPart === 'body'
      ? bodyAjv.compile(schema)
      : textAjv.compile(httpPart === 'headers' ? lowerCaseHeaderNames(schema as HeadersSchema) : schema);
}

interface HeadersSchema {
  properties?: Record<string, unknown>;
  required?: string[];
}

/**
 * Node lowercases received header names, and the contract writes them as
 * `Idempotency-Key`. Fastify lowercases header schemas itself, but not when
 * a custom validator compiler is set, as here: every header parameter then
 * went unvalidated (an empty or 300-character key was accepted).
 */
function lowerCaseHeaderNames(schema: HeadersSchema): HeadersSchema {
  return {
    ...schema,
    ...(schema.properties && {
      properties: Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k.toLowerCase(), v])),
    }),
    ...(schema.required && { required: schema.required.map((k) => k.toLowerCase()) }),
  };
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
  // The contract's error responses are application/problem+json, and the glue
  // warns at every start that no request parser exists for it. None should:
  // this one refuses such a body exactly as an unknown media type is refused.
  app.addContentTypeParser('application/problem+json', (_req, _payload, done) =>
    done(
      Object.assign(new Error('Unsupported Media Type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }),
    ),
  );
  app.addHook('onRoute', (route) => {
    const body = route.schema?.body as { content?: Record<string, { schema?: unknown }> } | undefined;
    const json = body?.content?.['application/json']?.schema;
    if (json !== undefined && route.schema) route.schema.body = json;
  });
}
