import { QaGateKind, type QaRule } from './catalogue-enums';

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

export function httpsUrlProblem(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' ? null : 'must be an https:// URL';
  } catch {
    return 'must be an https:// URL';
  }
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

export const DEFAULT_QA_POLICY: QaRule[] = [
  { kind: QaGateKind.USABILITY, requiredApprovals: 1 },
  { kind: QaGateKind.SECURITY, requiredApprovals: 1 },
  { kind: QaGateKind.INTERFACES, requiredApprovals: 1 },
];

/** A QA policy: at least one gate, each kind once, 1 to 5 approvals. Returned in a stable order. */
export function checkQaPolicy(rules: QaRule[], field = 'rules'): { rules: QaRule[]; problem: Problem } {
  if (rules.length === 0) {
    return { rules, problem: { field, message: 'name at least one gate' } };
  }
  const seen = new Set<QaGateKind>();
  for (const [i, rule] of rules.entries()) {
    if (seen.has(rule.kind)) {
      return { rules, problem: { field: `${field}[${i}].kind`, message: `${rule.kind} is listed twice` } };
    }
    seen.add(rule.kind);
    if (
      !Number.isInteger(rule.requiredApprovals) ||
      rule.requiredApprovals < 1 ||
      rule.requiredApprovals > 5
    ) {
      return {
        rules,
        problem: { field: `${field}[${i}].requiredApprovals`, message: 'must be between 1 and 5' },
      };
    }
  }
  const order = Object.values(QaGateKind);
  const sorted = [...rules].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return { rules: sorted.map(({ kind, requiredApprovals }) => ({ kind, requiredApprovals })), problem: null };
}

/** "USABILITY=1,SECURITY=2" (the QA_DEFAULT_POLICY setting) as rules. */
export function parseQaPolicy(text: string): QaRule[] {
  return text.split(',').map((part) => {
    const [kind, approvals] = part.split('=').map((s) => s.trim());
    if (!Object.values(QaGateKind).includes(kind as QaGateKind)) {
      throw new Error(`unknown gate kind "${kind}"`);
    }
    return { kind: kind as QaGateKind, requiredApprovals: Number(approvals) };
  });
}
