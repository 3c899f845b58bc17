// A steady, bounded load: `concurrency` loops calling `step` until stopped,
// recording every outcome (status or network error) with its latency.
export interface Outcome {
  at: number;
  label: string;
  status: number | 'network-error';
  ms: number;
  detail?: string;
}

export interface Load {
  outcomes: Outcome[];
  stop(): Promise<void>;
}

export function startLoad(
  concurrency: number,
  step: (i: number) => Promise<{ label: string; status: number; ms: number; detail?: string }>,
  pauseMs = 0,
): Load {
  const outcomes: Outcome[] = [];
  let running = true;
  let n = 0;
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) {
      const t0 = performance.now();
      const i = n++;
      try {
        const r = await step(i);
        outcomes.push({ at: Date.now(), ...r });
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        outcomes.push({
          at: Date.now(),
          label: 'request',
          status: 'network-error',
          ms: performance.now() - t0,
          detail: `${e.name}: ${e.message} ${e.cause?.code ?? ''}`,
        });
      }
      if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    }
  });
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
