import { StorefrontProvider } from '@storefront/react';
import { createStorefront, localStorageTokenStore } from '@storefront/sdk';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

// Same origin by default (`pnpm dev` proxies /api); VITE_STOREFRONT_API at build time points elsewhere.
const baseUrl = new URL(import.meta.env.VITE_STOREFRONT_API ?? '/api/v1', window.location.href).href;
// Tokens in localStorage: a reload stays signed in, and tabs share one session (refreshes are locked across tabs).
const sdk = createStorefront({ baseUrl, tokenStore: localStorageTokenStore() });
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <StorefrontProvider client={sdk}>
        <App />
      </StorefrontProvider>
    </QueryClientProvider>
  </StrictMode>,
);
