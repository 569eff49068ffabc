/**
 * The search's SQL (docs/search.md): the expansion of a search's words against the vocabulary
 * (search_word), the suggestions (search_suggestion), and the fragment the ranking embeds. The
 * tables, their trigger and the search vector are in migrations/1764330800000-SearchVocabulary.ts.
 */

const MAX_PREFIXES = 30;
const MAX_TYPOS = 3;

export const EXPANSION_SQL = `
WITH q AS (
  SELECT x.*,
         EXISTS (SELECT 1 FROM search_word k WHERE k.folded = x.folded)
           OR EXISTS (SELECT 1 FROM search_word k WHERE k.lexeme = x.stem) AS known
    FROM (SELECT u.word, u.prefix, search_fold(u.word) AS folded,
                 (tsvector_to_array(to_tsvector('german', u.word)))[1] AS stem
            FROM unnest($1::text[], $2::boolean[]) AS u(word, prefix)) x
),
strict AS (
  SELECT q.word, q.stem AS lexeme FROM q WHERE q.stem IS NOT NULL
  UNION
  SELECT q.word, w.lexeme FROM q JOIN search_word w ON w.folded = q.folded
),
pieces AS (
  SELECT q.word, c.cut, p.side, length(p.piece) AS length, search_fold(p.piece) AS folded,
         (ts_lexize('german_stem', p.piece))[1] AS stem,
         search_fold(u.unlinked) AS unlinked_folded, (ts_lexize('german_stem', u.unlinked))[1] AS unlinked_stem
    FROM q
   CROSS JOIN generate_series(3, length(q.word) - 3) AS c(cut)
   CROSS JOIN LATERAL (VALUES ('left', substr(q.word, 1, c.cut)), ('right', substr(q.word, c.cut + 1))) AS p(side, piece)
   -- A left piece may end in a linking s or es (Einbürgerungs-antrag, Bundes-amt).
   CROSS JOIN LATERAL (SELECT CASE WHEN p.side = 'left' AND p.piece ~ 's$' THEN regexp_replace(p.piece, 'e?s$', '') END AS unlinked) u
   WHERE q.word !~ '[0-9]' AND q.stem IS NOT NULL
),
exact_pieces AS (
  -- A word of the catalogue: the same folded form, or the same lexeme.
  SELECT p.word, p.cut, p.side, l.lexeme
    FROM pieces p
   CROSS JOIN LATERAL (
     SELECT w.lexeme FROM search_word w WHERE w.folded = p.folded
     UNION SELECT w.lexeme FROM search_word w WHERE w.folded = p.unlinked_folded
     UNION SELECT p.stem WHERE EXISTS (SELECT 1 FROM search_word w WHERE w.lexeme = p.stem)
     UNION SELECT p.unlinked_stem WHERE EXISTS (SELECT 1 FROM search_word w WHERE w.lexeme = p.unlinked_stem)
   ) l
),
fuzzy_pieces AS (
  -- Beside a word of the catalogue: at least 4 letters that begin (left) or end (right) one of
  -- its lexemes. "antrag" ends "beantrag".
  SELECT p.word, p.cut, p.side, p.stem AS lexeme
    FROM pieces p
   WHERE length(p.stem) >= 4
     AND EXISTS (SELECT 1 FROM exact_pieces e WHERE (e.word, e.cut) = (p.word, p.cut) AND e.side <> p.side)
     AND NOT EXISTS (SELECT 1 FROM exact_pieces e WHERE (e.word, e.cut, e.side) = (p.word, p.cut, p.side))
     AND EXISTS (SELECT 1 FROM search_word w
                  WHERE w.lexeme LIKE CASE WHEN p.side = 'left' THEN p.stem || '%' ELSE '%' || p.stem END)
),
piece_lexemes AS (
  SELECT e.*, true AS exact FROM exact_pieces e UNION ALL SELECT f.*, false FROM fuzzy_pieces f
),
split AS (
  -- One cut per word: both pieces words of the catalogue if possible, then the most even.
  SELECT DISTINCT ON (c.word) c.word, c.cut
    FROM (SELECT pl.word, pl.cut, count(DISTINCT pl.side) AS sides,
                 count(DISTINCT pl.side) FILTER (WHERE pl.exact) AS exact_sides
            FROM piece_lexemes pl GROUP BY pl.word, pl.cut) c
   WHERE c.sides = 2
   ORDER BY c.word, c.exact_sides DESC, least(c.cut, length(c.word) - c.cut) DESC, c.cut
),
split_lexemes AS (
  SELECT DISTINCT pl.word, pl.cut, pl.side, pl.lexeme FROM piece_lexemes pl JOIN split USING (word, cut)
)
-- Exact forms: the word's own lexeme and those of words with its folded form (transliterations).
SELECT s.word AS term, 'stem' AS kind, NULL::int AS cut, NULL AS side, s.lexeme FROM strict s
UNION ALL
-- Corrections of a word the catalogue does not know (stopwords have no lexeme and are left alone).
SELECT q.word, 'typo', NULL, NULL, t.lexeme
  FROM q CROSS JOIN LATERAL (
    SELECT w.lexeme FROM search_word w
     WHERE NOT q.known AND q.stem IS NOT NULL AND length(q.folded) >= 4
       AND w.folded % q.folded
       AND levenshtein(w.folded, q.folded) <= CASE WHEN length(q.folded) >= 8 THEN 2 ELSE 1 END
     ORDER BY levenshtein(w.folded, q.folded), similarity(w.folded, q.folded) DESC, w.folded
     LIMIT ${MAX_TYPOS}) t
UNION ALL
-- Completions of the word typed last: the shortest words that begin with it, in a fixed order
-- (the same search expands the same way on every page and every instance).
SELECT q.word, 'prefix', NULL, NULL, p.lexeme
  FROM q CROSS JOIN LATERAL (
    SELECT w.lexeme FROM search_word w
     WHERE q.prefix AND q.stem IS NOT NULL AND length(q.folded) >= 3 AND w.folded LIKE q.folded || '%'
     GROUP BY w.lexeme
     ORDER BY min(length(w.folded)), w.lexeme
     LIMIT ${MAX_PREFIXES}) p
UNION ALL
-- The two pieces of the word's split, each in its forms.
SELECT sl.word, 'piece', sl.cut, sl.side, sl.lexeme FROM split_lexemes sl
UNION ALL
-- Phrases, as PostgreSQL reads them.
SELECT p.phrase, 'phrase', NULL, NULL, phraseto_tsquery('german', p.phrase)::text FROM unnest($3::text[]) AS p(phrase)`;

