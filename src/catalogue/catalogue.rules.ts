// spdx-license-ids ships JSON without types: the SPDX list, kept current by its maintainers.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const spdxLicenseIds = require('spdx-license-ids') as string[];

/** Catalogue rules (domain.md, "Identifiers" and "Services"): pure functions, no framework. */

export const SERVICE_SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_SLUG = 80;
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

export function maturityProblem(level: number): string | null {
  return Number.isInteger(level) && level >= 0 && level <= 4 ? null : 'must be a Reifegrad between 0 and 4';
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
