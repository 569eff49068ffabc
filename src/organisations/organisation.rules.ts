/**
 * Keys of organisations (domain.md, "Identifiers"). Public bodies are keyed by their ARS
 * (Amtlicher Regionalschlüssel): state (2) + Regierungsbezirk (1) + Kreis (2) + Gemeindeverband (4)
 * + Gemeinde (3); an Amt by its first 9 digits. Everyone else by a slug.
 */
import { OrganisationKind } from './organisation-kind';

export { OrganisationKind };

export const PUBLIC_BODY_KINDS: readonly OrganisationKind[] = [
  OrganisationKind.STATE,
  OrganisationKind.DISTRICT,
  OrganisationKind.AMT,
  OrganisationKind.MUNICIPALITY,
];

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface KeyProblem {
  field: 'key' | 'ars' | 'parentKey';
  message: string;
}

export function isPublicBody(kind: OrganisationKind): boolean {
  return PUBLIC_BODY_KINDS.includes(kind);
}

/** Why `ars` is not a valid ARS for an organisation of this kind, or null. */
export function arsProblem(kind: OrganisationKind, ars: string): string | null {
  const length = kind === OrganisationKind.AMT ? 9 : 12;
  if (!/^\d+$/.test(ars)) {
    return `an ARS has digits only, got "${ars}"`;
  }
  if (ars.length !== length) {
    return `an ARS of ${kind === OrganisationKind.AMT ? 'an Amt' : 'a ' + kind.toLowerCase()} has ${length} digits, got ${ars.length}`;
  }
  const state = Number(ars.slice(0, 2));
  if (state < 1 || state > 16) {
    return `the state code ${ars.slice(0, 2)} is not one of 01-16`;
  }
  if (kind === OrganisationKind.STATE && !/^\d{2}0{10}$/.test(ars)) {
    return 'the ARS of a state is its code followed by ten zeros';
  }
  if (kind === OrganisationKind.DISTRICT && (!/^\d{5}0{7}$/.test(ars) || ars.slice(2, 5) === '000')) {
    return 'the ARS of a district is its five digits followed by seven zeros';
  }
  if (kind === OrganisationKind.AMT && (ars.slice(2, 5) === '000' || ars.slice(5, 9) === '0000')) {
    return 'the ARS of an Amt names its Kreis and its Gemeindeverband (neither all zeros)';
  }
  return null;
}

/** AGS (Amtlicher Gemeindeschlüssel): ARS[0..5] + ARS[9..12]; only a 12-digit ARS has one. */
export function agsOf(ars: string | null): string | null {
  return ars && /^\d{12}$/.test(ars) ? ars.slice(0, 5) + ars.slice(9, 12) : null;
}

/** The part of an ARS that its members' ARS start with: 2 digits for a state, 5 for a district, 9 for an Amt. */
export function arsPrefixOf(kind: OrganisationKind, ars: string): string | null {
  switch (kind) {
    case OrganisationKind.STATE:
      return ars.slice(0, 2);
    case OrganisationKind.DISTRICT:
      return ars.slice(0, 5);
    case OrganisationKind.AMT:
      return ars.slice(0, 9);
    case OrganisationKind.MUNICIPALITY:
    case OrganisationKind.SERVICE_PROVIDER:
    case OrganisationKind.OTHER:
      return null;
  }
}

export interface OrganisationKeyInput {
  key: string;
  kind: OrganisationKind;
  ars?: string | null;
}

/** Checks key and ARS together; returns the ARS to store (the key, for public bodies). */
export function checkOrganisationKey(input: OrganisationKeyInput): {
  ars: string | null;
  problems: KeyProblem[];
} {
  const problems: KeyProblem[] = [];
  if (isPublicBody(input.kind)) {
    const ars = input.ars ?? input.key;
    const problem = arsProblem(input.kind, ars);
    if (problem) {
      problems.push({ field: input.ars ? 'ars' : 'key', message: problem });
    }
    if (input.ars && input.ars !== input.key) {
      problems.push({
        field: 'key',
        message: `the key of a public body is its ARS (${input.ars}), got "${input.key}"`,
      });
    }
    return { ars, problems };
  }
  if (!SLUG_PATTERN.test(input.key) || input.key.length > 80) {
    problems.push({
      field: 'key',
      message: 'must be a slug: lower-case letters and digits in groups joined by "-", at most 80 characters',
    });
  }
  if (input.ars) {
    problems.push({ field: 'ars', message: `a ${input.kind} has no ARS` });
  }
  return { ars: null, problems };
}

