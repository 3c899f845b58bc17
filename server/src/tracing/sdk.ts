// OpenTelemetry tracing for the entry points, off unless the standard OTEL_*
// variables ask for it. The Node SDK reads them itself (exporter, endpoint,
// protocol, headers, sampler, service name); we add no variables of our own.
// No auto-instrumentation is loaded: spans come from @fastify/otel (requests,
// registered in app.ts), sql-spans.ts (every query) and pg-boss (sending and
// processing an order's job, joined to the request that placed the order:
// orders/order-queue.ts). The SDK is loaded
// only when traces are asked for: importing it costs about 250 ms of start-up.

/**
 * True when the environment asks for traces: an exporter named in
 * OTEL_TRACES_EXPORTER (other than `none`) or an OTLP endpoint, and the SDK
 * not disabled with OTEL_SDK_DISABLED=true.
 */
export function tracingRequested(env: Record<string, string | undefined> = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

export interface Tracing {
  /** Flushes the spans still buffered and stops exporting. */
  shutdown(): Promise<void>;
}

/** Starts the SDK when the environment asks for traces; undefined (tracing off) otherwise. */
export async function startTracing(serviceName: string): Promise<Tracing | undefined> {
  if (!tracingRequested()) return undefined;
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({
    // OTEL_SERVICE_NAME, when set, wins over this default.
    ...(!process.env.OTEL_SERVICE_NAME && { serviceName }),
    instrumentations: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
