import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startService } from './service';

/**
 * Starts the service once for all journeys, as a user would after `npm run build`: development
 * mode, a fresh data folder (embedded PostgreSQL, migrations, the demo data), the generated
 * development secret there. The tests find it through the environment (the workers inherit it):
 * BROWSER_BASE_URL, BROWSER_DATA_DIR, BROWSER_DATABASE_URL. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-browser-'));
  const pgPort = await freePort();
  const started = Date.now();
  const service = await startService({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    SEED_DEMO_DATA: 'true',
    // The notifications journey's webhook receiver listens on 127.0.0.1 (never in production).
    NOTIFICATION_ALLOW_LOOPBACK: 'true',
  });
  console.log(`service on ${service.url} (demo data, ${dataDir}) ready after ${Date.now() - started} ms`);
  process.env.BROWSER_BASE_URL = service.url;
  process.env.BROWSER_DATA_DIR = dataDir;
  // The embedded cluster's superuser (src/database/embedded-postgres.ts): for the production
  // service of the OIDC journey, which needs DATABASE_URL.
  process.env.BROWSER_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${pgPort}/registry`;
  return async () => {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
