import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '#src/config/config';
import { createDataSource } from '#src/data-source';
import { migrate } from '#src/database/migrations';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '#src/database/embedded-postgres';

declare global {
  var __embeddedPostgres: EmbeddedPostgresHandle | undefined;
}

/**
 * One PostgreSQL for the run: DATABASE_URL when set, else an embedded server in a temporary
 * folder. The schema is migrated once into a template database; every test file clones it
 * (CREATE DATABASE ... TEMPLATE, tens of milliseconds) and works alone in its copy.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const config = loadConfig({ DATABASE_URL: process.env.DATABASE_URL });
  let adminUrl = config.databaseUrl;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-test-'));
    chmodSync(dataDir, 0o755); // the postgres user must reach it when tests run as root
    const port = 20000 + Math.floor(Math.random() * 20000);
    globalThis.__embeddedPostgres = await startEmbeddedPostgres({
      dataDir,
      port,
      database: 'postgres',
      log: () => undefined,
      adoptLeftover: true,
    });
    adminUrl = globalThis.__embeddedPostgres.url;
  }
  const template = `registry_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const db = createDataSource(withDatabase(adminUrl, template));
  await db.initialize();
  await migrate(db);
  await db.destroy();

  process.env.TEST_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DB = template;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
