// fast-check arbitraries derived from the contract's JSON schemas: `validArb`
// aims inside a schema (examples, boundaries, unicode), `invalidArb` aims just
// outside it (wrong types, out-of-range numbers, too long/short, bad formats,
// missing and extra fields, huge strings). Both are best effort: the fuzzer
// classifies every generated request with Ajv, so a "valid" value that is not
// (or the other way round) is judged by what it is, not by what was intended.
import fc from 'fast-check';

export type Json = Record<string, unknown>;
type Arb = fc.Arbitrary<unknown>;

// Schemas come dereferenced from the contract loader: no `$ref` to follow.
const schemaOf = (schema: unknown): Json => (schema ?? {}) as Json;

const typesOf = (s: Json): string[] => {
  if (Array.isArray(s.type)) return s.type as string[];
  if (typeof s.type === 'string') return [s.type];
  if (s.properties || s.required) return ['object'];
  return [];
};

const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
const round2 = (n: number) => Math.round(n * 100) / 100;

const UNICODE = ['é', 'ß', '日本', '💥', 'ア', '\u202e', 'Ω', 'ñ'];

function stringArb(s: Json): Arb {
  const min = num(s.minLength, 0);
  const max = num(s.maxLength, 200);
  const examples = Array.isArray(s.examples) ? (s.examples as unknown[]).filter((e) => typeof e === 'string') : [];
  const options: Arb[] = [];
  if (examples.length > 0) options.push(fc.constantFrom(...examples));
  if (s.format === 'email') options.push(fc.emailAddress().filter((e) => e.length >= min && e.length <= max));
  else if (s.format === 'date-time')
    options.push(
      fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    );
  else if (typeof s.pattern === 'string') {
    options.push(fc.stringMatching(new RegExp(s.pattern as string)).filter((v) => v.length >= min && v.length <= max));
  } else if (Array.isArray(s.allOf)) {
    // The password rule: one of each class, then filler.
    options.push(
      fc
        .string({
          unit: 'grapheme-ascii',
          minLength: Math.max(0, min - 4),
          maxLength: Math.max(0, Math.min(max, 40) - 4),
        })
        .map((rest) => `Aa1#${rest}`),
    );
  } else {
    const cap = Math.min(max, Math.max(min, 40));
    options.push(fc.string({ minLength: min, maxLength: cap }));
    options.push(fc.string({ unit: 'grapheme', minLength: min, maxLength: cap }).filter((v) => [...v].length <= max));
    options.push(fc.constantFrom(...UNICODE).map((u) => u.repeat(Math.max(min, 1)).slice(0, Math.max(min, 1) * 2)));
    if (max <= 10_000) options.push(fc.constant('x'.repeat(max))); // the upper boundary
    if (min > 0) options.push(fc.constant('y'.repeat(min))); // the lower boundary
  }
  return fc.oneof(...options);
}

function numberArb(s: Json, integer: boolean): Arb {
  const lo = num(s.minimum, integer ? -2_147_483_648 : -1e6);
  const hi = num(s.maximum, integer ? 2_147_483_647 : 1e6);
  const examples = Array.isArray(s.examples) ? (s.examples as unknown[]).filter((e) => typeof e === 'number') : [];
  const bounds = fc.constantFrom(lo, hi, ...examples);
  if (integer)
    return fc.oneof(bounds, fc.integer({ min: lo, max: Math.min(hi, lo + 1000) }), fc.integer({ min: lo, max: hi }));
  const step = typeof s.multipleOf === 'number' ? s.multipleOf : 0.01;
  return fc.oneof(
    bounds,
    fc.integer({ min: Math.ceil(lo / step), max: Math.floor(hi / step) }).map((k) => round2(k * step)),
  );
}

function objectArb(s: Json, depth: number): Arb {
  const props = (s.properties ?? {}) as Json;
  const required = new Set((s.required ?? []) as string[]);
  const entries = Object.keys(props);
  if (entries.length === 0) return fc.constant({});
  const record: Record<string, Arb> = {};
  for (const key of entries) record[key] = validArb(props[key], depth + 1);
  return fc.record(record, { requiredKeys: entries.filter((k) => required.has(k)) });
}

