import { type Span, SpanStatusCode } from '@opentelemetry/api';

/** Runs `work` as `span`'s body: a failure is recorded on the span, which ends either way. */
export async function settle<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw err;
  } finally {
    span.end();
  }
}
