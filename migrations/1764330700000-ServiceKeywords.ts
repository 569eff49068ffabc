import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search terms as data (issue 15): a service carries keywords, i.e. the synonyms, colloquial names
 * and keywords people search for ("Angelschein" for the Fischereischein, as FIM's "Begriffe im
 * Kontext" list them). The search vector is rebuilt so that they rank below the name and above the
 * summary: name (A), keywords (B), summary (C), description (D).
 *
 * The document is built by an IMMUTABLE function because a generated column may only call
 * immutable functions, and array_to_string is not declared so.
 */
export class ServiceKeywords1764330700000 implements MigrationInterface {
  name = 'ServiceKeywords1764330700000';

  async up(q: QueryRunner): Promise<void> {
    // Existing services start without keywords; like leika_keys, the column has no default after.
    await q.query(`ALTER TABLE online_service ADD COLUMN keywords text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE online_service ALTER COLUMN keywords DROP DEFAULT`);
    await q.query(`
      CREATE FUNCTION online_service_search_document(name text, keywords text[], summary text, description text)
      RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('german', name), 'A') ||
               setweight(to_tsvector('german', array_to_string(keywords, ' ')), 'B') ||
               setweight(to_tsvector('german', summary), 'C') ||
               setweight(to_tsvector('german', coalesce(description, '')), 'D')
      $$`);
    await q.query(`ALTER TABLE online_service DROP COLUMN search`);
    await q.query(`
      ALTER TABLE online_service ADD COLUMN search tsvector GENERATED ALWAYS AS (
        online_service_search_document(name, keywords, summary, description)
      ) STORED`);
    await q.query(`CREATE INDEX online_service_search_idx ON online_service USING gin (search)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE online_service DROP COLUMN search`);
    await q.query(`DROP FUNCTION online_service_search_document(text, text[], text, text)`);
    await q.query(`ALTER TABLE online_service DROP COLUMN keywords`);
    await q.query(`
      ALTER TABLE online_service ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('german', name), 'A') ||
        setweight(to_tsvector('german', summary), 'B') ||
        setweight(to_tsvector('german', coalesce(description, '')), 'C')
      ) STORED`);
    await q.query(`CREATE INDEX online_service_search_idx ON online_service USING gin (search)`);
  }
}
