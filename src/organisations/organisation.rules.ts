/**
 * Keys of organisations (docs/domain.md, "Identifiers"). Public bodies are keyed by their ARS
 * (Amtlicher Regionalschlüssel): Land (2) + Regierungsbezirk (1) + Kreis (2) + Gemeindeverband (4)
 * + Gemeinde (3); an Amt by its first 9 digits. Everyone else by a slug.
 *
 * Each check is a named rule (`KeyRule`): a refusal says which one in `extensions.rule`, so a
 * client, a test and a reader of docs/domain.md talk about the same thing.
 */
import type { KeyRule } from '#src/common/errors/messages';
import { OrganisationKind } from './organisation-kind';

export { OrganisationKind };

export const PUBLIC_BODY_KINDS: readonly OrganisationKind[] = [
  OrganisationKind.STATE,
  OrganisationKind.DISTRICT,
  OrganisationKind.AMT,
  OrganisationKind.MUNICIPALITY,
];

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const KIND_NAMES: Record<OrganisationKind, string> = {
  [OrganisationKind.STATE]: 'a Land',
  [OrganisationKind.DISTRICT]: 'a Kreis',
  [OrganisationKind.AMT]: 'an Amt',
  [OrganisationKind.MUNICIPALITY]: 'a municipality',
  [OrganisationKind.SERVICE_PROVIDER]: 'a service provider',
  [OrganisationKind.OTHER]: 'another organisation',
};

/** The rules an organisation's key, ARS and parent follow, by name; docs/domain.md explains each. */
export type { KeyRule };

/** A broken rule: its name, the English sentence naming the value, and the facts German words need. */
export interface RuleProblem {
  rule: KeyRule;
  message: string;
  /** Values the German message names (a Land's name, the digits it allows, a key). */
  facts?: { land?: string; allowed?: string; expected?: string };
}

export interface KeyProblem extends RuleProblem {
  field: 'key' | 'ars' | 'parentKey';
}

export function isPublicBody(kind: OrganisationKind): boolean {
  return PUBLIC_BODY_KINDS.includes(kind);
}

/**
 * The Länder by their two-digit code, with the third ARS digit their keys carry: the
 * Regierungsbezirk where a Land has or had them (Baden-Württemberg, Bayern, Hessen and
 * Nordrhein-Westfalen have them; Niedersachsen, Rheinland-Pfalz and Sachsen abolished theirs,
 * and their keys keep the digit), 0 where it has none (Destatis, Gemeindeverzeichnis).
 */
export const LAENDER: Readonly<Record<string, { name: string; regierungsbezirke: string }>> = {
  '01': { name: 'Schleswig-Holstein', regierungsbezirke: '0' },
  '02': { name: 'Hamburg', regierungsbezirke: '0' },
  '03': { name: 'Niedersachsen', regierungsbezirke: '1234' },
  '04': { name: 'Bremen', regierungsbezirke: '0' },
  '05': { name: 'Nordrhein-Westfalen', regierungsbezirke: '13579' },
  '06': { name: 'Hessen', regierungsbezirke: '456' },
  '07': { name: 'Rheinland-Pfalz', regierungsbezirke: '123' },
  '08': { name: 'Baden-Württemberg', regierungsbezirke: '1234' },
  '09': { name: 'Bayern', regierungsbezirke: '1234567' },
  '10': { name: 'Saarland', regierungsbezirke: '0' },
  '11': { name: 'Berlin', regierungsbezirke: '0' },
  '12': { name: 'Brandenburg', regierungsbezirke: '0' },
  '13': { name: 'Mecklenburg-Vorpommern', regierungsbezirke: '0' },
  '14': { name: 'Sachsen', regierungsbezirke: '567' },
  '15': { name: 'Sachsen-Anhalt', regierungsbezirke: '0' },
  '16': { name: 'Thüringen', regierungsbezirke: '0' },
};

/**
 * City-states that are one Gemeinde (Hamburg, Berlin): no Kreis, no Amt, and one municipality
 * whose key is the Land's own. Bremen has two Gemeinden (Bremen, Bremerhaven) and keys like a Land
 * with two kreisfreie Städte.
 */
