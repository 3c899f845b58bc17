// verifyWebhook: the Standard Webhooks check a receiver needs, returning the
// contract's typed event.
import { Webhook } from 'standardwebhooks';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Order, verifyWebhook, WebhookVerificationError } from '../../../sdk/src/index.js';

const secret = `whsec_${Buffer.from('a 24-byte test secret!!!').toString('base64')}`;
const body = JSON.stringify({
  type: 'order.completed',
  timestamp: '2026-11-02T10:20:01Z',
  data: { id: 1001, status: 'completed' },
});

function signed(payload: string, at = new Date(), key = secret) {
  return {
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(key).sign('msg_1', at, payload),
  };
}

describe('verifyWebhook', () => {
  it('returns the event, typed by the contract, from Node headers or a Headers object', () => {
    const event = verifyWebhook(body, signed(body), secret);
    expect(event).toMatchObject({ type: 'order.completed', data: { id: 1001 } });
    if (event.type === 'order.completed') expectTypeOf(event.data).toEqualTypeOf<Order>();
    expect(verifyWebhook(new TextEncoder().encode(body), new Headers(signed(body)), secret).type).toBe(
      'order.completed',
    );
  });

  it('refuses a changed body, another secret and a stale timestamp', () => {
    expect(() => verifyWebhook(body.replace('1001', '1002'), signed(body), secret)).toThrow(WebhookVerificationError);
    const other = `whsec_${Buffer.from('another 24-byte secret!!').toString('base64')}`;
    expect(() => verifyWebhook(body, signed(body, new Date(), other), secret)).toThrow(WebhookVerificationError);
    const old = new Date(Date.now() - 10 * 60 * 1000);
    expect(() => verifyWebhook(body, signed(body, old), secret)).toThrow(WebhookVerificationError);
  });

  it('accepts either signature during a rotation', () => {
    const other = `whsec_${Buffer.from('another 24-byte secret!!').toString('base64')}`;
    const now = new Date();
    const headers = signed(body, now);
    headers['webhook-signature'] += ` ${new Webhook(other).sign('msg_1', now, body)}`;
    expect(verifyWebhook(body, headers, other).type).toBe('order.completed');
    expect(verifyWebhook(body, headers, secret).type).toBe('order.completed');
  });
});