/** Values meant to satisfy `schema`. */
export function validArb(schema: unknown, depth = 0): Arb {
  const s = schemaOf(schema);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if ('const' in s) return fc.constant(s.const);
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[key])) return fc.oneof(...(s[key] as unknown[]).map((b) => validArb(b, depth + 1)));
  }
  if (Array.isArray(s.allOf) && !typesOf(s).length) {
    const merged = (s.allOf as unknown[])
      .map(schemaOf)
      .reduce<Json>(
        (acc, b) => ({ ...acc, ...b, properties: { ...(acc.properties as Json), ...(b.properties as Json) } }),
        {},
      );
    return validArb(merged, depth);
  }
  const arbs = typesOf(s).map((type): Arb => {
    switch (type) {
      case 'string':
        return stringArb(s);
      case 'integer':
        return numberArb(s, true);
      case 'number':
        return numberArb(s, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(validArb(s.items, depth + 1), {
          minLength: num(s.minItems, 0),
          maxLength: Math.min(num(s.maxItems, 5), 5),
        });
      case 'object':
        return depth > 4 ? fc.constant({}) : objectArb(s, depth);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  });
  return arbs.length === 0 ? fc.jsonValue({ maxDepth: 2 }) : arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

const WRONG_TYPES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  '',
  'not-a-number',
  [],
  {},
  [1, 'a'],
  { nested: { deep: true } },
];

/** Values meant to violate `schema` (just outside its bounds, or of another shape). */
export function invalidArb(schema: unknown, depth = 0): Arb {
  const s = schemaOf(schema);
  const options: Arb[] = [fc.constantFrom(...WRONG_TYPES)];
  if (Array.isArray(s.enum)) options.push(fc.constantFrom('bogus', 'ADMIN', ' user', ''));
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[key])) options.push(...(s[key] as unknown[]).map((b) => invalidArb(b, depth + 1)));
  }
  const types = typesOf(s);
  if (types.includes('string')) {
    const min = num(s.minLength, 0);
    const max = num(s.maxLength, 0);
    if (max > 0) options.push(fc.constant('z'.repeat(max + 1)), fc.constant('💥'.repeat(max + 1)));
    if (min > 0) options.push(fc.constant('q'.repeat(min - 1)));
    options.push(fc.constant('h'.repeat(200_000))); // huge
    if (s.format === 'email') options.push(fc.constantFrom('not-an-email', 'a@', '@b', 'a b@c.d'));
    if (s.format === 'date-time') options.push(fc.constantFrom('yesterday', '2026-13-45T99:00:00Z'));
    if (typeof s.pattern === 'string')
      options.push(fc.constantFrom('has space', '<script>', 'ä'.repeat(Math.max(min, 3)), '\u0000\u0001'));
    if (Array.isArray(s.allOf))
      options.push(fc.constantFrom('alllowercase1!', 'ALLUPPER1!', 'NoDigits!!', 'NoSpecial11'));
  }
  if (types.includes('integer') || types.includes('number')) {
    if (typeof s.minimum === 'number') options.push(fc.constantFrom(s.minimum - 1, s.minimum - 0.001, -1e15));
    if (typeof s.maximum === 'number') options.push(fc.constantFrom(s.maximum + 1, 1e308, Number.MAX_SAFE_INTEGER + 2));
    if (types.includes('integer')) options.push(fc.constantFrom(1.5, 2.000001, '12'));
    if (typeof s.multipleOf === 'number') options.push(fc.constantFrom(1.005, 0.333));
  }
  if (types.includes('array')) {
    if (typeof s.minItems === 'number' && s.minItems > 0) options.push(fc.constant([]));
    if (typeof s.maxItems === 'number')
      options.push(fc.array(validArb(s.items, depth + 1), { minLength: s.maxItems + 1, maxLength: s.maxItems + 1 }));
    if (depth < 4) options.push(fc.array(invalidArb(s.items, depth + 1), { minLength: 1, maxLength: 3 }));
  }
  if (types.includes('object') && depth < 4) {
    const props = (s.properties ?? {}) as Json;
    const required = (s.required ?? []) as string[];
    const valid = objectArb(s, depth) as fc.Arbitrary<Json>;
    if (required.length > 0) {
      options.push(
        fc
          .tuple(valid, fc.constantFrom(...required))
          .map(([v, drop]) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== drop))),
      );
    }
    if (s.additionalProperties === false) {
      options.push(
        fc
          .tuple(valid, fc.constantFrom('role', 'is_admin', 'id', '__proto__', 'created_by', 'extra'))
          .map(([v, extra]) => ({ ...v, [extra]: 'x' })),
      );
    }
    const keys = Object.keys(props);
    if (keys.length > 0) {
      options.push(
        fc
          .tuple(valid, fc.constantFrom(...keys))
          .chain(([v, key]) => invalidArb(props[key], depth + 1).map((bad) => ({ ...v, [key]: bad }))),
      );
    }
  }
  return fc.oneof(...options);
}
