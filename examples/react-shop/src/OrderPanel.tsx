import { storefrontKeys, useCancelOrder, useGetOrder, useListOrders } from '@storefront/react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

const IN_FLIGHT = new Set(['pending', 'processing']);
const PROCESSED = new Set(['completed', 'failed']);
const CANCELLABLE = new Set(['pending', 'processing', 'completed']);

/** The order just placed, watched until processing is over, and the latest orders. */
export function OrderPanel({ orderId }: { orderId: number | undefined }) {
  return (
    <aside>
      {orderId !== undefined && <CurrentOrder orderId={orderId} />}
      <RecentOrders />
    </aside>
  );
}

function CurrentOrder({ orderId }: { orderId: number }) {
  const queryClient = useQueryClient();
  // Processing happens in the background: poll while the order is in flight.
  const order = useGetOrder(orderId, {
    refetchInterval: (query) => (IN_FLIGHT.has(query.state.data?.status ?? 'pending') ? 300 : false),
  });
  const cancel = useCancelOrder();
  const status = order.data?.status;

  // When processing ends, stock and the order lists have moved on the server.
  // (A cancel needs nothing here: useCancelOrder invalidates them itself.)
  useEffect(() => {
    if (status && PROCESSED.has(status)) {
      void queryClient.invalidateQueries({ queryKey: storefrontKeys.orders.lists() });
      void queryClient.invalidateQueries({ queryKey: storefrontKeys.products.lists() });
    }
  }, [status, queryClient]);

  return (
    <section aria-label="Current order">
      <h2>Order #{orderId}</h2>
      <p>
        Status:{' '}
        <output className="status" data-testid="order-status">
          {status ?? '…'}
        </output>
        {order.data?.failure_reason && <span className="error"> ({order.data.failure_reason})</span>}
      </p>
      {order.data && <p>Total: {order.data.total_amount?.toFixed(2) ?? '—'}</p>}
      <button
        type="button"
        disabled={!status || !CANCELLABLE.has(status) || cancel.isPending}
        onClick={() => cancel.mutate({ orderId })}
      >
        Cancel order
      </button>
      {cancel.error && <p className="error">Could not cancel: {cancel.error.message}</p>}
    </section>
  );
}

function RecentOrders() {
  const orders = useListOrders({ page_size: 5 });
  return (
    <section aria-label="Recent orders">
      <h2>Recent orders</h2>
      <ul data-testid="orders">
        {orders.data?.items.map((o) => (
          <li key={o.id}>
            #{o.id} <span data-testid={`order-${o.id}-status`}>{o.status}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
