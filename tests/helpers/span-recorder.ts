// Spans in memory, for tests/api/tracing.test.ts and scripts/trace-order.ts:
// the global tracer provider, AsyncLocalStorage context and the W3C
// propagator, as the Node SDK registers them in production (tracing/sdk.ts),
// without its exporters.
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

export type { ReadableSpan };

export interface SpanRecorder {
  exporter: InMemorySpanExporter;
  provider: TracerProvider;
}

export function recordSpans(): SpanRecorder {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return { exporter, provider };
}
