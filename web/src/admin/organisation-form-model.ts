import type { ApiProblem } from '../graphql/errors';
import type { OrganisationKind } from '../graphql/generated/enums';
import type { RegisterOrganisationInput } from '../graphql/generated/graphql';
import { problemsByField } from '../services/service-form-model';

/** The kinds in the order of the form's choice: the public bodies from the top down, then the others. */
export const ORGANISATION_KINDS: OrganisationKind[] = [
  'STATE',
  'DISTRICT',
  'AMT',
  'MUNICIPALITY',
  'SERVICE_PROVIDER',
  'OTHER',
];

export type OrganisationField = 'kind' | 'name' | 'key' | 'parentKey';

export interface OrganisationValues {
  kind: OrganisationKind | '';
  name: string;
  /** The ARS for a public body, a slug otherwise: the organisation's key either way. */
  key: string;
  parentKey: string;
}

export const EMPTY_ORGANISATION: OrganisationValues = { kind: '', name: '', key: '', parentKey: '' };

/**
 * Public bodies are keyed by their ARS, the others by a slug (docs/domain.md, "Organisation keys"):
 * which field the form shows. Whether the value is right is the API's to say.
 */
export function keyedByArs(kind: OrganisationKind | ''): boolean {
  return kind === 'STATE' || kind === 'DISTRICT' || kind === 'AMT' || kind === 'MUNICIPALITY';
}

export function keyLabel(kind: OrganisationKind | ''): string {
  return keyedByArs(kind) ? 'Amtlicher Regionalschlüssel (ARS)' : 'Schlüssel';
}

const ARS_FORMAT: Record<'STATE' | 'DISTRICT' | 'AMT' | 'MUNICIPALITY', { digits: number; example: string }> =
  {
    STATE: { digits: 12, example: '010000000000 (Land Schleswig-Holstein)' },
    DISTRICT: { digits: 12, example: '010580000000 (Kreis Rendsburg-Eckernförde)' },
    AMT: { digits: 9, example: '010585890 (Amt Hüttener Berge)' },
    MUNICIPALITY: { digits: 12, example: '010585890008 (Ascheffel) oder 010020000000 (Kiel)' },
  };

/**
 * The key field's hint: the format the kind expects (an ARS has 12 digits, an Amt's 9) and, while
 * typing, how far the value is from it. Only a hint that never blocks the form: the API's rule
 * decides, and it checks more than the length (the Land code, the zeros of a Kreis, …).
 */
export function keyHint(kind: OrganisationKind | '', value: string): string {
  if (kind === '') {
    return 'Wählen Sie zuerst die Art: Behörden tragen ihren Amtlichen Regionalschlüssel, andere Organisationen einen Kurznamen.';
  }
  if (!keyedByArs(kind)) {
    return 'Ein Kurzname aus Kleinbuchstaben, Ziffern und „-“, höchstens 80 Zeichen, z. B. „dataport“.';
  }
  const { digits, example } = ARS_FORMAT[kind as keyof typeof ARS_FORMAT];
  const format = `${digits} Ziffern, z. B. ${example}.`;
  const typed = value.trim();
  if (typed === '') {
    return format;
  }
  if (/\D/.test(typed)) {
    return `${format} Ihre Eingabe enthält andere Zeichen als Ziffern.`;
  }
  if (typed.length !== digits) {
    return `${format} Ihre Eingabe hat ${typed.length} ${typed.length === 1 ? 'Ziffer' : 'Ziffern'}.`;
  }
  return format;
}

export function parentHint(kind: OrganisationKind | ''): string {
  switch (kind) {
    case 'STATE':
      return 'Ein Land hat keine übergeordnete Organisation: lassen Sie das Feld leer.';
    case 'DISTRICT':
      return 'Der Schlüssel des Landes, z. B. 010000000000.';
    case 'AMT':
      return 'Der Schlüssel des Kreises, z. B. 010580000000.';
    case 'MUNICIPALITY':
      return 'Der Schlüssel des Amts, des Kreises oder, für eine kreisfreie Stadt, des Landes, z. B. 010585890.';
    case 'SERVICE_PROVIDER':
    case 'OTHER':
    case '':
      return 'Der Schlüssel der Organisation, der sie angehört, sofern es eine gibt.';
  }
}

export const ORGANISATION_LABEL: Record<OrganisationField, string> = {
  kind: 'Art',
  name: 'Name',
  key: 'Schlüssel',
  parentKey: 'Übergeordnete Organisation',
};

/** What registerOrganisation gets: a public body's ARS is its key, so both are sent alike. */
export function registerOrganisationInput(values: OrganisationValues): RegisterOrganisationInput {
  const key = values.key.trim();
  const parentKey = values.parentKey.trim();
  return {
    kind: values.kind as OrganisationKind,
    name: values.name.trim(),
    key,
    ...(keyedByArs(values.kind) ? { ars: key } : {}),
    ...(parentKey ? { parentKey } : {}),
  };
}

/** The required fields still empty: nothing is sent while one is. */
export function missingOrganisationFields(
  values: OrganisationValues,
): Partial<Record<OrganisationField, string>> {
  const missing: Partial<Record<OrganisationField, string>> = {};
  if (values.kind === '') {
    missing.kind = 'Bitte wählen Sie die Art der Organisation.';
  }
  if (values.name.trim() === '') {
    missing.name = 'Bitte geben Sie den Namen der Organisation an.';
  }
  if (values.key.trim() === '') {
    missing.key = keyedByArs(values.kind)
      ? 'Bitte geben Sie den Amtlichen Regionalschlüssel (ARS) an.'
      : 'Bitte geben Sie den Schlüssel der Organisation an.';
  }
  return missing;
}

/**
 * registerOrganisation's problems at their fields: `input.ars` and `input.key` are both the key
 * field (the ARS is the key), an organisation that exists already (ORGANISATION_EXISTS) too; the
 * rest for the summary.
 */
export function organisationProblems(
  problems: readonly ApiProblem[],
  kind: OrganisationKind | '',
): { errors: Partial<Record<OrganisationField, string>>; others: ApiProblem[] } {
  return problemsByField<OrganisationField>(
    problems,
    (name, problem) =>
      name === 'ars' || name === 'key' || problem.reason === 'ORGANISATION_EXISTS'
        ? 'key'
        : name === 'kind' || name === 'name' || name === 'parentKey'
          ? name
          : undefined,
    (field) => (field === 'key' ? keyLabel(kind) : ORGANISATION_LABEL[field]),
  );
}
