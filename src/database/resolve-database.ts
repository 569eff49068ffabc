import type { AppConfig } from '#src/config/config';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedPostgresHandle | null;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under the data folder. */
export async function resolveDatabase(
  config: AppConfig,
  log: (message: string) => void,
  { adoptLeftover }: { adoptLeftover: boolean },
): Promise<ResolvedDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
    database: 'registry',
    log,
    adoptLeftover,
  });
  // embedded-postgres installs its own SIGINT/SIGTERM handlers that stop the server at once; the
  // service shuts down in order instead (stop taking requests, finish them, then stop the database).
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  log(`embedded PostgreSQL: ready, data in ${embedded.clusterDir}`);
  return { url: embedded.url, embedded };
}