const CITY_STATES = ['02', '11'];

/**
 * Kreis numbers of the Länder whose Kreise this registry knows one by one: in Schleswig-Holstein
 * 01-04 are the kreisfreie Städte (Flensburg, Kiel, Lübeck, Neumünster) and 51, 53-62 the eleven
 * Kreise. Elsewhere a five-digit key alone does not tell a Kreis from a kreisfreie Stadt.
 */
const KREISE_BY_LAND: Readonly<Record<string, { kreisfreieStaedte: string[]; kreise: string[] }>> = {
  '01': {
    kreisfreieStaedte: ['01', '02', '03', '04'],
    kreise: ['51', '53', '54', '55', '56', '57', '58', '59', '60', '61', '62'],
  },
};

/** The parts of an ARS (a 9-digit Amt key has no Gemeinde part). */
export function arsParts(ars: string) {
  return {
    land: ars.slice(0, 2),
    regierungsbezirk: ars.slice(2, 3),
    kreis: ars.slice(3, 5),
    verband: ars.slice(5, 9),
    gemeinde: ars.slice(9, 12),
  };
}

const problem = (rule: KeyRule, message: string, facts?: RuleProblem['facts']): RuleProblem =>
  facts ? { rule, message, facts } : { rule, message };

/** Why `ars` is not a valid ARS for an organisation of this kind, or null. */
export function arsProblem(kind: OrganisationKind, ars: string): RuleProblem | null {
  const length = kind === OrganisationKind.AMT ? 9 : 12;
  if (!/^\d+$/.test(ars)) {
    return problem('ARS_DIGITS', `an ARS has digits only, got "${ars}"`);
  }
  if (ars.length !== length) {
    return problem('ARS_LENGTH', `an ARS of ${KIND_NAMES[kind]} has ${length} digits, got ${ars.length}`);
  }
  const parts = arsParts(ars);
  const land = LAENDER[parts.land];
  if (!land) {
    return problem('LAND_CODE', `the Land code ${parts.land} is not one of 01-16`);
  }
  if (kind === OrganisationKind.STATE) {
    return /^\d{2}0{10}$/.test(ars)
      ? null
      : problem('LAND_KEY', 'the ARS of a Land is its code followed by ten zeros', {
          expected: parts.land + '0'.repeat(10),
        });
  }
  if (!land.regierungsbezirke.includes(parts.regierungsbezirk)) {
    return problem(
      'REGIERUNGSBEZIRK',
      land.regierungsbezirke === '0'
        ? `${land.name} has no Regierungsbezirke: the third digit is 0, got ${parts.regierungsbezirk}`
        : `the Regierungsbezirk digit of ${land.name} is one of ${[...land.regierungsbezirke].join(', ')}, got ${parts.regierungsbezirk}`,
      { land: land.name, allowed: [...land.regierungsbezirke].join(', ') },
    );
  }
  if (CITY_STATES.includes(parts.land)) {
    return kind === OrganisationKind.MUNICIPALITY && ars === parts.land + '0'.repeat(10)
      ? null
      : problem(
          'CITY_STATE',
          `${land.name} is one Gemeinde: it has no Kreise or Ämter, and its municipality is ${parts.land}0000000000`,
          { land: land.name, expected: parts.land + '0'.repeat(10) },
        );
  }
  if (parts.kreis === '00') {
    return problem(
      'KREIS_PART',
      `${KIND_NAMES[kind]} lies in a Kreis or kreisfreie Stadt: digits 4-5 are not 00`,
    );
  }
  const known = KREISE_BY_LAND[parts.land];
  if (known && ![...known.kreisfreieStaedte, ...known.kreise].includes(parts.kreis)) {
    return problem(
      'KREIS_NUMBER',
      `${land.name} has no Kreis or kreisfreie Stadt ${ars.slice(0, 5)}; its Kreise and kreisfreie Städte are ${[...known.kreisfreieStaedte, ...known.kreise].map((k) => parts.land + parts.regierungsbezirk + k).join(', ')}`,
      { land: land.name },
    );
  }
  switch (kind) {
    case OrganisationKind.DISTRICT:
      if (parts.verband !== '0000' || parts.gemeinde !== '000') {
        return problem(
          'KREIS_KEY',
          'the ARS of a Kreis is its five-digit Kreisschlüssel followed by seven zeros',
          {
            expected: ars.slice(0, 5) + '0'.repeat(7),
          },
        );
      }
      if (known?.kreisfreieStaedte.includes(parts.kreis)) {
        return problem(
          'KREISFREIE_STADT_AS_KREIS',
          `${ars.slice(0, 5)} is a kreisfreie Stadt of ${land.name}: register it as a MUNICIPALITY`,
          { land: land.name },
        );
      }
      return null;
    case OrganisationKind.AMT:
      if (known?.kreisfreieStaedte.includes(parts.kreis)) {
        return problem(
          'AMT_IN_KREIS',
          `an Amt lies in a Kreis; ${ars.slice(0, 5)} is a kreisfreie Stadt of ${land.name}`,
          {
            land: land.name,
          },
        );
      }
      return parts.verband.startsWith('5')
        ? null
        : problem(
            'AMT_VERBAND_DIGIT',
            `the Gemeindeverband part (digits 6-9) of an Amt starts with 5, got ${parts.verband}`,
          );
    case OrganisationKind.MUNICIPALITY:
      return municipalityProblem(ars, land.name, known?.kreise);
    case OrganisationKind.SERVICE_PROVIDER:
    case OrganisationKind.OTHER:
      return null;
  }
}