const KIND_NAMES: Record<OrganisationKind, string> = {
  [OrganisationKind.STATE]: 'a state',
  [OrganisationKind.DISTRICT]: 'a district',
  [OrganisationKind.AMT]: 'an Amt',
  [OrganisationKind.MUNICIPALITY]: 'a municipality',
  [OrganisationKind.SERVICE_PROVIDER]: 'a service provider',
  [OrganisationKind.OTHER]: 'another organisation',
};

/** Which kinds of public body may contain which (a kreisfreie Stadt sits directly under its state). */
const PARENT_KINDS: Partial<Record<OrganisationKind, OrganisationKind[]>> = {
  [OrganisationKind.STATE]: [],
  [OrganisationKind.DISTRICT]: [OrganisationKind.STATE],
  [OrganisationKind.AMT]: [OrganisationKind.DISTRICT],
  [OrganisationKind.MUNICIPALITY]: [OrganisationKind.STATE, OrganisationKind.DISTRICT, OrganisationKind.AMT],
};

/** A public body's parent is a public body of a higher kind that contains it (its ARS starts with the parent's prefix). */
export function parentProblem(
  child: { kind: OrganisationKind; ars: string | null },
  parent: { kind: OrganisationKind; ars: string | null; key: string },
): string | null {
  const allowed = PARENT_KINDS[child.kind];
  if (allowed && !allowed.includes(parent.kind)) {
    return allowed.length === 0
      ? `${KIND_NAMES[child.kind]} has no parent`
      : `the parent of ${KIND_NAMES[child.kind]} is ${allowed.map((k) => KIND_NAMES[k]).join(' or ')}, not ${KIND_NAMES[parent.kind]}`;
  }
  if (!child.ars || !parent.ars) {
    return null;
  }
  const prefix = arsPrefixOf(parent.kind, parent.ars);
  if (prefix === null) {
    return `a ${parent.kind.toLowerCase()} (${parent.key}) cannot contain other public bodies`;
  }
  if (!child.ars.startsWith(prefix) || child.ars === parent.ars) {
    return `${parent.key} does not contain ARS ${child.ars}`;
  }
  return null;
}

/** An interface standard's key: a lower-case slug of at most 40 characters. */
export function standardKeyProblem(key: string): string | null {
  return SLUG_PATTERN.test(key) && key.length <= 40
    ? null
    : 'must be a lower-case slug such as "xbau" or "fit-connect", at most 40 characters';
}

export interface CapabilityEntry {
  standard: string;
  versions: string[];
  /** The entry's path in the arguments, e.g. "capabilities[0]". */
  field: string;
}

/**
 * Capabilities as a whole set (domain.md, "Interface impact"): each entry names a standard at most
 * once and at least one version (each 1-40 characters, duplicates dropped). Whether the standards
 * are registered is for the caller to check.
 */
export function checkCapabilities(
  capabilities: readonly { standard: string; versions: readonly string[] }[],
): { entries: CapabilityEntry[]; problem: { field: string; message: string } | null } {
  const seen = new Set<string>();
  const entries: CapabilityEntry[] = [];
  for (const [i, capability] of capabilities.entries()) {
    const field = `capabilities[${i}]`;
    if (seen.has(capability.standard)) {
      return {
        entries,
        problem: { field: `${field}.standard`, message: `${capability.standard} is listed twice` },
      };
    }
    seen.add(capability.standard);
    const versions = [...new Set(capability.versions.map((v) => v.trim()))];
    if (versions.length === 0 || versions.some((v) => v === '' || v.length > 40)) {
      return {
        entries,
        problem: { field: `${field}.versions`, message: 'name at least one version, each 1-40 characters' },
      };
    }
    entries.push({ standard: capability.standard, versions, field });
  }
  return { entries, problem: null };
}
