// `storefront orders stats` and `orders requeue --failed`: what the queue is
// doing, and a second chance for orders that failed.
import { reopenFailedOrders } from '../orders/processing.repository.js';
import { createOrderQueue, QUEUE } from '../orders/order-queue.js';
import { JOB_STATES, ORDER_STATUSES, orderStats } from '../orders/stats.repository.js';
import { type Command, type CommandContext, UsageError } from './command.js';
import { idFrom } from './contract-inputs.js';

/** The queue states an operator asks about, by pg-boss's names for them. */
const QUEUE_STATES = { queued: 'created', active: 'active', retrying: 'retry', failed: 'failed' } as const;

function formatAge(seconds: number): string {
  if (seconds < 90) return `${seconds.toFixed(1)} s`;
  if (seconds < 90 * 60) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

const REQUEUE_BATCH = 100;

/** Reopens failed orders (all, or those of `ids`) batch by batch and queues them; returns their ids. */
async function requeueFailed(
  { database, config, io }: Pick<CommandContext, 'database' | 'config' | 'io'>,
  ids: number[] | undefined,
): Promise<Set<number>> {
  const quiet = () => {};
  const queue = createOrderQueue({ database, config, work: false, log: { info: quiet, warn: quiet, error: quiet } });
  await queue.start();
  const requeued = new Set<number>();
  try {
    for (;;) {
      // One transaction per batch: the orders turn pending and get their jobs together, or not at all.
      const batch = await database.db.transaction().execute(async (trx) => {
        const reopened = await reopenFailedOrders(trx, REQUEUE_BATCH, ids);
        for (const id of reopened) await queue.enqueueOrder(id, { trx });
        return reopened;
      });
      if (batch.length === 0) return requeued;
      for (const id of batch) requeued.add(id);
      io.out(`requeued ${batch.length} (orders ${batch[0]}..${batch.at(-1)}), ${requeued.size} so far`);
    }
  } finally {
    await queue.stop();
  }
}

export const orderCommands: Command[] = [
  {
    name: 'orders stats',
    usage: '[--json]',
    summary: "orders by status, the queue's jobs by state, the oldest waiting order's age (as in /metrics)",
    options: { json: { type: 'boolean' } },
    async run({ database, io, values }) {
      const stats = await orderStats(database.db, QUEUE);
      if (values.json) return io.out(JSON.stringify(stats));
      io.out('orders');
      for (const status of ORDER_STATUSES) io.out(`  ${status.padEnd(12)} ${stats.orders[status]}`);
      io.out('queue');
      for (const [label, state] of Object.entries(QUEUE_STATES)) io.out(`  ${label.padEnd(12)} ${stats.jobs[state]}`);
      const done = JOB_STATES.filter((s) => !Object.values<string>(QUEUE_STATES).includes(s));
      io.out(`  (${done.map((s) => `${s} ${stats.jobs[s]}`).join(', ')})`);
      const age = stats.oldestPendingAgeSeconds;
      io.out(`oldest pending order: ${age === null ? 'none waiting' : `placed ${formatAge(age)} ago`}`);
    },
  },
  {
    name: 'orders requeue',
    usage: '--failed [--id ID]...',
    summary: 'put failed orders back to pending and queue them again (all, or the given ids)',
    options: { failed: { type: 'boolean' }, id: { type: 'string', multiple: true } },
    async run({ database, config, io, values }) {
      // Only failed orders can be requeued; the flag says so, so that a later selector cannot be run by mistake.
      if (values.failed !== true) throw new UsageError('Say which orders: --failed');
      // An id the contract's order_id refuses (not a positive integer, past the integer range) names no order.
      const asked = Array.isArray(values.id)
        ? values.id.map((text) => ({ text: String(text), id: idFrom('orderId', String(text)) }))
        : undefined;
      const ids = asked?.flatMap(({ id }) => id ?? []);
      const requeued = ids?.length === 0 ? new Set<number>() : await requeueFailed({ database, config, io }, ids);
      io.out(
        requeued.size === 0
          ? 'No failed orders to requeue.'
          : `Requeued ${requeued.size} failed order${requeued.size === 1 ? '' : 's'}: a running worker processes them now.`,
      );
      // An id asked for by name that was not requeued is an error the operator must see.
      const missed = (asked ?? []).filter(({ id }) => id === undefined || !requeued.has(id));
      if (missed.length > 0) {
        const known = missed.flatMap(({ id }) => id ?? []);
        const found =
          known.length === 0
            ? []
            : await database.db.selectFrom('orders').select(['id', 'status']).where('id', 'in', known).execute();
        const statusOf = new Map(found.map((o) => [o.id, o.status]));
        throw new Error(
          missed
            .map(({ text, id }) => {
              const status = id === undefined ? undefined : statusOf.get(id);
              return `order ${text} ${status ? `is ${status}, not failed` : 'does not exist'}`;
            })
            .join('; '),
        );
      }
    },
  },
];
