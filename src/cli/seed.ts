import { createApp } from '#src/app';
import { createDataSource } from '#src/data-source';
import { migrate } from '#src/database/migrations';
import { DemoSeeder } from '#src/seed/demo-seeder';
import { runCli } from './cli';

void runCli(async (config, database) => {
  const db = createDataSource(database.url);
  await db.initialize();
  await migrate(db);
  await db.destroy();
  const app = await createApp({ config: { ...config, logLevel: 'warn' }, databaseUrl: database.url });
  const summary = await app.get(DemoSeeder).seed();
  await app.close();
  process.stdout.write(`demo data added: ${JSON.stringify(summary)}
`);
});
