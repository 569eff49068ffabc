import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * The console's browser tests (`npm run test:browser`): the journeys of issue 14 against the real
 * service (started once by support/global-setup.ts on the demo data), in Debian's Chromium or the
 * one CHROMIUM_PATH names. One worker: the journeys share that one service and its data.
 */
// CHROMIUM_PATH, else Debian's Chromium, else the one `npx playwright install chromium` put in place.
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const runsAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.pw.ts',
  globalSetup: './support/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../../test-results/browser',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      // Chromium's sandbox refuses to start as root (CI containers).
      args: runsAsRoot ? ['--no-sandbox'] : [],
    },
  },
});
