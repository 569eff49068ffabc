/**
 * What a person typed into the catalogue's search field, read as web search syntax (the syntax of
 * PostgreSQL's websearch_to_tsquery): words, "quoted phrases", `or` (or German `oder`) between two
 * terms, and `-` before a term to exclude it. Pure: no SQL, no database.
 *
 * Unlike websearch_to_tsquery, the words do not all have to match: each group (a word, a phrase,
 * or terms joined by `or`) counts, and services matching more groups rank first
 * (docs/search.md).
 */

/** A word as the search expands it: lower case letters and digits only. */
export interface WordTerm {
  word: string;
  /** The last word typed, which may be incomplete ("Führersch"): prefixes of it count. */
  prefix: boolean;
}

export interface PhraseTerm {
  phrase: string;
}

export type Term = WordTerm | PhraseTerm;

export interface SearchQuery {
  /** Each group matches when one of its terms does. */
  groups: Term[][];
  /** A service matching one of these is left out. */
  exclusions: Term[];
}

/** A search longer than this is refused (BAD_USER_INPUT): nobody types it, a script might. */
export const MAX_SEARCH_LENGTH = 500;

/** At most this many groups are read; the rest of a pasted paragraph is ignored. */
export const MAX_SEARCH_GROUPS = 12;

const WORD = /[\p{L}\p{N}]+/gu;
/** `or` as in web search syntax, and its German word: both are stopwords, never searched for. */
const OR_WORDS = new Set(['or', 'oder']);
const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;

export const isPhrase = (term: Term): term is PhraseTerm => 'phrase' in term;

/** The words of a piece of text: "Kita-Platz" is kita and platz. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((word) => word.length <= 60);
}

export function parseSearch(input: string): SearchQuery {
  const groups: Term[][] = [];
  const exclusions: Term[] = [];
  let joinNext = false;
  let endsWithBareWord = false;
  // NFC: umlauts pasted as a letter and a combining mark are one letter, as in the catalogue.
  for (const match of input.normalize('NFC').matchAll(TOKEN)) {
    const [, quotedMinus, quoted, bare] = match;
    if (bare !== undefined && OR_WORDS.has(bare.toLowerCase())) {
      joinNext = groups.length > 0;
      endsWithBareWord = false;
      continue;
    }
    const negated = quoted !== undefined ? quotedMinus === '-' : bare.startsWith('-');
    const text = quoted ?? bare.replace(/^-+/, '');
    const words = wordsOf(text);
    endsWithBareWord = bare !== undefined && !negated && words.length > 0;
    if (words.length === 0) {
      continue;
    }
    // A quoted phrase, and a hyphenated word after a minus (-Kita-Platz), stay together.
    const terms: Term[] =
      words.length > 1 && (quoted !== undefined || negated)
        ? [{ phrase: words.join(' ') }]
        : words.map((word) => ({ word, prefix: false }));
    if (negated) {
      exclusions.push(...terms);
      joinNext = false;
      continue;
    }
    if (joinNext) {
      // `a or b`: the first term after `or` joins the last group; further words stand alone.
      groups[groups.length - 1].push(terms[0]);
      groups.push(...terms.slice(1).map((term) => [term]));
    } else {
      groups.push(...terms.map((term) => [term]));
    }
    joinNext = false;
  }
  const limited = groups.slice(0, MAX_SEARCH_GROUPS);
  // Only the very last thing typed can be incomplete, and only when it is a bare word.
  const lastGroup = limited.at(-1);
  const last = lastGroup?.at(-1);
  if (last && !isPhrase(last) && endsWithBareWord && !/\s$/.test(input) && lastGroup === groups.at(-1)) {
    lastGroup![lastGroup!.length - 1] = { word: last.word, prefix: true };
  }
  return { groups: limited, exclusions: exclusions.slice(0, MAX_SEARCH_GROUPS) };
}
