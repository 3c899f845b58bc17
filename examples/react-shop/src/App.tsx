import { useAuth } from '@storefront/react';
import { useState } from 'react';
import { LoginForm } from './LoginForm.js';
import { OrderPanel } from './OrderPanel.js';
import { Products } from './Products.js';

export function App() {
  const auth = useAuth();
  const [orderId, setOrderId] = useState<number>();

  if (auth.status === 'loading') return <p>Loading…</p>;
  if (auth.status === 'error') return <p className="error">The shop is unreachable: {auth.error?.message}</p>;
  if (auth.status === 'signedOut') return <LoginForm />;
  return (
    <>
      <header>
        <h1>Shop</h1>
        <p>
          Signed in as <strong data-testid="username">{auth.user?.username}</strong>{' '}
          <button type="button" onClick={() => auth.logout().finally(() => setOrderId(undefined))}>
            Log out
          </button>
        </p>
      </header>
      <main>
        <Products onOrdered={setOrderId} />
        <OrderPanel orderId={orderId} />
      </main>
    </>
  );
}