function municipalityProblem(
  ars: string,
  landName: string,
  kreise: string[] | undefined,
): RuleProblem | null {
  const { kreis, verband, gemeinde } = arsParts(ars);
  if (verband === '0000' && gemeinde === '000' && kreise?.includes(kreis)) {
    return problem(
      'KREIS_KEY_AS_MUNICIPALITY',
      `${ars} is the key of a Kreis of ${landName}, not of a municipality: register it as a DISTRICT`,
      { land: landName },
    );
  }
  if (verband.startsWith('0')) {
    return verband === '0' + gemeinde
      ? null
      : problem(
          'AMTSFREIE_GEMEINDE',
          `an amtsfreie Gemeinde's Gemeindeverband part is 0 and its Gemeinde number (${'0' + gemeinde}), got ${verband}`,
          { expected: ars.slice(0, 5) + '0' + gemeinde + gemeinde },
        );
  }
  if (verband.startsWith('5')) {
    return gemeinde === '000'
      ? problem(
          'AMTSANGEHOERIGE_GEMEINDE',
          'a Gemeinde in an Amt has a Gemeinde number (digits 10-12), got 000',
        )
      : null;
  }
  return problem(
    'VERBAND_DIGIT',
    `the Gemeindeverband part (digits 6-9) of a municipality starts with 0 (amtsfrei) or 5 (in an Amt), got ${verband}`,
  );
}

/** Whether a municipality's ARS has neither Verband nor Gemeinde number: a kreisfreie Stadt's (or a city-state's). */
function isCityKey(ars: string): boolean {
  return /^\d{5}0{7}$/.test(ars);
}

/** AGS (Amtlicher Gemeindeschlüssel): ARS[0..5] + ARS[9..12], for Gemeinden and kreisfreie Städte only. */
export function agsOf(kind: OrganisationKind, ars: string | null): string | null {
  return kind === OrganisationKind.MUNICIPALITY && ars && /^\d{12}$/.test(ars)
    ? ars.slice(0, 5) + ars.slice(9, 12)
    : null;
}

/** Kreisschlüssel: the five digits of the Kreis or kreisfreie Stadt a Kreis, Amt or municipality is or lies in. */
export function kreisschluesselOf(kind: OrganisationKind, ars: string | null): string | null {
  const within =
    kind === OrganisationKind.DISTRICT ||
    kind === OrganisationKind.AMT ||
    kind === OrganisationKind.MUNICIPALITY;
  return within && ars && /^\d{9}(\d{3})?$/.test(ars) && ars.slice(3, 5) !== '00' ? ars.slice(0, 5) : null;
}

