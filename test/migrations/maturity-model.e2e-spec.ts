import { MaturityModel1764331200000 } from '../../migrations/1764331200000-MaturityModel';
import { DATAPORT, registerOrganisation, registerService } from '../support/factories';
import { runMigration } from '../support/migrations';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The migration that stores the Reifegrad's model (issue 19): every rating that exists was made on
 * the 0-4 scale of model 1.1 and is carried over as V1_1; an unrated service stays unrated.
 */
describe('migration MaturityModel1764331200000', () => {
  let t: TestApp;
  const run = (step: 'up' | 'down') => runMigration(t, new MaturityModel1764331200000(), step);
  const ratings = () =>
    t.db.query<
      { slug: string; maturity_level: number | null; has_model: boolean; maturity_model: string | null }[]
    >(
      // to_jsonb reads the model where the column exists and leaves it out where it does not.
      `SELECT slug, maturity_level, to_jsonb(s) ? 'maturity_model' AS has_model, to_jsonb(s) ->> 'maturity_model' AS maturity_model
         FROM online_service s ORDER BY slug`,
    ) as Promise<
      { slug: string; maturity_level: number | null; has_model: boolean; maturity_model: string | null }[]
    >;

  beforeAll(async () => {
    t = await startTestApp();
    await registerOrganisation(t, { key: DATAPORT, kind: 'SERVICE_PROVIDER' });
    await registerService(t, { slug: 'a-rated', ownerKey: DATAPORT, maturityLevel: 3 });
    await registerService(t, {
      slug: 'b-rated-in-2-0',
      ownerKey: DATAPORT,
      maturityLevel: 6,
      maturityModel: 'V2_0',
    });
    await registerService(t, { slug: 'c-unrated', ownerKey: DATAPORT });
  });
  afterAll(() => t.close());

  it('carries existing ratings over as 1.1 and keeps unrated services unrated', async () => {
    await run('down'); // back to the schema before: levels without a model, 0 to 4
    expect(await ratings()).toEqual([
      { slug: 'a-rated', maturity_level: 3, has_model: false, maturity_model: null },
      // A 2.0 rating has no 1.1 equivalent.
      { slug: 'b-rated-in-2-0', maturity_level: null, has_model: false, maturity_model: null },
      { slug: 'c-unrated', maturity_level: null, has_model: false, maturity_model: null },
    ]);
    await t.db.query(`UPDATE online_service SET maturity_level = 4 WHERE slug = 'b-rated-in-2-0'`);

    await run('up');
    expect(await ratings()).toEqual([
      { slug: 'a-rated', maturity_level: 3, has_model: true, maturity_model: 'V1_1' },
      { slug: 'b-rated-in-2-0', maturity_level: 4, has_model: true, maturity_model: 'V1_1' },
      { slug: 'c-unrated', maturity_level: null, has_model: true, maturity_model: null },
    ]);
  });

  it('leaves a check that keeps every level within its model', async () => {
    const refused = (level: number | null, model: string | null) =>
      t.db
        .query(
          `UPDATE online_service SET maturity_level = $1, maturity_model = $2 WHERE slug = 'c-unrated'`,
          [level, model],
        )
        .then(
          () => null,
          (error: { constraint?: string }) => error.constraint,
        );
    expect(await refused(5, 'V1_1')).toBe('online_service_maturity_check');
    expect(await refused(8, 'V2_0')).toBe('online_service_maturity_check');
    expect(await refused(3, null)).toBe('online_service_maturity_check');
    expect(await refused(null, 'V2_0')).toBe('online_service_maturity_check');
    expect(await refused(3, 'V3_0')).toBe('online_service_maturity_check');
    expect(await refused(7, 'V2_0')).toBeNull();
    expect(await refused(null, null)).toBeNull();
  });
});
