// Which methods each path of the contract serves, for the two answers about a
// known path that Fastify would otherwise give as 404: a method it does not
// serve is 405 with `Allow` (RFC 9110 §15.5.6), and OPTIONS without CORS is
// 204 with `Allow` (§9.3.7). With CORS on, @fastify/cors answers OPTIONS.
import type { ContractDocument } from './contract.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export type AllowedMethods = (path: string) => string[] | undefined;

/** `allowed('/api/v1/products/7')` is `['DELETE', 'GET', 'HEAD', 'PATCH', 'PUT']`; unknown paths are undefined. */
export function allowedMethodsOf(contract: ContractDocument, prefix: string): AllowedMethods {
  const routes = Object.entries(contract.paths).map(([template, item]) => {
    const methods = Object.keys(item)
      .filter((m) => METHODS.includes(m))
      .map((m) => m.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD'); // Fastify serves HEAD for every GET
    const pattern = template.replace(/\{[^}]+\}/g, '[^/]+');
    // Exact: `/products/1/` is not a path of the contract (404), as Fastify routes it.
    return { regex: new RegExp(`^${prefix}${pattern}$`), methods: methods.sort() };
  });
  return (path) => routes.find((r) => r.regex.test(path))?.methods;
}
