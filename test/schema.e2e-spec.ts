import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { renderSchema } from '#src/common/graphql/schema-file';
import { createDataSource } from '#src/data-source';
import { createTestDatabase, startTestApp, type TestApp } from './support/test-app';

describe('generated artefacts stay in step with the code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('schema.gql is the schema the code generates (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8');
    expect(committed).toBe(renderSchema(t.app.get(GraphQLSchemaHost).schema));
  });

  it('the migrations create exactly what the entities describe (no drift)', async () => {
    const database = await createTestDatabase();
    const db = createDataSource(database.url);
    await db.initialize();
    try {
      // TypeORM keeps generated-column expressions in its own table; ours live in the migrations only.
      await db.query(
        'CREATE TABLE typeorm_metadata (type varchar NOT NULL, database varchar, schema varchar, "table" varchar, name varchar, value text)',
      );
      const pending = await db.driver.createSchemaBuilder().log();
      // The search vector (a generated tsvector) is SQL-only on purpose: see CreateCatalogue.
      const drift = pending.upQueries
        .map((q) => q.query)
        .filter((query) => !/"search"|online_service_search_idx|typeorm_metadata/.test(query));
      expect(drift).toEqual([]);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url });

  it('is live and ready without a token', async () => {
    expect((await get('/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await get('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok' });
  });

  it('is not ready while migrations are pending', async () => {
    await t.db.query(`UPDATE schema_migration SET name = name || '-moved'`);
    const ready = await get('/health/ready');
    await t.db.query(`UPDATE schema_migration SET name = replace(name, '-moved', '')`);
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', reason: 'migrations pending' });
  });

  it('answers an unknown route with NOT_FOUND and an echo of the request id', async () => {
    const response = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'req-42' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(response.headers['x-request-id']).toBe('req-42');
  });

  it('hides unexpected failures behind a generic message with the request id', async () => {
    await t.db.query('ALTER TABLE interface_standard RENAME TO interface_standard_gone');
    const response = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-4711' },
        payload: { query: '{ interfaceStandards { key } }' },
      });
    await t.db.query('ALTER TABLE interface_standard_gone RENAME TO interface_standard');
    const [error] = response.json().errors;
    expect(error).toEqual({
      message: 'Internal server error (request req-4711)',
      path: ['interfaceStandards'],
      locations: expect.any(Array),
      extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL_ERROR' },
    });
    expect(JSON.stringify(response.json())).not.toMatch(/relation|interface_standard|SELECT/);
  });
});
