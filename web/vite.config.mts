import { defineConfig } from 'vite';

/**
 * The console: built into dist/console, which the service serves at / (src/console). During
 * development `npm run dev:web` serves it with hot reload and forwards the API to a running service.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // Outside web/, so that a build does not change its own inputs (scripts/build-if-stale.mjs).
  cacheDir: '../node_modules/.vite',
  build: {
    outDir: '../dist/console',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Hashed names under assets/ are what the service caches for a year.
    sourcemap: false,
    target: 'es2022',
    // The first script is the start page, the catalogue, a service and sign-in (about 660 kB with
    // React, urql and KERN's parts); the other pages and the chart library load when opened
    // (web/src/routes.tsx). The catalogue's time to interactive: npm run test:browser prints it.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      // The build's plugin timings are not news on every start.
      checks: { pluginTimings: false },
      onwarn(warning, warn) {
        // React Router marks its modules "use client" for server components; meaningless here.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
          warn(warning);
        }
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    proxy: {
      '/graphql': 'http://localhost:3000',
      '/auth': 'http://localhost:3000',
      '/console/config.json': 'http://localhost:3000',
      // The releases' Atom feed, which the service page links to.
      '/services': 'http://localhost:3000',
    },
  },
});
