import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '#migrations';
import { ENTITIES } from './entities';

/** One definition of the connection for the service, the command-line tools and the tests. */
export function dataSourceOptions(
  url: string,
  overrides: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    // Each migration in its own transaction: a failed one leaves the ones before it applied.
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    // Each andWhere() in parentheses: a filter with OR cannot swallow the keyset condition after it.
    isolateWhereStatements: true,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: 10, application_name: 'ozg-registry' },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}

const MIGRATION_LOCK = 7_238_110_024_000;

/**
 * Applies pending migrations. Replicas starting together take turns on a session advisory lock,
 * so each migration runs once.
 */
export async function migrate(db: DataSource): Promise<string[]> {
  const lock = db.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await db.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}

/** True when every migration this build knows is applied. */
export async function migrationsApplied(db: DataSource): Promise<boolean> {
  return !(await db.showMigrations());
}
