// The shoppers' HTTP client: undici with kept-alive connections, as a real
// client library pools them, through the balancer (or to one instance
// directly). Every call is recorded with its operation, timing and outcome.
import { Agent, request } from 'undici';
import type { Recorder } from './recorder.js';

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses that count as success for this call (default: 200). */
  expect?: number[];
  /** Record the outcome under this name (default: the `op` argument). */
  recordAs?: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // The storefront's JSON bodies, read by the shopper as it needs.
  json: Record<string, unknown>;
}

export class FleetClient {
  readonly agent = new Agent({ keepAliveTimeout: 30_000, headersTimeout: 15_000, bodyTimeout: 15_000 });

  constructor(
    readonly baseUrl: string,
    private readonly recorder: Recorder,
  ) {}

  /** The answer, or undefined when the request failed on the network (both are recorded). */
  async call(op: string, method: string, path: string, o: CallOptions = {}): Promise<Answer | undefined> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const start = this.recorder.now();
    try {
      const res = await request(`${this.baseUrl}/api/v1${path}`, {
        method: method as 'GET',
        headers,
        body: o.body === undefined ? null : JSON.stringify(o.body),
        dispatcher: this.agent,
      });
      const text = await res.body.text();
      const json = text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {};
      const servedBy = res.headers['x-served-by'];
      const retries = Number(res.headers['x-retries'] ?? 0);
      this.recorder.record({
        op: o.recordAs ?? op,
        start,
        end: this.recorder.now(),
        status: res.statusCode,
        ok: (o.expect ?? [200]).includes(res.statusCode),
        ...(typeof servedBy === 'string' && { servedBy }),
        ...(retries > 0 && { retries }),
      });
      return { status: res.statusCode, headers: res.headers, json };
    } catch (err) {
      const e = err as Error & { code?: string; cause?: { code?: string } };
      this.recorder.record({
        op: o.recordAs ?? op,
        start,
        end: this.recorder.now(),
        status: null,
        ok: false,
        error: e.code ?? e.cause?.code ?? e.name,
      });
      return undefined;
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
