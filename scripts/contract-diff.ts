// Finds the changes between two versions of the contract that can break an
// existing client. Both documents are dereferenced by the contract loader
// first, so `$ref`s compare by what they point at.
// (OpenAPI diff tools on npm either download a binary at install time or do
// not read OpenAPI 3.1; see README "Releasing and breaking changes".)

type Json = Record<string, any>;
type Direction = 'request' | 'response';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

const types = (s: Json): Set<string> => new Set([s.type ?? []].flat());
const subset = (a: Iterable<unknown>, b: Set<unknown>) => [...a].every((x) => b.has(x));

/** Breaking differences of schema `b` (new) against `a` (old), for data flowing in `dir`. */
function compareSchema(a: Json | undefined, b: Json | undefined, dir: Direction, at: string, out: string[]): void {
  if (!a || !b) return;
  const [ta, tb] = [types(a), types(b)];
  if (ta.size > 0 && tb.size > 0) {
    if (dir === 'request' && !subset(ta, tb)) out.push(`${at}: type ${[...ta]} no longer accepted (now ${[...tb]})`);
    if (dir === 'response' && !subset(tb, ta)) out.push(`${at}: type changed from ${[...ta]} to ${[...tb]}`);
  }
  if (a.enum || b.enum) {
    const [ea, eb] = [new Set<unknown>(a.enum ?? []), new Set<unknown>(b.enum ?? [])];
    if (dir === 'request' && a.enum && b.enum && !subset(ea, eb))
      out.push(`${at}: enum value removed (${[...ea].filter((v) => !eb.has(v))})`);
    if (dir === 'request' && !a.enum && b.enum) out.push(`${at}: now restricted to an enum`);
    if (dir === 'response' && !subset(eb, ea))
      out.push(`${at}: new enum value a client may not handle (${[...eb].filter((v) => !ea.has(v))})`);
  }
  if (dir === 'request') {
    for (const k of ['maxLength', 'maximum', 'maxItems', 'exclusiveMaximum']) {
      if (b[k] !== undefined && (a[k] === undefined || b[k] < a[k])) out.push(`${at}: ${k} tightened to ${b[k]}`);
    }
    for (const k of ['minLength', 'minimum', 'minItems', 'exclusiveMinimum']) {
      if (b[k] !== undefined && (a[k] === undefined || b[k] > a[k])) out.push(`${at}: ${k} tightened to ${b[k]}`);
    }
    if (b.pattern !== undefined && b.pattern !== a.pattern) out.push(`${at}: pattern changed`);
  }
  const [pa, pb] = [a.properties ?? {}, b.properties ?? {}];
  const [ra, rb] = [new Set<string>(a.required ?? []), new Set<string>(b.required ?? [])];
  for (const name of Object.keys(pa)) {
    if (!(name in pb)) {
      if (dir === 'response' || b.additionalProperties === false) out.push(`${at}.${name}: removed`);
      continue;
    }
    compareSchema(pa[name], pb[name], dir, `${at}.${name}`, out);
  }
  if (dir === 'request') for (const name of rb) if (!ra.has(name)) out.push(`${at}.${name}: newly required`);
  if (dir === 'response') for (const name of ra) if (!rb.has(name)) out.push(`${at}.${name}: no longer always present`);
  compareSchema(a.items, b.items, dir, `${at}[]`, out);
  for (const k of ['oneOf', 'anyOf', 'allOf']) {
    (a[k] ?? []).forEach((s: Json, i: number) => {
      compareSchema(s, b[k]?.[i], dir, `${at}.${k}[${i}]`, out);
    });
  }
}

const jsonSchemaOf = (node: Json | undefined) =>
  node?.content?.['application/json']?.schema ?? node?.content?.['application/problem+json']?.schema;

function securityLevel(doc: Json, op: Json): number {
  const sec: Json[] = op.security ?? doc.security ?? [];
  if (sec.length === 0 || sec.some((s) => Object.keys(s).length === 0)) return 0;
  return sec.every((s) => Object.values<string[]>(s).some((scopes) => scopes.length > 0)) ? 2 : 1;
}

/** Every change from `oldDoc` to `newDoc` that can break a client written against `oldDoc`. */
export function breakingChanges(oldDoc: Json, newDoc: Json): string[] {
  const out: string[] = [];
  for (const [path, oldItem] of Object.entries<Json>(oldDoc.paths ?? {})) {
    for (const method of METHODS.filter((m) => m in oldItem)) {
      const oldOp = oldItem[method];
      const newOp = newDoc.paths?.[path]?.[method];
      const at = `${method.toUpperCase()} ${path}`;
      if (!newOp) {
        out.push(`${at}: operation removed`);
        continue;
      }
      if (oldOp.operationId !== newOp.operationId)
        out.push(`${at}: operationId changed from ${oldOp.operationId} to ${newOp.operationId}`);
      if (securityLevel(newDoc, newOp) > securityLevel(oldDoc, oldOp)) out.push(`${at}: needs stronger credentials`);
      const params = (item: Json, op: Json) =>
        new Map<string, Json>(
          [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => [
            `${p.in}:${p.name.toLowerCase()}`,
            p,
          ]),
        );
      const [oldParams, newParams] = [params(oldItem, oldOp), params(newDoc.paths[path], newOp)];
      for (const [key, p] of oldParams) {
        const q = newParams.get(key);
        if (!q) out.push(`${at}: parameter ${key} removed`);
        else {
          if (q.required && !p.required) out.push(`${at}: parameter ${key} newly required`);
          compareSchema(p.schema, q.schema, 'request', `${at} ${key}`, out);
        }
      }
      for (const [key, q] of newParams)
        if (!oldParams.has(key) && q.required) out.push(`${at}: new required parameter ${key}`);
      if (newOp.requestBody?.required && !oldOp.requestBody) out.push(`${at}: request body now required`);
      compareSchema(jsonSchemaOf(oldOp.requestBody), jsonSchemaOf(newOp.requestBody), 'request', `${at} body`, out);
      for (const [status, oldRes] of Object.entries<Json>(oldOp.responses ?? {})) {
        if (!status.startsWith('2')) continue;
        const newRes = newOp.responses?.[status];
        if (!newRes) out.push(`${at}: ${status} response removed`);
        else compareSchema(jsonSchemaOf(oldRes), jsonSchemaOf(newRes), 'response', `${at} ${status}`, out);
      }
    }
  }
  return out;
}

export function majorOf(version: string): number {
  return Number(/^(\d+)/.exec(version)?.[1] ?? 0);
}
