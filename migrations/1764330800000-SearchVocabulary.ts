import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue's search vocabulary (issue 15, docs/search.md): every word that occurs in a
 * service's name, keywords, summary or description, with its folded form (lower case, ä → ae,
 * ö → oe, ü → ue, ß → ss) and its German lexeme (what to_tsvector('german') indexes it as).
 *
 * The search expands a query word against it: "Fuehrerschein" to the lexeme of "Führerschein"
 * (same folded form), "Baugenehmigumg" to "baugenehmigung" (trigram similarity, then Levenshtein
 * distance), "Führersch" to every word it begins (prefix of the folded form) and
 * "Gewerbeanmeldung" to Gewerbe & Anmeldung (both pieces known words). The search vector itself
 * gains the endings of the compounds in names and keywords, so that "Antrag" finds "Bauantrag"
 * and "beantragen" (search_endings_of).
 *
 * A trigger keeps it: every insert and every change of the four columns adds the service's new
 * words. It only grows (a word a renamed service no longer uses stays and expands to a lexeme that
 * matches nothing), which keeps the trigger to one insert that never waits on other services'
 * rows; concurrent registrations with shared words meet in ON CONFLICT DO NOTHING.
 *
 * Suggestions while typing (serviceSuggestions) read a second table, search_suggestion: each
 * service's name and keywords, once from each word on ("Führerschein umtauschen" and
 * "umtauschen"), folded, so that a prefix is one range scan of a B-tree index however large the
 * catalogue. The same trigger replaces a service's rows when its name or keywords change.
 *
 * pg_trgm and fuzzystrmatch ship with PostgreSQL (contrib) and are trusted extensions: the
 * database owner may create them.
 */
