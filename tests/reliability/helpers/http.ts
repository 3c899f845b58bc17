// Real HTTP calls to a spawned server, each checked against the contract
// like the inject client does (declared status, content type, schema).
import { checkResponse, findOperation } from '../../helpers/contract.js';

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  ms: number;
}

export interface HttpCall {
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export class ContractViolation extends Error {}

export async function http<T = any>(baseUrl: string, method: string, path: string, call: HttpCall = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
    signal: AbortSignal.timeout(call.timeoutMs ?? 15_000),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  const operation = findOperation(method, path);
  if (operation) {
    const problems = checkResponse(operation, res.status, res.headers.get('content-type') ?? undefined, text);
    if (problems.length > 0) throw new ContractViolation(`${method} ${path}: ${problems.join('; ')} body: ${text.slice(0, 300)}`);
  }
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: body as T, text, ms };
}

export const ADDRESS = '12 Analytical Row, London NW1 6XE';

export async function registerAndLogin(baseUrl: string, username: string, password = 'Sup3r#Secret') {
  const email = `${username}@example.com`;
  const reg = await http(baseUrl, 'POST', '/api/v1/auth/register', { body: { username, email, password } });
  if (reg.status !== 201) throw new Error(`register ${reg.status} ${reg.text}`);
  const login = await http(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`login ${login.status} ${login.text}`);
  return { id: reg.body.id as number, email, password, token: login.body.access_token as string, refreshToken: login.body.refresh_token as string };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