/** The part of an ARS that its members' ARS start with: 2 digits for a Land, 5 for a Kreis, 9 for an Amt. */
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
    const found = arsProblem(input.kind, ars);
    if (found) {
      problems.push({ field: input.ars ? 'ars' : 'key', ...found });
    }
    if (input.ars && input.ars !== input.key) {
      problems.push({
        field: 'key',
        rule: 'KEY_IS_ARS',
        message: `the key of a public body is its ARS (${input.ars}), got "${input.key}"`,
        facts: { expected: input.ars },
      });
    }
    return { ars, problems };
  }
  if (!SLUG_PATTERN.test(input.key) || input.key.length > 80) {
    problems.push({
      field: 'key',
      rule: 'SLUG',
      message: 'must be a slug: lower-case letters and digits in groups joined by "-", at most 80 characters',
    });
  }
  if (input.ars) {
    problems.push({ field: 'ars', rule: 'NO_ARS', message: `${KIND_NAMES[input.kind]} has no ARS` });
  }
  return { ars: null, problems };
}

/** Which kinds of public body may contain which (a kreisfreie Stadt sits directly under its Land). */
const PARENT_KINDS: Partial<Record<OrganisationKind, OrganisationKind[]>> = {
  [OrganisationKind.STATE]: [],
  [OrganisationKind.DISTRICT]: [OrganisationKind.STATE],
  [OrganisationKind.AMT]: [OrganisationKind.DISTRICT],
  [OrganisationKind.MUNICIPALITY]: [OrganisationKind.STATE, OrganisationKind.DISTRICT, OrganisationKind.AMT],
};

/**
 * A public body's parent is a public body of a higher kind that contains it (its ARS starts with
 * the parent's prefix); a municipality's is the one its ARS names: an amtsangehörige Gemeinde's
 * its Amt, an amtsfreie Gemeinde's its Kreis (a kreisfreie Stadt's key only its Land contains).
 */
export function parentProblem(
  child: { kind: OrganisationKind; ars: string | null },
  parent: { kind: OrganisationKind; ars: string | null; key: string },
): RuleProblem | null {
  const allowed = PARENT_KINDS[child.kind];
  if (allowed && !allowed.includes(parent.kind)) {
    return problem(
      'PARENT_KIND',
      allowed.length === 0
        ? `${KIND_NAMES[child.kind]} has no parent`
        : `the parent of ${KIND_NAMES[child.kind]} is ${allowed.map((k) => KIND_NAMES[k]).join(' or ')}, not ${KIND_NAMES[parent.kind]}`,
    );
  }
  if (!child.ars || !parent.ars) {
    return null;
  }
  // Not null: every parent kind allowed above is a Land, Kreis or Amt.
  const prefix = arsPrefixOf(parent.kind, parent.ars) ?? '';
  if (!child.ars.startsWith(prefix) || child.ars === parent.ars) {
    return problem('PARENT_CONTAINS', `${parent.key} does not contain ARS ${child.ars}`);
  }
  if (child.kind !== OrganisationKind.MUNICIPALITY) {
    return null;
  }
  const { verband } = arsParts(child.ars);
  if (isCityKey(child.ars)) {
    return null; // only its Land contains a kreisfreie Stadt's key
  }
  if (verband.startsWith('5') && parent.kind !== OrganisationKind.AMT) {
    return problem(
      'PARENT_IS_AMT',
      `${child.ars} is a Gemeinde of the Amt ${child.ars.slice(0, 9)}: its parent is that Amt, not ${parent.key}`,
      { expected: child.ars.slice(0, 9) },
    );
  }
  if (verband.startsWith('0') && parent.kind !== OrganisationKind.DISTRICT) {
    return problem(
      'PARENT_IS_KREIS',
      `${child.ars} is an amtsfreie Gemeinde: its parent is its Kreis ${child.ars.slice(0, 5)}, not ${parent.key}`,
      { expected: child.ars.slice(0, 5) + '0'.repeat(7) },
    );
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
