import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SortKey } from '#src/common/graphql/pagination';
import type { ExpandedSearch } from './search-expansion';
import { searchSql } from './search.sql';

/**
 * The catalogue's ranking of an expanded search (docs/search.md), as conditions and sort keys
 * for a query over online_service aliased `alias`:
 *
 *  1. a service matches when it matches any group (a query word, a phrase, terms joined by `or`)
 *     and no exclusion;
 *  2. services matching more groups rank first ("Führerschein beantragen": both words before
 *     one);
 *  3. then by relevance: ts_rank of the exact words plus half the ts_rank of everything they
 *     expand to (an exact match counts more than a correction), where ts_rank weighs name (A)
 *     above keywords (B) above summary (C) above description (D) and the endings of compounds; with
 *     several groups, each is weighed by how rare it is in the catalogue, 1 / ln(2 + services
 *     matching it), so that "beantragen" (in every other name) counts less than "Führerschein";
 *  4. then by id, so that the order is total and keyset cursors hold.
 *
 * The keys are numbers computed by the database (float8: they survive the cursor exactly) and
 * the id; which keys there are depends only on the text typed, never on the catalogue's
 * vocabulary, so a cursor stays valid while the catalogue changes.
 */
export function rankSearch<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  search: ExpandedSearch,
  alias: string,
): SortKey<T>[] {
  const vector = `${alias}.search`;
  const { groups, exclusion } = search;
  if (exclusion) {
    query.andWhere(`NOT (${vector} @@ :search_exclusion::tsquery)`, { search_exclusion: exclusion });
  }
  const id: SortKey<T> = {
    expression: `${alias}.id`,
    direction: 'ASC',
    type: 'uuid',
    value: (row) => row.id as string,
  };
  if (groups.length === 0) {
    // Only exclusions (or nothing that has a lexeme, like "die"): no ranking to speak of.
    if (!exclusion) {
      query.andWhere('false');
    }
    return [
      { expression: `${alias}.name`, direction: 'ASC', type: 'text', value: (row) => row.name as string },
      id,
    ];
  }
  const parameters: Record<string, string> = {};
  groups.forEach((group, i) => {
    parameters[`search_loose_${i}`] = group.loose;
    if (group.strict) {
      parameters[`search_strict_${i}`] = group.strict;
    }
  });
  const matches = (i: number) => `${vector} @@ :search_loose_${i}::tsquery`;
  // Any group: one tsquery, so one GIN index condition, written as (any) & (any) on purpose.
  // PostgreSQL costs `@@` like a comparison of two numbers, while on a row it searches the whole
  // tsvector; for a common word ("Antrag" in a quarter of the catalogue) it then prefers reading
  // every row to the index, two to three times slower. `q & q` matches exactly what `q` matches
  // and squares its estimated share of rows, which keeps the index in use (bench/catalogue.ts
  // measures it; docs/search.md).
  const any = groups.length === 1 ? groups[0].loose : groups.map((g) => `( ${g.loose} )`).join(' | ');
  parameters.search_any = `( ${any} ) & ( ${any} )`;
  query.andWhere(`${vector} @@ :search_any::tsquery`, parameters);

  const relevance = groups.map((group, i) => {
    const loose = `ts_rank(${vector}, :search_loose_${i}::tsquery)`;
    // The loose query holds the strict one: when they are equal, one ts_rank does for both.
    const rank = !group.strict
      ? `0.5 * ${loose}`
      : group.strict === group.loose
        ? `1.5 * ${loose}`
        : `ts_rank(${vector}, :search_strict_${i}::tsquery) + 0.5 * ${loose}`;
    if (groups.length === 1) {
      return rank;
    }
    // An uncorrelated sub-select: PostgreSQL runs it once per statement (an InitPlan).
    // The loose query twice (q && q), for the reason given above: the index, not a full scan.
    const twice = `(:search_loose_${i}::tsquery && :search_loose_${i}::tsquery)`;
    const rarity = `(1 / ln(2 + ${searchSql.servicesMatching(twice)}))`;
    return `${rarity} * (${rank})`;
  });
  const score = `(${relevance.join(' + ')})::float8`;
  query.addSelect(score, 'search_score');
  const keys: SortKey<T>[] = [];
  if (search.typedGroups > 1) {
    const matched = `(${groups.map((_, i) => `(${matches(i)})::int`).join(' + ')})`;
    query.addSelect(matched, 'search_matched');
    keys.push({
      expression: matched,
      direction: 'DESC',
      type: 'number',
      value: (_row, raw) => raw.search_matched as number,
    });
  }
  keys.push(
    {
      expression: score,
      direction: 'DESC',
      type: 'number',
      value: (_row, raw) => raw.search_score as number,
    },
    id,
  );
  return keys;
}
