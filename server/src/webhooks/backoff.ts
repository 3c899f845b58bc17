// When a failed delivery is tried again: exponential backoff with jitter, so
// receivers coming back from an outage are not hit by every retry at once.

export interface BackoffSettings {
  webhookRetryDelaySeconds: number;
  webhookRetryMaxDelaySeconds: number;
}

/** Seconds to wait after failed attempt `attempt` (1-based): base × 2^(attempt-1), capped, then 50-100% of it. */
export function retryDelaySeconds(attempt: number, settings: BackoffSettings, random: () => number = Math.random) {
  const exponential = settings.webhookRetryDelaySeconds * 2 ** Math.min(attempt - 1, 30);
  const capped = Math.min(exponential, settings.webhookRetryMaxDelaySeconds);
  return capped * (0.5 + random() * 0.5);
}
