// Logger options for the entry points (server and worker): JSON lines, one
// object per line, as log collectors expect; human-readable through
// pino-pretty when a developer watches a terminal outside production.
// pino-pretty is a dev dependency: a production install does not have it and
// never asks for it, and a development one without it falls back to JSON.
import { createRequire } from 'node:module';
import { context, trace } from '@opentelemetry/api';
import { type DestinationStream, destination, type LoggerOptions } from 'pino';
import type { Config } from './config.js';

/** pino's options, and the stream the lines go to (Fastify's `logger` takes both as one object). */
export type LogSetup = LoggerOptions & { stream?: DestinationStream };

export function loggerOptions(config: Pick<Config, 'logLevel' | 'nodeEnv'>, name?: string): LogSetup {
  const options: LoggerOptions = { level: config.logLevel, mixin: traceIds, ...(name && { name }) };
  // Asynchronous: pino's default stdout writes each line with a blocking
  // write(2) on the event loop (3% of the server's CPU under load, in a
  // profile of getProduct); this one queues lines and writes them in batches
  // while the loop runs on. pino flushes it synchronously on exit.
  const json = () => ({ ...options, stream: destination({ dest: 1, sync: false }) });
  if (config.nodeEnv === 'production' || !process.stdout.isTTY) return json();
  const pretty = resolvePretty();
  if (!pretty) return json();
  return {
    ...options,
    transport: { target: pretty, options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } },
  };
}

/**
 * A line logged inside a trace (a request, an order's processing) carries its
 * ids, under OpenTelemetry's names for them in logs, so a backend links the
 * two. Outside a trace, or with tracing off, nothing is added.
 */
function traceIds(): Record<string, string> {
  const span = trace.getSpanContext(context.active());
  return span ? { trace_id: span.traceId, span_id: span.spanId } : {};
}

function resolvePretty(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('pino-pretty');
  } catch {
    return undefined;
  }
}
