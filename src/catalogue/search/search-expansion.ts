import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { isPhrase, type SearchQuery, type Term } from './search-query';
import { EXPANSION_SQL } from './search.sql';

/**
 * Turns a parsed search into tsqueries, with one statement against the catalogue's vocabulary
 * (table search_word, kept by a trigger: migrations/1764330800000-SearchVocabulary.ts). Each
 * query word becomes:
 *
 *  - strict: its own German lexeme, and the lexemes of catalogue words with the same folded form
 *    (Fuehrerschein = Führerschein, Bafoeg = BAföG, Strasse = Straße);
 *  - loose: strict, plus
 *    - typos: for a word the vocabulary does not know, the closest known words by trigram
 *      similarity within a Levenshtein distance of 1 (2 from 8 letters): Baugenehmigumg;
 *    - the prefix, for the last word typed: Führersch finds Führerschein;
 *    - its split into two pieces, both required: Gewerbeanmeldung = Gewerbe & Anmeldung,
 *      Einbürgerungsantrag = Einbürgerung(s) & Antrag. One cut per word: both pieces words of the
 *      catalogue where possible.
 *
 * The other direction, "Antrag" finding "Bauantrag" and "beantragen", needs no expansion: the
 * search vector holds the endings of the compounds in names and keywords (search_endings_of).
 *
 * docs/search.md explains the choices and their limits.
 */

/** The tsqueries (as text, for a `::tsquery` parameter) of one group of the search. */
export interface ExpandedGroup {
  /** The group's exact forms (null: none, e.g. only a typo's correction). */
  strict: string | null;
  /** Everything the group matches: exact forms, corrections, completions and splits. */
  loose: string;
}

export interface ExpandedSearch {
  /** The groups that expand to something (a stopword does not). */
  groups: ExpandedGroup[];
  /** How many groups were typed: the ranking's sort keys depend on it alone, so cursors hold. */
  typedGroups: number;
  /** Services matching this are left out (the `-` terms), or null. */
  exclusion: string | null;
}

/** A row of the expansion statement: one lexeme a word expands to, and why. */
export interface ExpansionRow {
  term: string;
  kind: 'stem' | 'typo' | 'prefix' | 'piece' | 'phrase';
  /** For pieces: where the word was cut, and which side. */
  cut: number | null;
  side: 'left' | 'right' | null;
  /** A lexeme, or for a phrase its whole tsquery. */
  lexeme: string;
}

/** A lexeme as a tsquery operand (or a prefix), quoted so that no input becomes tsquery syntax. */
export function operand(lexeme: string, prefix = false): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

const any = (operands: Iterable<string>): string | null => {
  const list = [...new Set(operands)];
  return list.length === 0 ? null : list.length === 1 ? list[0] : `( ${list.join(' | ')} )`;
};

function expandWord(rows: ExpansionRow[]): { strict: string | null; loose: string | null } {
  const lexemes = (kind: ExpansionRow['kind']) =>
    rows.filter((r) => r.kind === kind).map((r) => operand(r.lexeme));
  const cuts = [...new Set(rows.filter((r) => r.kind === 'piece').map((r) => r.cut!))];
  const splits = cuts.map((cut) => {
    // The left piece begins a word of the catalogue ("gaststatt" in "Gaststättengewerbe"); the
    // right one is a word or an ending, which the search vector holds (search_endings_of).
    const side = (name: 'left' | 'right') =>
      any(
        rows.filter((r) => r.cut === cut && r.side === name).map((r) => operand(r.lexeme, name === 'left')),
      )!;
    return `( ${side('left')} & ${side('right')} )`;
  });
  return {
    strict: any(lexemes('stem')),
    loose: any([...lexemes('stem'), ...lexemes('typo'), ...lexemes('prefix'), ...splits]),
  };
}

/** Builds the tsqueries from the expansion statement's rows: pure, so the rules are testable alone. */
export function assemble(query: SearchQuery, rows: ExpansionRow[]): ExpandedSearch {
  const byTerm = new Map<string, ExpansionRow[]>();
  for (const row of rows) {
    const key = `${row.kind === 'phrase' ? 'p' : 'w'}:${row.term}`;
    byTerm.set(key, [...(byTerm.get(key) ?? []), row]);
  }
  const expand = (term: Term) => {
    if (isPhrase(term)) {
      const tsquery = byTerm.get(`p:${term.phrase}`)?.[0]?.lexeme || null;
      return { strict: tsquery, loose: tsquery };
    }
    return expandWord((byTerm.get(`w:${term.word}`) ?? []).filter((r) => r.kind !== 'prefix' || term.prefix));
  };
  const groups: ExpandedGroup[] = [];
  for (const group of query.groups) {
    const terms = group.map(expand);
    const loose = any(terms.flatMap((t) => (t.loose ? [t.loose] : [])));
    if (loose) {
      groups.push({ strict: any(terms.flatMap((t) => (t.strict ? [t.strict] : []))), loose });
    }
  }
  const exclusion = any(query.exclusions.flatMap((term) => expand(term).strict ?? []));
  return { groups, typedGroups: query.groups.length, exclusion };
}

/** The words and phrases of a search, each once, as the expansion statement takes them. */
export function expansionInput(query: SearchQuery): [string[], boolean[], string[]] {
  const words = new Map<string, boolean>();
  const phrases = new Set<string>();
  for (const term of [...query.groups.flat(), ...query.exclusions]) {
    if (isPhrase(term)) {
      phrases.add(term.phrase);
    } else {
      words.set(term.word, (words.get(term.word) ?? false) || term.prefix);
    }
  }
  return [[...words.keys()], [...words.values()], [...phrases]];
}

/**
 * Expansions are cached per process: people repeat searches, and the vocabulary changes only when
 * a service is registered or edited. This process forgets them after every such write commits
 * (ServicesService); another instance's writes show after at most `CACHE_TTL_MS`: until then a
 * new word is found as typed, not yet by its transliteration, a typo or a prefix.
 */
const CACHE_ENTRIES = 2000;
export const CACHE_TTL_MS = 60_000;

@Injectable()
export class SearchExpansion {
  private readonly cache = new LRUCache<string, ExpansionRow[]>({ max: CACHE_ENTRIES, ttl: CACHE_TTL_MS });

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One statement, whatever the number of words; none when the same words were expanded lately. */
  async expand(query: SearchQuery): Promise<ExpandedSearch> {
    const input = expansionInput(query);
    const [words, , phrases] = input;
    if (words.length === 0 && phrases.length === 0) {
      return { groups: [], typedGroups: query.groups.length, exclusion: null };
    }
    const key = JSON.stringify(input);
    let rows = this.cache.get(key);
    if (!rows) {
      rows = await this.db.query<ExpansionRow[]>(EXPANSION_SQL, input);
      this.cache.set(key, rows);
    }
    return assemble(query, rows);
  }

  /** The vocabulary may have changed: a service was registered or its text edited. */
  forget(): void {
    this.cache.clear();
  }
}
