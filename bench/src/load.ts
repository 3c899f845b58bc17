// One autocannon run, reduced to what the report needs.
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  path: string;
  seconds: number;
  connections: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutSeconds?: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx responses, errors and timeouts. */
  failures: number;
}

export async function drive(o: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: o.url + o.path,
    method: o.method ?? 'GET',
    connections: o.connections,
    duration: o.seconds,
    timeout: o.timeoutSeconds ?? 10,
    ...(o.headers && { headers: o.headers }),
    ...(o.body !== undefined && { body: o.body }),
  });
  return {
    rps: result.requests.total / o.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
