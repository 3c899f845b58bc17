import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const workspace = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // The workspace packages from source, so the example builds (and `pnpm dev`
    // reloads) without building them first.
    alias: {
      '@storefront/sdk': workspace('sdk/src/index.ts'),
      '@storefront/react': workspace('react/src/index.ts'),
    },
    // One React and one TanStack Query for the app and the hooks, or the
    // hooks would not find the app's QueryClient.
    dedupe: ['react', 'react-dom', '@tanstack/react-query'],
  },
  // JSX by Vite's own transform (automatic runtime): no plugin needed for a build.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    sourcemap: true,
    rolldownOptions: {
      // TanStack Query marks its modules "use client" for React Server Components; meaningless in a SPA bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // `pnpm dev` next to `pnpm start`: the API on the same origin, as in production behind one proxy.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
