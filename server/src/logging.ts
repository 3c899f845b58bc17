// Logger options for the entry points (server and worker): JSON lines, one
// object per line, as log collectors expect; human-readable through
// pino-pretty when a developer watches a terminal outside production.
// pino-pretty is a dev dependency: a production install does not have it and
// never asks for it, and a development one without it falls back to JSON.
import { createRequire } from 'node:module';
import { context, trace } from '@opentelemetry/api';
import type { LoggerOptions } from 'pino';
import type { Config } from './config.js';

export function loggerOptions(config: Pick<Config, 'logLevel' | 'nodeEnv'>, name?: string): LoggerOptions {
  const options: LoggerOptions = { level: config.logLevel, mixin: traceIds, ...(name && { name }) };
  if (config.nodeEnv === 'production' || !process.stdout.isTTY) return options;
  const pretty = resolvePretty();
  if (!pretty) return options;
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
