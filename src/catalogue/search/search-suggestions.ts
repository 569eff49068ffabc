import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '#src/common/errors/domain-error';
import { wordsOf } from './search-query';
import { SUGGESTIONS_SQL } from './search.sql';

export interface SuggestionRow {
  slug: string;
  name: string;
  matchedKeyword: string | null;
}

export const MIN_SUGGESTION_PREFIX = 2;
export const MAX_SUGGESTION_PREFIX = 100;
export const MAX_SUGGESTIONS = 20;

@Injectable()
export class SearchSuggestions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `prefix` as typed; a trailing space means its last word is complete. */
  suggest(prefix: string, first: number | null): Promise<SuggestionRow[]> {
    const words = wordsOf(prefix).join(' ');
    if (words.length < MIN_SUGGESTION_PREFIX || prefix.length > MAX_SUGGESTION_PREFIX) {
      throw DomainError.badInput('prefix', 'SUGGESTION_PREFIX_LENGTH', {
        min: MIN_SUGGESTION_PREFIX,
        max: MAX_SUGGESTION_PREFIX,
      });
    }
    if (first === null || !Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) {
      throw DomainError.badInput('first', 'SUGGESTION_COUNT_OUT_OF_RANGE', {
        max: MAX_SUGGESTIONS,
        got: first,
      });
    }
    // Letters, digits and single spaces only: nothing in it means anything to LIKE.
    const typed = /\s$/.test(prefix) ? `${words} ` : words;
    return this.db.query<SuggestionRow[]>(SUGGESTIONS_SQL, [typed, first]);
  }
}
