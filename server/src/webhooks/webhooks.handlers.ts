// Webhook endpoints and their deliveries: admin only (the contract's
// security requirement). Secrets leave the server in two answers only:
// createWebhookEndpoint and rotateWebhookEndpointSecret.
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { AppError, notFound, validationError } from '../errors.js';
import type { Handlers } from '../http/handler-types.js';
import { pageOf, pageParams } from '../http/pagination.js';
import { checkTarget, type GuardOptions, RefusedAddress } from './address-guard.js';
import { eventBody, newEventId, type WebhookOutbox } from './outbox.js';
import { retryDelivery } from './retry.js';
import { newSecret } from './signing.js';
import {
  deleteEndpoint,
  findEndpoint,
  insertDirectDelivery,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  rotateSecret,
  toDelivery,
  toEndpoint,
  updateEndpoint,
} from './webhooks.repository.js';

type WebhookOperation =
  | 'listWebhookEndpoints'
  | 'createWebhookEndpoint'
  | 'getWebhookEndpoint'
  | 'updateWebhookEndpoint'
  | 'deleteWebhookEndpoint'
  | 'rotateWebhookEndpointSecret'
  | 'testWebhookEndpoint'
  | 'listWebhookDeliveries'
  | 'retryWebhookDelivery';

/** Hours the secret before a rotation keeps signing beside the new one (the contract says 24). */
const ROTATION_OVERLAP_HOURS = 24;

export interface WebhookServices {
  webhookOutbox: WebhookOutbox;
  guard: GuardOptions;
}

export function createWebhookHandlers({
  db,
  webhookOutbox,
  guard,
}: AppContext & WebhookServices): Handlers<WebhookOperation> {
  /** 422 on /body/url for a URL that may not receive webhooks (address-guard.ts). */
  async function assertAllowed(url: string): Promise<void> {
    try {
      await checkTarget(url, guard);
    } catch (err) {
      if (err instanceof RefusedAddress) throw validationError([{ path: '/body/url', message: err.message }]);
      throw err;
    }
  }

  async function endpointOrThrow(dbOrTrx: Kysely<Database>, id: number) {
    const row = await findEndpoint(dbOrTrx, id);
    if (!row) throw notFound(`Webhook endpoint ${id}`);
    return row;
  }

  return {
    async listWebhookEndpoints(req) {
      const { page, pageSize } = pageParams(req.query);
      const { rows, total } = await listEndpoints(db, page, pageSize);
      return pageOf(rows.map(toEndpoint), total, page, pageSize);
    },

    /** The URL is checked first; the secret is generated here and answered this once. */
    async createWebhookEndpoint(req, reply) {
      const { url, events, description } = req.body;
      await assertAllowed(url);
      const row = await insertEndpoint(db, { url, events, description: description ?? null, secret: newSecret() });
      reply.code(201);
      return { ...toEndpoint(row), secret: row.secret };
    },

    async getWebhookEndpoint(req) {
      return toEndpoint(await endpointOrThrow(db, req.params.endpoint_id));
    },

    async updateWebhookEndpoint(req) {
      const { url, events, description, enabled } = req.body;
      if (url !== undefined) await assertAllowed(url);
      const row = await updateEndpoint(db, req.params.endpoint_id, {
        ...(url !== undefined && { url }),
        ...(events !== undefined && { events }),
        ...(description !== undefined && { description }),
        ...(enabled !== undefined && { enabled }),
      });
      if (!row) throw notFound(`Webhook endpoint ${req.params.endpoint_id}`);
      return toEndpoint(row);
    },

    async deleteWebhookEndpoint(req, reply) {
      if (!(await deleteEndpoint(db, req.params.endpoint_id)))
        throw notFound(`Webhook endpoint ${req.params.endpoint_id}`);
      reply.code(204);
      return undefined;
    },

    async rotateWebhookEndpointSecret(req) {
      const row = await rotateSecret(db, req.params.endpoint_id, newSecret(), ROTATION_OVERLAP_HOURS);
      if (!row) throw notFound(`Webhook endpoint ${req.params.endpoint_id}`);
      return { ...toEndpoint(row), secret: row.secret };
    },

    /** A ping to this endpoint, through the same outbox and worker as every event. */
    async testWebhookEndpoint(req, reply) {
      const id = req.params.endpoint_id;
      const delivery = await db.transaction().execute(async (trx) => {
        const endpoint = await endpointOrThrow(trx, id);
        if (endpoint.disabled_at) throw new AppError('CONFLICT', `Webhook endpoint ${id} is disabled`);
        const eventId = newEventId();
        const body = eventBody('ping', new Date().toISOString(), { endpoint_id: id });
        const row = await insertDirectDelivery(trx, { id: eventId, type: 'ping', payload: body }, id);
        await webhookOutbox.enqueue(trx, [row]);
        return { ...row, event_type: 'ping' };
      });
      reply.code(202);
      return toDelivery(delivery);
    },

    async listWebhookDeliveries(req) {
      const id = req.params.endpoint_id;
      await endpointOrThrow(db, id);
      const { page, pageSize } = pageParams(req.query);
      const { rows, total } = await listDeliveries(db, id, page, pageSize);
      return pageOf(rows.map(toDelivery), total, page, pageSize);
    },

    /** One more attempt now, same webhook-id; a pending delivery already has one scheduled. */
    async retryWebhookDelivery(req, reply) {
      const delivery = await retryDelivery(db, webhookOutbox, req.params.delivery_id);
      reply.code(202);
      return toDelivery(delivery);
    },
  };
}
