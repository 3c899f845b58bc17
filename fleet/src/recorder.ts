// What the drill saw, in time order: every request's outcome, the faults and
// recoveries as they happened, and the phases they divide the run into. All
// times are milliseconds since the recorder started.

export interface Outcome {
  /** Operation name (the contract's operationId, or a shopper step such as `restock`). */
  op: string;
  start: number;
  end: number;
  /** HTTP status, or null when no answer came (the request failed on the network). */
  status: number | null;
  /** Whether the answer was one the operation expects (e.g. 200, or 412 for a conditional update). */
  ok: boolean;
  /** For a network failure: its code (ECONNRESET, UND_ERR_SOCKET, …). */
  error?: string;
  /** The instance that answered, from the balancer's X-Served-By. */
  servedBy?: string;
  /** How often the balancer retried the request on a connection before this answer (its X-Retries). */
  retries?: number;
}

export interface FleetEvent {
  at: number;
  /** e.g. "SIGTERM api1", "api1 back in rotation", "postgres restarted". */
  label: string;
  /** A fault is drawn as a marker on the chart; a recovery as a lighter one. */
  kind: 'fault' | 'recovery';
}

export interface Phase {
  name: string;
  start: number;
  end: number;
  /** The moment the fault ended (the service is back), for recovery times. */
  backAt?: number;
}

export class Recorder {
  readonly origin = performance.now();
  readonly startedAt = new Date();
  readonly outcomes: Outcome[] = [];
  readonly events: FleetEvent[] = [];
  readonly phases: Phase[] = [];

  now(): number {
    return performance.now() - this.origin;
  }

  record(outcome: Outcome): void {
    this.outcomes.push(outcome);
  }

  event(label: string, kind: FleetEvent['kind'] = 'fault'): number {
    const at = this.now();
    this.events.push({ at, label, kind });
    return at;
  }

  /** Runs `body` as a named phase; requests that end inside it count for it. */
  async phase<T>(name: string, body: (phase: Phase) => Promise<T>): Promise<T> {
    const phase: Phase = { name, start: this.now(), end: Number.NaN };
    this.phases.push(phase);
    try {
      return await body(phase);
    } finally {
      phase.end = this.now();
    }
  }
}
