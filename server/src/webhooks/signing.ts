// Standard Webhooks signatures with the `standardwebhooks` package (the
// library receivers verify with): HMAC-SHA256 over `id.timestamp.body`,
// one `v1,…` signature per secret still valid, space-separated, so a
// receiver keeps verifying through a rotation.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new `whsec_` secret: 24 random bytes, base64 (the spec asks for 24 to 64). */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export function signedHeaders(
  eventId: string,
  body: string,
  secrets: string[],
  now: Date = new Date(),
): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(eventId, now, body));
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
