import { createDataSource } from '#src/data-source';
import { migrate } from '#src/database/migrations';
import { runCli } from './cli';

void runCli(async (_config, database) => {
  const db = createDataSource(database.url);
  await db.initialize();
  const applied = await migrate(db);
  await db.destroy();
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
});
