import { defineConfig } from 'vitest/config';

/** Component tests of the console (npm test runs them after the API's suites). */
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../node_modules/.vite',
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    globals: true,
    setupFiles: ['./src/test-setup.ts'],
  },
});
