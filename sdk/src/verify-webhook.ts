// Receiving webhooks: checks a request's Standard Webhooks signature with
// the `standardwebhooks` library (the secret's HMAC over id, timestamp and
// the raw body, and a timestamp within 5 minutes of this clock, so a
// captured request cannot be replayed later) and returns the event, typed
// by the contract's `webhooks` section.
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { WebhookEvent } from './schemas.js';

export { WebhookVerificationError };

/** Request headers as Node (`req.headers`), the Fetch API (`Headers`) or a plain object give them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: WebhookHeaders, name: string): string {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * The event, once its signature checks out against `secret` (`whsec_…`);
 * throws WebhookVerificationError otherwise. Pass the body exactly as
 * received (a string or Buffer), before any JSON parsing.
 */
export function verifyWebhook(rawBody: string | Uint8Array, headers: WebhookHeaders, secret: string): WebhookEvent {
  const required = {
    'webhook-id': header(headers, 'webhook-id'),
    'webhook-timestamp': header(headers, 'webhook-timestamp'),
    'webhook-signature': header(headers, 'webhook-signature'),
  };
  const body = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  return new Webhook(secret).verify(body, required) as WebhookEvent;
}
