import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '#src/app';
import { signDevToken } from '#src/common/auth/dev-token';
import type { Role } from '#src/common/auth/role';
import { SettableClock } from '#src/common/clock';
import { loadConfig, type AppConfig } from '#src/config/config';
import { withDatabase } from './global-setup';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256';
export const TEST_START = '2026-11-28T10:00:00.000Z';

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions: { code: string; field?: string } & Record<string, unknown> }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  clock: SettableClock;
  databaseUrl: string;
  config: AppConfig;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  token(claims: { roles: Role[]; org?: string; sub?: string; name?: string }): Promise<string>;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template, and the whole application on top of it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_ADMIN_URL!;
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_TEMPLATE_DB!}`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Counts SQL statements (TypeORM's query log), so a test can assert what a request costs. */
export class StatementCounter implements TypeOrmLogger {
  count = 0;
  logQuery() {
    this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    sqlLogger?: TypeOrmLogger;
    /** Another instance on this one's database (it is dropped by the owner's close, not this one's). */
    sharing?: TestApp;
    /** Where the built console is (default: the project's dist/console, built or not). */
    consoleDirectory?: string;
  } = {},
): Promise<TestApp> {
  const database = options.sharing
    ? { url: options.sharing.databaseUrl, drop: () => Promise.resolve() }
    : await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    AUTH_JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
    // The specs drive the notification worker themselves (drain), unless they ask for the loop.
    NOTIFICATION_POLL_INTERVAL_MS: '0',
    ...env,
  });
  const clock = options.sharing?.clock ?? new SettableClock(TEST_START);
  const app = await createApp({
    config,
    databaseUrl: database.url,
    clock,
    sqlLogger: options.sqlLogger,
    consoleDirectory: options.consoleDirectory,
  });
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(DataSource);
  return {
    app,
    db,
    clock,
    config,
    databaseUrl: database.url,
    async gql(query, variables, token) {
      const call = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
      if (token) {
        call.set('authorization', `Bearer ${token}`);
      }
      const response = await call.send({ query, variables });
      return { status: response.status, data: response.body.data ?? null, errors: response.body.errors };
    },
    token: ({ roles, org, sub, name }) =>
      signDevToken(
        { sub: sub ?? `${roles.join('-').toLowerCase()}-${org ?? 'none'}`, name: name ?? sub, org, roles },
        {
          secret: TEST_SECRET,
          issuer: config.auth.issuer,
          audience: config.auth.audience,
          rolesClaim: config.auth.rolesClaim,
        },
      ),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** The first error's code, or undefined when the call succeeded. */
export function errorCode(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions.code;
}

/**
 * A world (the application and what the specs of one journey share) for the describe this is
 * called in: started before its tests, closed after them. The object returned is empty until the
 * tests run; a describe's own beforeAll hooks, registered after this call, see it filled in.
 */
export function useWorld<W extends object>(start: () => Promise<W>, close: (world: W) => Promise<void>): W {
  const world = {} as W;
  let started = false;
  beforeAll(async () => {
    Object.assign(world, await start());
    started = true;
  });
  afterAll(async () => {
    if (started) {
      await close(world);
    }
  });
  return world;
}
