import 'reflect-metadata';
import pino from 'pino';
import { createApp } from '#src/app';
import { DevSecret } from '#src/common/auth/dev-secret';
import { ConfigError, loadConfig, type AppConfig } from '#src/config/config';
import { createDataSource } from '#src/data-source';
import { migrate } from '#src/database/migrations';
import { resolveDatabase } from '#src/database/resolve-database';
import { DemoSeeder } from '#src/seed/demo-seeder';
import { startUpBanner } from '#src/sign-in/start-up-banner';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = pino({ level: config.logLevel, base: { service: 'ozg-registry' } });
  const database = await resolveDatabase(config, (message) => log.info(message), { adoptLeftover: true });

  const migrations = createDataSource(database.url);
  await migrations.initialize();
  const applied = await migrate(migrations);
  await migrations.destroy();
  if (applied.length > 0) {
    log.info({ applied }, `applied ${applied.length} migration(s)`);
  }

  const app = await createApp({ config, databaseUrl: database.url });
  if (config.seedDemoData) {
    const summary = await app.get(DemoSeeder).seed();
    log.info(summary, 'demo data loaded');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    log.info(`${signal}: finishing requests, then stopping`);
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await app.close();
    await database.embedded?.stop();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: '0.0.0.0' });
  // The port listened on: PORT=0 asks the system for a free one.
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  // PUBLIC_URL where given (behind a proxy), else where this process listens.
  const base =
    config.publicUrl === `http://localhost:${config.port}` ? `http://localhost:${port}` : config.publicUrl;
  log.info({ url: `${base}/graphql` }, `listening on port ${port}`);
  const secret = config.nodeEnv === 'production' ? undefined : DevSecret.resolve(config).file;
  process.stdout.write(startUpBanner(config, base, secret));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
