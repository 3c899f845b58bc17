import { useCreateOrder, useListProductsInfinite } from '@storefront/react';
import { useDeferredValue, useState } from 'react';

const SHIPPING_ADDRESS = '12 Analytical Row, London NW1 6XE';

/** The catalogue with a search and an in-stock filter, ten at a time; each product can be ordered. */
export function Products({ onOrdered }: { onOrdered: (orderId: number) => void }) {
  const [search, setSearch] = useState('');
  const [inStockOnly, setInStockOnly] = useState(true);
  // Typing stays responsive; the query follows the deferred value.
  const filters = { search: useDeferredValue(search) || undefined, in_stock: inStockOnly || undefined, page_size: 10 };
  const products = useListProductsInfinite(filters);
  const createOrder = useCreateOrder({ onSuccess: (order) => onOrdered(order.id) });
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-label="Products">
      <h2>Products</h2>
      <fieldset>
        <input
          type="search"
          placeholder="Search products"
          aria-label="Search products"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label>
          <input type="checkbox" checked={inStockOnly} onChange={(e) => setInStockOnly(e.target.checked)} /> In stock
          only
        </label>
      </fieldset>
      {products.error && <p className="error">{products.error.message}</p>}
      <ul data-testid="products">
        {items.map((product) => (
          <li key={product.id} data-testid="product">
            <span>
              <span data-testid="product-name">{product.name}</span> · {product.price.toFixed(2)} · {product.stock} in
              stock
            </span>
            <button
              type="button"
              disabled={createOrder.isPending || product.stock === 0}
              onClick={() =>
                createOrder.mutate({
                  body: { items: [{ product_id: product.id, quantity: 1 }], shipping_address: SHIPPING_ADDRESS },
                })
              }
            >
              Order {product.name}
            </button>
          </li>
        ))}
      </ul>
      {products.isSuccess && items.length === 0 && <p>No products match.</p>}
      {products.hasNextPage && (
        <button type="button" disabled={products.isFetchingNextPage} onClick={() => products.fetchNextPage()}>
          More products
        </button>
      )}
      {createOrder.error && <p className="error">Could not order: {createOrder.error.message}</p>}
    </section>
  );
}
