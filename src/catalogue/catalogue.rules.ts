// spdx-license-ids ships JSON without types: the SPDX list, kept current by its maintainers.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const spdxLicenseIds = require('spdx-license-ids') as string[];

import { MaturityModel } from './catalogue-enums';

/** Catalogue rules (domain.md, "Identifiers" and "Services"): pure functions, no framework. */

export const SERVICE_SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_SLUG = 80;
/** The lengths of a service's texts (domain.md, "Services"): checked by the inputs' @Text. */
export const MAX_SERVICE_NAME = 200;
export const MAX_SERVICE_SUMMARY = 500;
export const MAX_SERVICE_DESCRIPTION = 20_000;
export const LEIKA_PATTERN = /^\d{14}$/;

const SPDX = new Set<string>(spdxLicenseIds);

/** The 16 German states' codes as used in jurisdictions ("DE-SH") and as suffixes of state laws ("LBO SH"). */
export const STATE_CODES = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
];

export type Problem = { field: string; message: string } | null;

export function slugProblem(slug: string): string | null {
  if (!SERVICE_SLUG_PATTERN.test(slug)) {
    return 'must be lower-case letters and digits in groups joined by "-"';
  }
  if (slug.length > MAX_SLUG) {
    return `must be at most ${MAX_SLUG} characters`;
  }
  return null;
}

export function leikaProblem(key: string): string | null {
  return LEIKA_PATTERN.test(key) ? null : `"${key}" is not a LeiKa key (14 digits)`;
}

export function licenseProblem(license: string): string | null {
  return SPDX.has(license) ? null : `"${license}" is not an SPDX license identifier (e.g. EUPL-1.2, MIT)`;
}

/** The highest Reifegrad of each model: 1.1 rates 0 to 4, 2.0 rates 0 to 7. */
export const MAX_MATURITY: Readonly<Record<MaturityModel, number>> = {
  [MaturityModel.V1_1]: 4,
  [MaturityModel.V2_0]: 7,
};

/** The model's number as people write it: "1.1", "2.0". */
export const maturityModelName = (model: MaturityModel): string => model.slice(1).replace('_', '.');

/** Why `level` is not a Reifegrad of `model`, or null. */
export function maturityProblem(level: number, model: MaturityModel): string | null {
  const max = MAX_MATURITY[model];
  return Number.isInteger(level) && level >= 0 && level <= max
    ? null
    : `a Reifegrad of model ${maturityModelName(model)} is a whole number from 0 to ${max}, got ${level}`;
}

export function jurisdictionProblem(jurisdiction: string): string | null {
  if (jurisdiction === 'EU' || jurisdiction === 'DE') {
    return null;
  }
  const match = /^DE-([A-Z]{2})$/.exec(jurisdiction);
  return match && STATE_CODES.includes(match[1])
    ? null
    : 'must be "EU", "DE" or "DE-" and a state code such as "DE-SH"';
}

/** State laws carry their state's suffix ("LBO SH"), so that abbreviations stay unique across states. */
export function abbreviationProblem(abbreviation: string, jurisdiction: string): string | null {
  if (!/^\S(.*\S)?$/.test(abbreviation) || abbreviation.length > 40) {
    return 'must be 1-40 characters without surrounding spaces';
  }
  const state = /^DE-([A-Z]{2})$/.exec(jurisdiction)?.[1];
  if (state && !abbreviation.endsWith(` ${state}`)) {
    return `a law of ${jurisdiction} carries the suffix " ${state}" (e.g. "LBO ${state}")`;
  }
  return null;
}

/** Provisions compare with white space normalised: "§22  Abs.1" = "§ 22 Abs. 1". */
export function normaliseProvision(provision: string): string {
  return provision
    .replace(/\s+/g, ' ')
    .replace(/§\s*/g, '§ ')
    .replace(/\b(Abs|Nr|Satz|S|Buchst|lit)\.\s*/g, '$1. ')
    .trim();
}

/** An OZG id as given (surrounding white space is ignored): word characters, "." and "-", at most 40. */
export function ozgIdProblem(id: string): string | null {
  return /^[\w.-]{1,40}$/.test(id.trim()) ? null : `"${id}" is not an OZG id`;
}

export function legalNormTitleProblem(title: string): string | null {
  return title === '' || title.length > 300 ? 'must be 1-300 characters' : null;
}

/**
 * A service's legal bases from the references given (domain.md, "Services"): each names a
 * registered norm by abbreviation (else the problem names the reference), provisions are
 * normalised (`normaliseProvision`), blank ones cite the whole norm, and repeats are dropped.
 * Positions follow the order given.
 */
export function checkLegalBases(
  references: readonly { norm: string; provision?: string | null }[],
  normsByAbbreviation: ReadonlyMap<string, { id: string; abbreviation: string }>,
): {
  rows: { normId: string; abbreviation: string; provision: string | null; position: number }[];
  problem: Problem;
} {
  const seen = new Set<string>();
  const rows: { normId: string; abbreviation: string; provision: string | null; position: number }[] = [];
  for (const [i, reference] of references.entries()) {
    const norm = normsByAbbreviation.get(reference.norm.trim());
    if (!norm) {
      return {
        rows,
        problem: {
          field: `input.legalBases[${i}].norm`,
          message: `unknown legal norm "${reference.norm}" (register it first)`,
        },
      };
    }
    const provision = reference.provision?.trim() ? normaliseProvision(reference.provision) : null;
    const key = `${norm.id}|${provision ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      rows.push({ normId: norm.id, abbreviation: norm.abbreviation, provision, position: rows.length });
    }
  }
  return { rows, problem: null };
}

export const MAX_KEYWORDS = 50;
export const MAX_KEYWORD_LENGTH = 100;

/**
 * A service's keywords (synonyms, colloquial names): trimmed, inner whitespace collapsed, repeats
 * dropped ignoring case, the first spelling kept. A blank or overlong keyword, or more than
 * MAX_KEYWORDS, is a problem naming the keyword's index.
 */
export function normaliseKeywords(keywords: readonly string[]): {
  keywords: string[];
  problem: { index: number | null; reason: 'BLANK' | 'TOO_LONG' | 'TOO_MANY' } | null;
} {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [index, raw] of keywords.entries()) {
    const keyword = raw.trim().replace(/\s+/g, ' ');
    if (!keyword) {
      return { keywords: out, problem: { index, reason: 'BLANK' } };
    }
    if (keyword.length > MAX_KEYWORD_LENGTH) {
      return { keywords: out, problem: { index, reason: 'TOO_LONG' } };
    }
    if (!seen.has(keyword.toLocaleLowerCase('de'))) {
      seen.add(keyword.toLocaleLowerCase('de'));
      out.push(keyword);
    }
  }
  if (out.length > MAX_KEYWORDS) {
    return { keywords: out, problem: { index: null, reason: 'TOO_MANY' } };
  }
  return { keywords: out, problem: null };
}
