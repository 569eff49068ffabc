import type { DataSource } from 'typeorm';

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
