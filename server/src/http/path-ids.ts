// A resource has one URL. Path parameters arrive as text and the validator
// coerces them to the contract's integer type, which also turned `02`, `+2`,
// `2.0`, `20e-1`, `0x2`, ` 2` and `%32` into 2: many spellings of one
// resource confuse caches, WAF rules and audit logs. This check reads the
// raw URL (before percent-decoding) and lets only plain decimal digits through
// for integer path parameters; anything else is the same 422 as `abc`.
import type { FastifyInstance } from 'fastify';
import { validationError } from '../errors.js';

const CANONICAL_INTEGER = /^(0|-?[1-9][0-9]*)$/;

interface ParamsSchema {
  properties?: Record<string, { type?: unknown }>;
}

export function registerCanonicalPathIds(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const properties = (req.routeOptions.schema?.params as ParamsSchema | undefined)?.properties;
    const route = req.routeOptions.url;
    if (!properties || !route) return;
    const routeSegments = route.split('/');
    const rawSegments = (req.url.split('?')[0] ?? '').split('/');
    const errors = [];
    for (const [i, segment] of routeSegments.entries()) {
      if (!segment.startsWith(':')) continue;
      const name = segment.slice(1);
      if (properties[name]?.type !== 'integer') continue;
      if (!CANONICAL_INTEGER.test(rawSegments[i] ?? ''))
        errors.push({ path: `/path/${name}`, message: 'must be an integer written in plain decimal digits' });
    }
    if (errors.length > 0) throw validationError(errors);
  });
}
