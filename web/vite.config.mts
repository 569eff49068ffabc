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
    // One bundle of about 550 kB (160 kB gzipped): the catalogue is interactive in about 1.5 s on the
    // demo data (npm run test:browser prints it). Split by route when it grows past this.
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
