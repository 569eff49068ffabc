import 'reflect-metadata';
import { ConfigError, loadConfig, type AppConfig } from '#src/config/config';
import { resolveDatabase, type ResolvedDatabase } from '#src/database/resolve-database';

/** Runs a command-line task with the configuration and the database (embedded when no DATABASE_URL). */
export async function runCli(
  task: (config: AppConfig, database: ResolvedDatabase) => Promise<number | void>,
): Promise<void> {
  let database: ResolvedDatabase | undefined;
  try {
    const config = loadConfig();
    database = await resolveDatabase(config, (message) => process.stderr.write(`${message}\n`), {
      adoptLeftover: false,
    });
    const code = (await task(config, database)) ?? 0;
    await database.embedded?.stop();
    process.exit(code);
  } catch (error) {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await database?.embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}
