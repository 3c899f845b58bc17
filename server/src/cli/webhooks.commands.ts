// `storefront webhooks list`, `webhooks deliveries --endpoint ID` and
// `webhooks retry ID`: what the endpoints receive, and a second chance for a
// delivery, without going through the API.
import { AppError } from '../errors.js';
import { retryDelivery } from '../webhooks/retry.js';
import { createWebhookQueue } from '../webhooks/webhook-queue.js';
import { listDeliveries, listEndpoints, toDelivery, toEndpoint } from '../webhooks/webhooks.repository.js';
import { type Command, UsageError } from './command.js';

const ID = /^[1-9][0-9]{0,9}$/;
const SHOWN = 100;

export const webhookCommands: Command[] = [
  {
    name: 'webhooks list',
    usage: '[--json]',
    summary: 'webhook endpoints: url, events, enabled or why disabled (never their secrets)',
    options: { json: { type: 'boolean' } },
    async run({ database, io, values }) {
      const { rows, total } = await listEndpoints(database.db, 1, SHOWN);
      const endpoints = rows.map(toEndpoint);
      if (values.json) return io.out(JSON.stringify(endpoints));
      if (total === 0) return io.out('No webhook endpoints.');
      for (const e of endpoints)
        io.out(
          `${e.id}\t${e.enabled ? 'enabled' : `disabled (${e.disabled_reason})`}\t${e.url}\t${e.events.join(',')}` +
            (e.consecutive_failures > 0 ? `\t${e.consecutive_failures} failed in a row` : ''),
        );
      if (total > SHOWN) io.out(`(${SHOWN} newest of ${total})`);
    },
  },
  {
    name: 'webhooks deliveries',
    usage: '--endpoint ID [--json]',
    summary: "an endpoint's newest deliveries: status, attempts, last response and error, next attempt",
    options: { endpoint: { type: 'string' }, json: { type: 'boolean' } },
    async run({ database, io, values }) {
      const endpoint = values.endpoint;
      if (typeof endpoint !== 'string' || !ID.test(endpoint)) throw new UsageError('--endpoint takes an endpoint id');
      const { rows } = await listDeliveries(database.db, Number(endpoint), 1, SHOWN);
      const deliveries = rows.map(toDelivery);
      if (values.json) return io.out(JSON.stringify(deliveries));
      if (deliveries.length === 0) return io.out(`No deliveries for endpoint ${endpoint}.`);
      for (const d of deliveries)
        io.out(
          [
            d.id,
            d.event_id,
            d.event_type,
            d.status,
            `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`,
            d.last_status_code ?? '-',
            d.next_attempt_at ? `next ${d.next_attempt_at}` : '',
            d.last_error ?? '',
          ].join('\t'),
        );
    },
  },
  {
    name: 'webhooks retry',
    usage: 'DELIVERY_ID',
    summary: 'send a delivered or failed delivery again now, with the same webhook-id',
    positionals: 1,
    async run({ database, config, io, positionals }) {
      const [id = ''] = positionals;
      if (!ID.test(id)) throw new UsageError('DELIVERY_ID is a delivery id');
      const quiet = () => {};
      const queue = createWebhookQueue({
        database,
        config,
        work: false,
        log: { info: quiet, warn: quiet, error: quiet },
      });
      await queue.start();
      try {
        const delivery = await retryDelivery(database.db, queue.outbox, Number(id));
        io.out(`Delivery ${delivery.id} (${delivery.event_id}) queued: a running worker sends it now.`);
      } catch (err) {
        // The API's 404 and 409 are the operator's plain errors here.
        if (err instanceof AppError) throw new Error(err.detail);
        throw err;
      } finally {
        await queue.stop();
      }
    },
  },
];