/**
 * At most this many index entries are read per keystroke, however common the prefix: the cost of
 * a suggestion stays flat as the catalogue grows (for a two-letter prefix in a large catalogue,
 * the alphabetically first entries win; docs/search.md).
 */
const MAX_ENTRIES = 200;

/**
 * Suggestions while typing: services whose name or a keyword begins, at one of its words, with
 * what was typed (folded: "fuehrersch" is "Führersch"). One statement: an ordered scan of the
 * covering index of search_suggestion (kept by a trigger; migrations/1764330800000-SearchVocabulary.ts),
 * without touching online_service. Prefixes at the start of a name rank first, then names before
 * keywords, then shorter names.
 */
export const SUGGESTIONS_SQL = `
WITH hits AS (
  SELECT x.service_id, x.slug, x.name, x.label, x.source, x.word_offset
    FROM search_suggestion x
   WHERE x.folded LIKE search_fold($1) || '%'
   ORDER BY x.folded USING ~<~
   LIMIT ${MAX_ENTRIES}
),
best AS (
  SELECT DISTINCT ON (h.service_id) h.*
    FROM hits h
   ORDER BY h.service_id, h.word_offset = 0 DESC, h.source = 'name' DESC, length(h.label), h.label
)
SELECT b.slug, b.name, CASE WHEN b.source = 'keyword' THEN b.label END AS "matchedKeyword"
  FROM best b
 ORDER BY b.word_offset = 0 DESC, b.source = 'name' DESC, length(b.name), b.name, b.slug
 LIMIT $2`;

export const searchSql = {
  /** Scalar sub-select: how many services the tsquery (an SQL expression) matches. */
  servicesMatching: (tsquery: string) =>
    `(SELECT count(*) FROM online_service df WHERE df.search @@ ${tsquery})`,
};
