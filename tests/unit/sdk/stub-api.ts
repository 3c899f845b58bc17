// A stub fetch for SDK unit tests: routes by "METHOD /path" (path after the
// /api/v1 prefix, `:id` matching a number) to handlers that build Responses,
// and records every request it saw. No network, no server.
export const BASE_URL = 'http://storefront.test/api/v1';

export type Handler = (request: Request, params: string[]) => Response | Promise<Response>;

export interface Seen {
  method: string;
  path: string;
  headers: Headers;
  status: number | 'error';
}

export function stubApi(routes: Record<string, Handler>) {
  const seen: Seen[] = [];
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern = ''] = key.split(' ');
    const regex = new RegExp(`^${pattern.replace(/:\w+/g, '(\\d+)')}$`);
    return { method, regex, handler };
  });
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/api/v1', '');
    const entry = {
      method: request.method,
      path,
      headers: new Headers(request.headers),
      status: 'error' as Seen['status'],
    };
    seen.push(entry);
    for (const route of table) {
      const match = route.method === request.method ? route.regex.exec(path) : null;
      if (!match) continue;
      const response = await route.handler(request, match.slice(1));
      entry.status = response.status;
      return response;
    }
    entry.status = 404;
    return problem(404, 'NOT_FOUND');
  };
  return {
    fetch,
    seen,
    count: (method: string, path: string) => seen.filter((s) => s.method === method && s.path === path).length,
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A problem+json answer as the server sends it (echoing no request id unless given). */
export function problem(status: number, code: string, headers: Record<string, string> = {}): Response {
  return new Response(
    JSON.stringify({ type: 'about:blank', title: code, status, detail: `${code} detail`, code, request_id: 'srv' }),
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}

export const order = (status: string, id = 7) => ({
  id,
  user_id: 1,
  status,
  items: [{ id: 1, product_id: 1, product_name: 'Lamp', quantity: 1, unit_price: 5 }],
  total_amount: 5,
  shipping_address: '1 Test Street',
  failure_reason: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
});

export const tokenPair = (n: number) => ({
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}`,
  token_type: 'bearer',
  expires_in: 900,
});
