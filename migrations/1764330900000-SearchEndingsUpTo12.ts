import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The endings of compound names and keywords in the search vector (SearchVocabulary) are capped
 * at 12 letters. The head of a German compound is a word of its own, and as a lexeme it is short
 * (antrag, bescheinig, genehm, fuhrerschein); the longer endings ("ldbescheinigungantrag") only
 * made the vector larger: on the benchmark's 10,000 services of long compound names, 572 bytes a
 * service instead of 475, and a table a sixth larger for every search to read (docs/search.md).
 *
 * Also: the trigger no longer compares slugs. It fires on changes of name, keywords, summary and
 * description only, and a slug never changes.
 */
export class SearchEndingsUpTo121764330900000 implements MigrationInterface {
  name = 'SearchEndingsUpTo121764330900000';

  async up(q: QueryRunner): Promise<void> {
    await this.rebuild(q, 'least(length(l.lexeme) - 2, 12)');
    await q.query(`
      CREATE OR REPLACE FUNCTION online_service_index_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_word (word, folded, lexeme)
        SELECT w.word, search_fold(w.word), w.lexeme
          FROM search_words_of(concat_ws(' ', NEW.name, array_to_string(NEW.keywords, ' '), NEW.summary, NEW.description)) w
         ORDER BY w.word
            ON CONFLICT (word) DO NOTHING;
        IF TG_OP = 'INSERT' OR NEW.name IS DISTINCT FROM OLD.name OR NEW.keywords IS DISTINCT FROM OLD.keywords THEN
          DELETE FROM search_suggestion WHERE service_id = NEW.id;
          INSERT INTO search_suggestion (service_id, slug, name, label, source, word_offset, folded)
          SELECT NEW.id, NEW.slug, NEW.name, x.label, x.source, x.word_offset, x.folded
            FROM search_suggestions_of(NEW.name, NEW.keywords) x;
        END IF;
        RETURN NULL;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.rebuild(q, 'length(l.lexeme) - 2');
    // The trigger's former slug comparison never mattered (see above); it is not restored.
  }

  /** The search column depends on search_endings_of: dropped, the function replaced, rebuilt. */
  private async rebuild(q: QueryRunner, longest: string): Promise<void> {
    await q.query(`ALTER TABLE online_service DROP COLUMN search`);
    await q.query(`
      CREATE OR REPLACE FUNCTION search_endings_of(name text, keywords text[]) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_to_tsvector(array_agg(DISTINCT right(l.lexeme, n))), ''::tsvector)
          FROM unnest(tsvector_to_array(to_tsvector('german', concat_ws(' ', name, array_to_string(keywords, ' ')))))
               AS l(lexeme)
         CROSS JOIN generate_series(4, ${longest}) AS n
         WHERE l.lexeme !~ '[[:digit:][:punct:][:space:]]'
      $$`);
    await q.query(`
      ALTER TABLE online_service ADD COLUMN search tsvector GENERATED ALWAYS AS (
        online_service_search_document(name, keywords, summary, description)
      ) STORED`);
    await q.query(`CREATE INDEX online_service_search_idx ON online_service USING gin (search)`);
  }
}
