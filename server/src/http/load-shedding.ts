// Load shedding with @fastify/under-pressure.
import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import { AppError } from '../errors.js';

// When the event loop lags or the heap is nearly full, answer 503 problem+json
// with Retry-After at once instead of queueing work until the process
// collapses. Routes opt out with `config.pressureHandler` (health, metrics).
const RETRY_AFTER_SECONDS = '5';
const SAMPLE_INTERVAL_MS = 500;
const SUSTAINED_WINDOWS = 2;

export async function registerLoadShedding(
  app: FastifyInstance,
  config: Pick<Config, 'maxHeapUsedBytes' | 'maxEventLoopDelayMs'>,
  database: DatabaseHandle,
): Promise<{ shedding(): boolean }> {
  const maxHeapUsedBytes = config.maxHeapUsedBytes || Math.floor(getHeapStatistics().heap_size_limit * 0.9);
  // The embedded database runs its queries on this thread, so there a slow
  // loop is the database working, not overload: off unless set explicitly.
  const maxEventLoopDelay = config.maxEventLoopDelayMs ?? (database.kind === 'pglite' ? 0 : 1000);
  // Shed only when the pressure lasts (two sampling windows in a row): one
  // long pause (start-up, a GC, another app built in the same process) is
  // not saturation, and the requests behind it deserve an answer.
  let overloadedWindows = 0;
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      overloadedWindows = app.isUnderPressure() ? overloadedWindows + 1 : 0;
    }, SAMPLE_INTERVAL_MS).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
  await app.register(underPressure, {
    maxEventLoopDelay,
    maxHeapUsedBytes,
    sampleInterval: SAMPLE_INTERVAL_MS,
    pressureHandler: async (_req, _reply, type) => {
      if (overloadedWindows < SUSTAINED_WINDOWS) return;
      throw new AppError('SERVICE_UNAVAILABLE', `The server is overloaded (${type}); retry later`, undefined, {
        'retry-after': RETRY_AFTER_SECONDS,
      });
    },
  });
  return { shedding: () => overloadedWindows >= SUSTAINED_WINDOWS };
}
