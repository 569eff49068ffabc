import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '#src/config/config';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '#src/database/embedded-postgres';

/**
 * Runs a benchmark on a database of its own: a new database on DATABASE_URL's server, or on an
 * embedded PostgreSQL in a temporary folder. Dropped afterwards, unless BENCH_KEEP is set.
 */
export async function withBenchDatabase(name: string, work: (databaseUrl: string) => Promise<void>) {
  const given = loadConfig().databaseUrl;
  let embedded: EmbeddedPostgresHandle | undefined;
  let dataDir: string | undefined;
  let adminUrl: string;
  if (given) {
    adminUrl = given;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'registry-bench-'));
    chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: 45000 + Math.floor(Math.random() * 1000),
      database: 'postgres',
      log: (message: string) => (process.env.BENCH_PG_LOG ? process.stderr.write(`${message}\n`) : undefined),
      adoptLeftover: true,
    });
    adminUrl = embedded.url;
  }
  const database = `${name}_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  try {
    await work(url.toString());
  } finally {
    if (process.env.BENCH_KEEP) {
      process.stdout.write(`kept ${url.toString()}\n`);
    } else {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
    await admin.end();
    await embedded?.stop();
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

/** The p-th percentile of sorted figures. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