export class SearchVocabulary1764330800000 implements MigrationInterface {
  name = 'SearchVocabulary1764330800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`);
    await q.query(`
      CREATE FUNCTION search_fold(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT replace(replace(replace(replace(lower(word), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')
      $$`);
    await q.query(`
      CREATE TABLE search_word (
        word text PRIMARY KEY,
        folded text NOT NULL,
        lexeme text NOT NULL
      )`);
    await q.query(`CREATE INDEX search_word_folded_idx ON search_word (folded text_pattern_ops)`);
    await q.query(`CREATE INDEX search_word_folded_trgm_idx ON search_word USING gin (folded gin_trgm_ops)`);
    await q.query(`CREATE INDEX search_word_lexeme_idx ON search_word (lexeme text_pattern_ops)`);
    await q.query(`CREATE INDEX search_word_lexeme_trgm_idx ON search_word USING gin (lexeme gin_trgm_ops)`);
    // The words of a text as the German configuration indexes them: lower case, hyphenated words
    // by their parts (Kita-Platz: kita, platz), without numbers and stopwords (no lexeme).
    // to_tsvector('simple') splits the text as to_tsvector('german') does; ts_lexize with the
    // German stemmer gives the lexeme that the german configuration stores for each word.
    await q.query(`
      CREATE FUNCTION search_words_of(document text) RETURNS TABLE (word text, lexeme text)
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT t.word, l.lexeme
          FROM unnest(tsvector_to_array(to_tsvector('simple', coalesce(document, '')))) AS t(word)
         CROSS JOIN LATERAL (SELECT (ts_lexize('german_stem', t.word))[1] AS lexeme) l
         WHERE t.word !~ '[[:digit:][:punct:][:space:]]' AND length(t.word) BETWEEN 2 AND 60 AND l.lexeme IS NOT NULL
      $$`);
    // The heads of the compounds in names and keywords: every ending of their lexemes of at least
    // 4 letters that leaves at least 2 in front ("wohngeldantrag": trag, ntrag, antrag, ...,
    // geldantrag, ...), so that "Antrag" finds "Wohngeldantrag" and "beantragen", and "Steuer"
    // finds "Hundesteuer". A German compound names a kind of its last part (a Hundesteuer is a
    // Steuer), so its endings are what it is searched by. Without positions: ts_rank counts them
    // like the description, below the words themselves. Computed from the row alone, they are
    // never out of date; docs/search.md says why endings and not a dictionary.
    await q.query(`
      CREATE FUNCTION search_endings_of(name text, keywords text[]) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_to_tsvector(array_agg(DISTINCT right(l.lexeme, n))), ''::tsvector)
          FROM unnest(tsvector_to_array(to_tsvector('german', concat_ws(' ', name, array_to_string(keywords, ' ')))))
               AS l(lexeme)
         CROSS JOIN generate_series(4, length(l.lexeme) - 2) AS n
         WHERE l.lexeme !~ '[[:digit:][:punct:][:space:]]'
      $$`);
    await q.query(`ALTER TABLE online_service DROP COLUMN search`);
    await q.query(`
      CREATE OR REPLACE FUNCTION online_service_search_document(name text, keywords text[], summary text, description text)
      RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('german', name), 'A') ||
               setweight(to_tsvector('german', array_to_string(keywords, ' ')), 'B') ||
               setweight(to_tsvector('german', summary), 'C') ||
               setweight(to_tsvector('german', coalesce(description, '')), 'D') ||
               search_endings_of(name, keywords)
      $$`);
    await q.query(`
      ALTER TABLE online_service ADD COLUMN search tsvector GENERATED ALWAYS AS (
        online_service_search_document(name, keywords, summary, description)
      ) STORED`);
    await q.query(`CREATE INDEX online_service_search_idx ON online_service USING gin (search)`);
    await q.query(`
      CREATE TABLE search_suggestion (
        service_id uuid NOT NULL REFERENCES online_service (id) ON DELETE CASCADE,
        slug text NOT NULL,
        name text NOT NULL,
        label text NOT NULL,
        source text NOT NULL CHECK (source IN ('name', 'keyword')),
        word_offset int NOT NULL,
        folded text NOT NULL
      )`);
    // The service's slug and name ride along (the trigger rewrites the rows when the name changes;
    // a slug never does), and the index covers what a suggestion shows: a keystroke reads the
    // index alone, in order, and stops after MAX_ENTRIES (search-suggestions.ts).
    await q.query(`
      CREATE INDEX search_suggestion_folded_idx ON search_suggestion (folded text_pattern_ops)
      INCLUDE (service_id, slug, name, label, source, word_offset)`);
    await q.query(`CREATE INDEX search_suggestion_service_idx ON search_suggestion (service_id)`);
    // A label from each of its words on: "Führerschein umtauschen" is found by "führ" and "umt".
    await q.query(`
      CREATE FUNCTION search_suggestions_of(name text, keywords text[])
      RETURNS TABLE (label text, source text, word_offset int, folded text)
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT l.label, l.source, w.i::int - 1, array_to_string(l.words[w.i:], ' ')
          FROM (SELECT name AS label, 'name' AS source
                 UNION ALL SELECT k, 'keyword' FROM unnest(keywords) k) AS l0
         CROSS JOIN LATERAL (
           SELECT l0.label, l0.source,
                  array_remove(regexp_split_to_array(search_fold(l0.label), '[^[:alnum:]]+'), '') AS words) AS l
         CROSS JOIN LATERAL generate_series(1, cardinality(l.words)) AS w(i)
      $$`);
    await q.query(`
      CREATE FUNCTION online_service_index_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_word (word, folded, lexeme)
        SELECT w.word, search_fold(w.word), w.lexeme
          FROM search_words_of(concat_ws(' ', NEW.name, array_to_string(NEW.keywords, ' '), NEW.summary, NEW.description)) w
         ORDER BY w.word
            ON CONFLICT (word) DO NOTHING;
        IF TG_OP = 'INSERT' OR NEW.name IS DISTINCT FROM OLD.name OR NEW.keywords IS DISTINCT FROM OLD.keywords
           OR NEW.slug IS DISTINCT FROM OLD.slug THEN
          DELETE FROM search_suggestion WHERE service_id = NEW.id;
          INSERT INTO search_suggestion (service_id, slug, name, label, source, word_offset, folded)
          SELECT NEW.id, NEW.slug, NEW.name, x.label, x.source, x.word_offset, x.folded
            FROM search_suggestions_of(NEW.name, NEW.keywords) x;
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER online_service_index_search
      AFTER INSERT OR UPDATE OF name, keywords, summary, description ON online_service
      FOR EACH ROW EXECUTE FUNCTION online_service_index_search()`);
    await q.query(`
      INSERT INTO search_word (word, folded, lexeme)
      SELECT w.word, search_fold(w.word), w.lexeme
        FROM online_service s
       CROSS JOIN LATERAL search_words_of(concat_ws(' ', s.name, array_to_string(s.keywords, ' '), s.summary, s.description)) w
          ON CONFLICT (word) DO NOTHING`);
    await q.query(`
      INSERT INTO search_suggestion (service_id, slug, name, label, source, word_offset, folded)
      SELECT s.id, s.slug, s.name, x.label, x.source, x.word_offset, x.folded
        FROM online_service s CROSS JOIN LATERAL search_suggestions_of(s.name, s.keywords) x`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER online_service_index_search ON online_service`);
    await q.query(`DROP FUNCTION online_service_index_search()`);
    await q.query(`DROP FUNCTION search_suggestions_of(text, text[])`);
    await q.query(`DROP TABLE search_suggestion`);
    await q.query(`DROP FUNCTION search_words_of(text)`);
    await q.query(`DROP TABLE search_word`);
    await q.query(`ALTER TABLE online_service DROP COLUMN search`);
    await q.query(`
      CREATE OR REPLACE FUNCTION online_service_search_document(name text, keywords text[], summary text, description text)
      RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('german', name), 'A') ||
               setweight(to_tsvector('german', array_to_string(keywords, ' ')), 'B') ||
               setweight(to_tsvector('german', summary), 'C') ||
               setweight(to_tsvector('german', coalesce(description, '')), 'D')
      $$`);
    await q.query(`
      ALTER TABLE online_service ADD COLUMN search tsvector GENERATED ALWAYS AS (
        online_service_search_document(name, keywords, summary, description)
      ) STORED`);
    await q.query(`CREATE INDEX online_service_search_idx ON online_service USING gin (search)`);
    await q.query(`DROP FUNCTION search_endings_of(text, text[])`);
    await q.query(`DROP FUNCTION search_fold(text)`);
    // The extensions stay: other objects of the database may have come to use them.
  }
}
