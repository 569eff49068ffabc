import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reifegrad with its model: since July 2025 the OZG maturity model 2.0 (levels 0 to 7) replaces
 * model 1.1 (0 to 4), and ratings made under 1.1 stay valid as such. A level without its model is
 * ambiguous, so the model is stored beside it; every rating that exists was made on the 0-4 scale
 * and is carried over as V1_1.
 */
export class MaturityModel1764331200000 implements MigrationInterface {
  name = 'MaturityModel1764331200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE online_service ADD COLUMN maturity_model text`);
    await q.query(`UPDATE online_service SET maturity_model = 'V1_1' WHERE maturity_level IS NOT NULL`);
    await q.query(`ALTER TABLE online_service DROP CONSTRAINT online_service_maturity_level_check`);
    await q.query(
      // CASE, not ORs: a NULL in an OR would let a level without a model through.
      `ALTER TABLE online_service ADD CONSTRAINT online_service_maturity_check CHECK (CASE
        WHEN maturity_level IS NULL THEN maturity_model IS NULL
        WHEN maturity_model = 'V1_1' THEN maturity_level BETWEEN 0 AND 4
        WHEN maturity_model = 'V2_0' THEN maturity_level BETWEEN 0 AND 7
        ELSE false END)`,
    );
  }

  /** Back to levels without a model: a 2.0 rating has no 1.1 equivalent and is dropped. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE online_service DROP CONSTRAINT online_service_maturity_check`);
    await q.query(`UPDATE online_service SET maturity_level = NULL WHERE maturity_model = 'V2_0'`);
    await q.query(`ALTER TABLE online_service DROP COLUMN maturity_model`);
    await q.query(
      `ALTER TABLE online_service ADD CONSTRAINT online_service_maturity_level_check CHECK (maturity_level BETWEEN 0 AND 4)`,
    );
  }
}
