// The trace context travels inside an order's job (W3C traceparent, through
// the propagation API), so the worker's span for the order, and the SQL under
// it, join the trace of the request that placed it, in any process.
import { context, propagation, ROOT_CONTEXT, type Link, SpanKind, trace } from '@opentelemetry/api';
import { settle } from './settle.js';

// Asked for at each use: a tracer taken before the SDK starts stays a no-op.
const tracer = () => trace.getTracer('storefront-jobs');

/** The current trace context as job data (`traceparent`, `tracestate`), or undefined outside a trace. */
export function currentTraceContext(): Record<string, string> | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : undefined;
}

/**
 * Runs `work` in a span that continues the trace of the first job's request
 * and links the others': a batch of orders from several requests is one
 * piece of work, and a span has one parent. At idle a batch is one order, so
 * its trace runs from the request to the processing and its SQL unbroken.
 */
export async function inJobSpan<T>(
  name: string,
  carriers: ReadonlyArray<Record<string, string> | undefined>,
  attributes: Record<string, number | string>,
  work: () => Promise<T>,
): Promise<T> {
  const contexts = carriers.map((c) => (c ? propagation.extract(ROOT_CONTEXT, c) : undefined));
  const parent = contexts[0] ?? ROOT_CONTEXT;
  const links: Link[] = [];
  for (const ctx of contexts.slice(1)) {
    const spanContext = ctx && trace.getSpanContext(ctx);
    if (spanContext) links.push({ context: spanContext });
  }
  return tracer().startActiveSpan(name, { kind: SpanKind.CONSUMER, attributes, links }, parent, (span) =>
    settle(span, () => work()),
  );
}
