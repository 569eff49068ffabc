import { writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createApp } from '#src/app';
import { renderSchema } from '#src/common/graphql/schema-file';
import { runCli } from './cli';

/** Writes schema.gql from the code (code-first). Needs no migrated database: nothing is queried. */
void runCli(async (config, database) => {
  const app = await createApp({ config: { ...config, logLevel: 'warn' }, databaseUrl: database.url });
  writeFileSync('schema.gql', renderSchema(app.get(GraphQLSchemaHost).schema));
  await app.close();
  process.stdout.write('schema.gql written\n');
});
