import type { MigrationInterface } from 'typeorm';
import type { TestApp } from './test-app';

/** Runs one migration's up or down on the test app's database, on a query runner of its own. */
export async function runMigration(
  t: TestApp,
  migration: MigrationInterface,
  step: 'up' | 'down',
): Promise<void> {
  const runner = t.db.createQueryRunner();
  try {
    await migration[step](runner);
  } finally {
    await runner.release();
  }
}
