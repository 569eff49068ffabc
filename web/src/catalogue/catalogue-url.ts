import type { Themenfeld } from '../graphql/generated/enums';
import type { ServiceFilter } from '../graphql/generated/graphql';
import { THEMENFELD } from '../ui/labels';
import { MATURITY_MODELS, parseMaturityFilter, type MaturityFilter } from './maturity';

/**
 * The catalogue's state lives in the query string, so that a search can be shared, reloaded and
 * gone back to: `suche`, `themenfeld`, `reifegrad` (with `reifegradmodell=2.0` for a 2.0 rating;
 * without it the level is one of model 1.1, as links from before model 2.0 meant; the model alone
 * for every rating in it), `eigentuemer`,
 * `rechtsgrundlage` for the filters, `nach` for the page (the API's cursor after which it starts) and `vorher` (repeated)
 * for the cursors of the pages before it. The cursors of the earlier pages travel in the URL
 * because the API pages by opaque keyset cursors only: a shared link to page 3 can still offer
 * "Vorherige Seite" without the browser's history.
 */
export interface CatalogueFilters {
  search: string;
  themenfeld: Themenfeld | null;
  maturity: MaturityFilter | null;
  ownerKey: string | null;
  legalNorm: string | null;
}

export interface CataloguePosition {
  /** The cursor the current page starts after; null on the first page. */
  after: string | null;
  /** The `after` cursors of the pages between the first and this one, oldest first. */
  before: string[];
}

export const PAGE_SIZE = 20;

const PARAM = {
  search: 'suche',
  themenfeld: 'themenfeld',
  maturityLevel: 'reifegrad',
  maturityModel: 'reifegradmodell',
  ownerKey: 'eigentuemer',
  legalNorm: 'rechtsgrundlage',
  after: 'nach',
  before: 'vorher',
} as const;

function isThemenfeld(value: string | null): value is Themenfeld {
  return value !== null && Object.hasOwn(THEMENFELD, value);
}

/** Filters from the query string; a value the API would refuse (a typo in a link) counts as "Alle". */
export function filtersFrom(params: URLSearchParams): CatalogueFilters {
  const themenfeld = params.get(PARAM.themenfeld);
  const name = params.get(PARAM.maturityModel);
  const level = params.get(PARAM.maturityLevel);
  const model = MATURITY_MODELS.find((candidate) => candidate.name === (name ?? '1.1'))?.model;
  // A level needs its model (1.1 when not named); a model alone stands for all its ratings.
  const maturity =
    model && (level !== null || name !== null) ? parseMaturityFilter(`${model}:${level ?? 'alle'}`) : null;
  return {
    search: (params.get(PARAM.search) ?? '').trim(),
    themenfeld: isThemenfeld(themenfeld) ? themenfeld : null,
    maturity,
    ownerKey: params.get(PARAM.ownerKey) || null,
    legalNorm: params.get(PARAM.legalNorm) || null,
  };
}

export function positionFrom(params: URLSearchParams): CataloguePosition {
  const after = params.get(PARAM.after) || null;
  return { after, before: after ? params.getAll(PARAM.before).filter(Boolean) : [] };
}

/** The query string of these filters on their first page (any new search starts there). */
export function searchParamsFor(filters: CatalogueFilters, position?: CataloguePosition): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search) {
    params.set(PARAM.search, filters.search);
  }
  if (filters.themenfeld) {
    params.set(PARAM.themenfeld, filters.themenfeld);
  }
  if (filters.maturity) {
    if (filters.maturity.level !== null) {
      params.set(PARAM.maturityLevel, String(filters.maturity.level));
    }
    if (filters.maturity.model !== 'V1_1' || filters.maturity.level === null) {
      params.set(
        PARAM.maturityModel,
        MATURITY_MODELS.find((m) => m.model === filters.maturity?.model)?.name ?? '',
      );
    }
  }
  if (filters.ownerKey) {
    params.set(PARAM.ownerKey, filters.ownerKey);
  }
  if (filters.legalNorm) {
    params.set(PARAM.legalNorm, filters.legalNorm);
  }
  if (position?.after) {
    for (const cursor of position.before) {
      params.append(PARAM.before, cursor);
    }
    params.set(PARAM.after, position.after);
  }
  return params;
}

/** The page after this one, which starts after `endCursor`. */
export function nextPosition(position: CataloguePosition, endCursor: string): CataloguePosition {
  return {
    after: endCursor,
    before: position.after ? [...position.before, position.after] : [],
  };
}

/** The page before this one, or null on the first page. */
export function previousPosition(position: CataloguePosition): CataloguePosition | null {
  if (!position.after) {
    return null;
  }
  const before = position.before.slice(0, -1);
  return { after: position.before.at(-1) ?? null, before };
}

/** The page's number, counted from 1. */
export function pageNumber(position: CataloguePosition): number {
  return position.after ? position.before.length + 2 : 1;
}

/** What the API's `services(filter:)` gets: only the filters that are set. */
export function serviceFilter(filters: CatalogueFilters): ServiceFilter {
  return {
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.themenfeld ? { themenfeld: filters.themenfeld } : {}),
    ...(filters.maturity ? { maturityModel: filters.maturity.model } : {}),
    ...(filters.maturity?.level != null ? { maturityLevel: filters.maturity.level } : {}),
    ...(filters.ownerKey ? { ownerKey: filters.ownerKey } : {}),
    ...(filters.legalNorm ? { legalNorm: filters.legalNorm } : {}),
  };
}

export function isFiltered(filters: CatalogueFilters): boolean {
  return Object.keys(serviceFilter(filters)).length > 0;
}

/** The catalogue's address for these filters and this page: "/leistungen?suche=…". */
export function catalogueHref(filters: CatalogueFilters, position?: CataloguePosition): string {
  const query = searchParamsFor(filters, position).toString();
  return query ? `/leistungen?${query}` : '/leistungen';
}
