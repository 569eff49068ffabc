import type { ApiProblem } from '../graphql/errors';
import { maturityValue, parseMaturity } from '../catalogue/maturity';
import type {
  MaturityModel,
  QaGateKind,
  ReuseModel,
  ServiceLifecycle,
  SubscriptionApproval,
  Themenfeld,
} from '../graphql/generated/enums';

/**
 * The service form's values and what it sends (web/src/services/service-form.tsx), as pure
 * functions: the lists typed into text areas, the legal-basis rows, the inputs of registerService
 * and updateService, and the API's problems put back at the fields they name. The rules
 * themselves (what a LeiKa key or a slug must look like, which norms exist) stay the API's: the
 * form sends what was typed and shows what the API says.
 */

/** One row of "Rechtsgrundlagen": a norm (by its abbreviation) and the provision ("§ 12 Abs. 1"). */
export interface LegalBasisRow {
  /** Stable across adding and removing rows: React's key and the fields' ids. */
  key: string;
  norm: string;
  provision: string;
}

export interface ServiceFormValues {
  name: string;
  slug: string;
  summary: string;
  description: string;
  /** As typed: one per line or separated by commas (parseLeikaKeys). */
  leikaKeys: string;
  /** As typed: one per line or separated by commas (parseKeywords). */
  keywords: string;
  themenfeld: Themenfeld | '';
  /** '' (none) or '0' to '4'. */
  maturityLevel: string;
  reuseModel: ReuseModel | '';
  subscriptionApproval: SubscriptionApproval;
  lifecycle: ServiceLifecycle;
  repositoryUrl: string;
  license: string;
  sdgRelevant: boolean;
  /** The owner's organisation key: chosen by an OPERATOR, the viewer's own otherwise (not sent). */
  ownerKey: string;
  legalBases: LegalBasisRow[];
}

/** The form's fields by name: the keys of `errors`, and the ids' suffixes. */
export type FieldName =
  | 'name'
  | 'slug'
  | 'summary'
  | 'description'
  | 'leikaKeys'
  | 'keywords'
  | 'themenfeld'
  | 'maturityLevel'
  | 'reuseModel'
  | 'subscriptionApproval'
  | 'lifecycle'
  | 'repositoryUrl'
  | 'license'
  | 'sdgRelevant'
  | 'ownerKey';

/** A field of the form: a named one, or a legal-basis row's norm or provision ("legalBases.<row key>.norm"). */
export type FieldKey = FieldName | `legalBases.${string}.${'norm' | 'provision'}`;

export const FIELD_LABEL: Record<FieldName, string> = {
  name: 'Name',
  slug: 'Kurzname',
  summary: 'Kurzbeschreibung',
  description: 'Beschreibung',
  leikaKeys: 'LeiKa-Schlüssel',
  keywords: 'Suchbegriffe',
  themenfeld: 'Themenfeld',
  maturityLevel: 'Reifegrad',
  reuseModel: 'Nachnutzungsmodell',
  subscriptionApproval: 'Freigabe von Nachnutzungen',
  lifecycle: 'Lebensphase',
  repositoryUrl: 'Repository',
  license: 'Lizenz',
  sdgRelevant: 'SDG-relevant',
  ownerKey: 'Eigentümer',
};

/** The label of any field, rows included: "Rechtsgrundlage 2: Rechtsnorm". */
export function labelOf(key: FieldKey, rows: readonly LegalBasisRow[]): string {
  const row = /^legalBases\.(.+)\.(norm|provision)$/.exec(key);
  if (!row) {
    return FIELD_LABEL[key as FieldName];
  }
  const position = rows.findIndex((r) => r.key === row[1]) + 1;
  return `Rechtsgrundlage ${position}: ${row[2] === 'norm' ? 'Rechtsnorm' : 'Fundstelle'}`;
}

// ------------------------------------------------------------------ lists typed into text areas

/** How other systems write a LeiKa key (docs/domain.md, "LeiKa key"); the register keeps the 14 digits. */
const LEIKA_URN = /^urn:de:fim:leika:leistung:/i;

/**
 * LeiKa keys as typed: one per line, or separated by commas, semicolons or spaces (a key has no
 * spaces); the URN form is taken as its digits. Whether each is a LeiKa key is the API's to say.
 */
export function parseLeikaKeys(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((key) => key.replace(LEIKA_URN, ''))
    .filter((key) => key !== '');
}

/** Search terms as typed: one per line or separated by commas (a term may hold spaces: "Hartz IV"). */
export function parseKeywords(text: string): string[] {
  return text
    .split(/[\n,]+/)
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '');
}

/** A list for a text area: one per line. */
export function listText(items: readonly string[]): string {
  return items.join('\n');
}

// ------------------------------------------------------------------ slug

/**
 * A slug proposed from the name ("Wohngeld beantragen" → "wohngeld-beantragen"): umlauts
 * transliterated, everything else but letters and digits a hyphen, at most 80 characters cut at
 * a hyphen. Only a proposal: the person may change it, and the API checks it.
 */
export function slugFromName(name: string): string {
  const slug = name
    .toLocaleLowerCase('de')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 80) {
    return slug;
  }
  const cut = slug.slice(0, 81);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : 80).replace(/-+$/, '');
}

/** Paths under /leistungen/ that are console pages, not services (web/src/routes.tsx). */
export const RESERVED_SLUGS = ['neu'];

// ------------------------------------------------------------------ legal-basis rows

let rowCount = 0;

export function newRow(norm = '', provision = ''): LegalBasisRow {
  rowCount += 1;
  return { key: `r${rowCount}`, norm, provision };
}

export function addRow(rows: readonly LegalBasisRow[]): LegalBasisRow[] {
  return [...rows, newRow()];
}

export function removeRow(rows: readonly LegalBasisRow[], key: string): LegalBasisRow[] {
  return rows.filter((row) => row.key !== key);
}

export function changeRow(
  rows: readonly LegalBasisRow[],
  key: string,
  change: Partial<Omit<LegalBasisRow, 'key'>>,
): LegalBasisRow[] {
  return rows.map((row) => (row.key === key ? { ...row, ...change } : row));
}

/**
 * The rows to send, in order: empty rows are left out (an empty row at the end is no legal
 * basis), a blank provision cites the whole norm. `keys[i]` is the row that `legalBases[i]` came
 * from, so that the API's "input.legalBases[i].norm" finds its row again.
 */
export function legalBasesInput(rows: readonly LegalBasisRow[]): {
  legalBases: { norm: string; provision: string | null }[];
  keys: string[];
} {
  const sent = rows.filter((row) => row.norm.trim() !== '' || row.provision.trim() !== '');
  return {
    legalBases: sent.map((row) => ({ norm: row.norm.trim(), provision: row.provision.trim() || null })),
    keys: sent.map((row) => row.key),
  };
}

// ------------------------------------------------------------------ values and inputs

/** What the form starts from when it registers a new service. */
export function emptyValues(ownerKey = ''): ServiceFormValues {
  return {
    name: '',
    slug: '',
    summary: '',
    description: '',
    leikaKeys: '',
    keywords: '',
    themenfeld: '',
    maturityLevel: '',
    reuseModel: '',
    subscriptionApproval: 'MANUAL',
    lifecycle: 'DEVELOPMENT',
    repositoryUrl: '',
    license: '',
    sdgRelevant: false,
    ownerKey,
    legalBases: [newRow()],
  };
}

/** A service as the edit page reads it (ServiceEditPage's query). */
export interface EditableService {
  name: string;
  slug: string;
  summary: string;
  description?: string | null;
  leikaKeys: string[];
  keywords: string[];
  themenfeld?: Themenfeld | null;
  maturityLevel?: number | null;
  maturityModel?: MaturityModel | null;
  reuseModel: ReuseModel;
  subscriptionApproval: SubscriptionApproval;
  lifecycle: ServiceLifecycle;
  repositoryUrl?: string | null;
  license?: string | null;
  sdgRelevant: boolean;
  owner: { key: string };
  legalBases: { provision?: string | null; norm: { abbreviation: string } }[];
}

/** The form filled in with a service. */
export function valuesFrom(service: EditableService): ServiceFormValues {
  return {
    name: service.name,
    slug: service.slug,
    summary: service.summary,
    description: service.description ?? '',
    leikaKeys: listText(service.leikaKeys),
    keywords: listText(service.keywords),
    themenfeld: service.themenfeld ?? '',
    maturityLevel:
      service.maturityLevel == null
        ? ''
        : maturityValue({ model: service.maturityModel ?? 'V1_1', level: service.maturityLevel }),
    reuseModel: service.reuseModel,
    subscriptionApproval: service.subscriptionApproval,
    lifecycle: service.lifecycle,
    repositoryUrl: service.repositoryUrl ?? '',
    license: service.license ?? '',
    sdgRelevant: service.sdgRelevant,
    ownerKey: service.owner.key,
    legalBases: service.legalBases.map((basis) => newRow(basis.norm.abbreviation, basis.provision ?? '')),
  };
}

/** The Reifegrad choice ("V2_0:5") as the API's two fields; none chosen clears both. */
function maturityInput(value: string): { maturityLevel: number | null; maturityModel: MaturityModel | null } {
  const maturity = parseMaturity(value);
  return { maturityLevel: maturity?.level ?? null, maturityModel: maturity?.model ?? null };
}

/** The fields that register and update share, from the values; optional ones blank as null. */
function commonFields(values: ServiceFormValues) {
  return {
    name: values.name.trim(),
    summary: values.summary.trim(),
    description: values.description.trim() || null,
    leikaKeys: parseLeikaKeys(values.leikaKeys),
    keywords: parseKeywords(values.keywords),
    themenfeld: values.themenfeld || null,
    ...maturityInput(values.maturityLevel),
    subscriptionApproval: values.subscriptionApproval,
    lifecycle: values.lifecycle,
    repositoryUrl: values.repositoryUrl.trim() || null,
    license: values.license.trim() || null,
    sdgRelevant: values.sdgRelevant,
    legalBases: legalBasesInput(values.legalBases).legalBases,
  };
}

type CommonFields = ReturnType<typeof commonFields>;

/**
 * registerService's input: every field, the optional ones left out when blank; the owner only
 * when the person chooses it (an OPERATOR), else the API takes the viewer's organisation.
 */
export function registerInput(values: ServiceFormValues, choosesOwner: boolean) {
  const fields = commonFields(values);
  const optional = Object.fromEntries(
    (['description', 'themenfeld', 'maturityLevel', 'maturityModel', 'repositoryUrl', 'license'] as const)
      .filter((key) => fields[key] !== null)
      .map((key) => [key, fields[key]]),
  ) as Partial<
    Pick<
      CommonFields,
      'description' | 'themenfeld' | 'maturityLevel' | 'maturityModel' | 'repositoryUrl' | 'license'
    >
  >;
  return {
    slug: values.slug.trim(),
    name: fields.name,
    summary: fields.summary,
    reuseModel: values.reuseModel as ReuseModel,
    leikaKeys: fields.leikaKeys,
    keywords: fields.keywords,
    subscriptionApproval: fields.subscriptionApproval,
    lifecycle: fields.lifecycle,
    sdgRelevant: fields.sdgRelevant,
    legalBases: fields.legalBases,
    ...optional,
    ...(choosesOwner ? { ownerKey: values.ownerKey } : {}),
  };
}

/**
 * updateService's input: only what changed against the service as loaded (an omitted field stays
 * as it is, null clears an optional one), so the audit trail records what the person changed.
 * Empty when nothing changed.
 */
export function updateInput(values: ServiceFormValues, initial: ServiceFormValues): Partial<CommonFields> {
  const now = commonFields(values);
  const before = commonFields(initial);
  const changed = (Object.keys(now) as (keyof CommonFields)[]).filter(
    (key) => JSON.stringify(now[key]) !== JSON.stringify(before[key]),
  );
  // The Reifegrad travels with its model, whichever of the two changed: a model alone is refused,
  // and a level alone would be read in the service's current model, not the one chosen.
  for (const [one, other] of [
    ['maturityModel', 'maturityLevel'],
    ['maturityLevel', 'maturityModel'],
  ] as const) {
    if (changed.includes(one) && !changed.includes(other)) {
      changed.push(other);
    }
  }
  return Object.fromEntries(changed.map((key) => [key, now[key]]));
}

// ------------------------------------------------------------------ checks before sending

export type FieldErrors = Partial<Record<FieldKey, string>>;

/**
 * What must be filled in before anything is sent (the API would refuse it too, in less specific
 * words): name, summary, and on registration the slug, the reuse model and, for an OPERATOR, the
 * owner; a legal-basis row with a provision needs its norm. "neu" is the registration page's
 * address and cannot be a service's.
 */
export function missingFields(
  values: ServiceFormValues,
  mode: 'register' | 'edit',
  choosesOwner: boolean,
): FieldErrors {
  const errors: FieldErrors = {};
  if (values.name.trim() === '') {
    errors.name = 'Bitte geben Sie den Namen der Leistung an.';
  }
  if (mode === 'register') {
    const slug = values.slug.trim();
    if (slug === '') {
      errors.slug = 'Bitte geben Sie einen Kurznamen an, zum Beispiel „wohngeld-beantragen“.';
    } else if (RESERVED_SLUGS.includes(slug)) {
      errors.slug = `„${slug}“ ist die Adresse der Seite „Leistung registrieren“: bitte wählen Sie einen anderen Kurznamen.`;
    }
  }
  if (values.summary.trim() === '') {
    errors.summary = 'Bitte geben Sie eine Kurzbeschreibung an.';
  }
  if (mode === 'register' && values.reuseModel === '') {
    errors.reuseModel = 'Bitte wählen Sie das Nachnutzungsmodell.';
  }
  if (mode === 'register' && choosesOwner && values.ownerKey === '') {
    errors.ownerKey = 'Bitte wählen Sie die Organisation, der die Leistung gehört.';
  }
  for (const row of values.legalBases) {
    if (row.norm.trim() === '' && row.provision.trim() !== '') {
      errors[`legalBases.${row.key}.norm`] =
        'Bitte wählen Sie eine Rechtsnorm oder entfernen Sie diese Rechtsgrundlage.';
    }
  }
  return errors;
}

// ------------------------------------------------------------------ the API's problems at their fields

/** What was sent, to find the field (and the value) that an "input.leikaKeys[3]" names. */
export interface SentLists {
  leikaKeys: string[];
  keywords: string[];
  legalBases: { norm: string }[];
  /** The row each sent legal basis came from (legalBasesInput's keys). */
  rowKeys: string[];
}

export function sentLists(values: ServiceFormValues): SentLists {
  const { legalBases, keys } = legalBasesInput(values.legalBases);
  return {
    leikaKeys: parseLeikaKeys(values.leikaKeys),
    keywords: parseKeywords(values.keywords),
    legalBases,
    rowKeys: keys,
  };
}

const FIELD_NAMES = new Set<string>(Object.keys(FIELD_LABEL));

/** Problems that name no field but belong to one, by their reason. */
const FIELD_BY_REASON: Record<string, FieldName> = { SLUG_TAKEN: 'slug' };

/**
 * The API's problems put at the form's fields: BAD_USER_INPUT names its argument path in
 * extensions.field ("input.leikaKeys[2]", "input.legalBases[0].norm"); a few problems without a
 * field belong to one by their reason (SLUG_TAKEN). The message loses its path prefix and, where
 * it starts in the middle of a sentence ("ist kein LeiKa-Schlüssel: …"), gets its subject: the
 * value at fault, or the field's label. The first problem of a field wins; the rest, and every
 * problem no field owns, go to the form's summary.
 */
export function problemsAtFields(
  problems: readonly ApiProblem[],
  sent: SentLists,
  rows: readonly LegalBasisRow[],
): { errors: FieldErrors; others: ApiProblem[] } {
  const errors: FieldErrors = {};
  const others: ApiProblem[] = [];
  for (const problem of problems) {
    const place = placeOf(problem, sent);
    if (!place || errors[place.key]) {
      others.push(problem);
      continue;
    }
    errors[place.key] = fieldMessage(problem, place.value ?? labelOf(place.key, rows));
  }
  return { errors, others };
}

function placeOf(problem: ApiProblem, sent: SentLists): { key: FieldKey; value?: string } | null {
  if (!problem.field) {
    const key = problem.reason ? FIELD_BY_REASON[problem.reason] : undefined;
    return key ? { key } : null;
  }
  const match = /^(?:input\.)?(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(problem.field);
  if (!match) {
    return null;
  }
  const [, name, indexText, member] = match;
  const index = indexText === undefined ? null : Number(indexText);
  if (name === 'legalBases') {
    const rowKey = index === null ? undefined : sent.rowKeys[index];
    if (index === null || !rowKey) {
      return null;
    }
    const part = member === 'provision' ? 'provision' : 'norm';
    return {
      key: `legalBases.${rowKey}.${part}`,
      value: part === 'norm' ? quoted(sent.legalBases[index]?.norm) : undefined,
    };
  }
  if (name === 'maturityModel') {
    return { key: 'maturityLevel' }; // one choice in the form: level and model
  }
  if (!FIELD_NAMES.has(name)) {
    return null;
  }
  const key = name as FieldName;
  if (index !== null && (key === 'leikaKeys' || key === 'keywords')) {
    return { key, value: quoted(sent[key][index]) };
  }
  return { key };
}

function quoted(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : `„${value}“`;
}

/**
 * "input.leikaKeys[0]: ist kein LeiKa-Schlüssel: …" → "„123“ ist kein LeiKa-Schlüssel: …": the
 * path dropped, and a subject in front where the message starts with a lower-case word.
 */
export function fieldMessage(problem: ApiProblem, subject: string): string {
  const text =
    problem.field && problem.message.startsWith(`${problem.field}: `)
      ? problem.message.slice(problem.field.length + 2)
      : problem.message;
  return /^\p{Ll}/u.test(text) ? `${subject} ${text}` : text;
}

/**
 * The API's problems at some fields of a form, each message with its field's label in front
 * (fieldMessage), and the rest for the form's summary. `fields` maps an argument name (as
 * problemFor matches it) to the label the field shows.
 */
export function problemsAt<F extends string>(
  problems: readonly ApiProblem[],
  fields: Record<F, string>,
): { at: Partial<Record<F, string>>; others: ApiProblem[] } {
  const names = Object.keys(fields) as F[];
  const { errors, others } = problemsByField<F>(
    problems,
    (name) => names.find((field) => name === field || name?.endsWith(`.${field}`)),
    (field) => fields[field],
  );
  return { at: errors, others };
}

/**
 * A form's API problems split into one message per field (the first problem for each, with the
 * field's label in front) and the rest for the summary. `fieldOf` names the form field a problem
 * belongs to, from its argument path without "input." (or its reason, e.g. "already exists").
 */
export function problemsByField<F extends string>(
  problems: readonly ApiProblem[],
  fieldOf: (name: string | undefined, problem: ApiProblem) => F | undefined,
  labelOf: (field: F) => string,
): { errors: Partial<Record<F, string>>; others: ApiProblem[] } {
  const errors: Partial<Record<F, string>> = {};
  const others: ApiProblem[] = [];
  for (const problem of problems) {
    const field = fieldOf(problem.field?.replace(/^input\./, ''), problem);
    if (field && !errors[field]) {
      errors[field] = fieldMessage(problem, labelOf(field));
    } else {
      others.push(problem);
    }
  }
  return { errors, others };
}

// ------------------------------------------------------------------ QA policy

export const GATE_KINDS: QaGateKind[] = ['USABILITY', 'SECURITY', 'INTERFACES'];

export type ApprovalCounts = Record<QaGateKind, number>;

/** The policy's rules as a count per gate kind; a kind without a rule needs 0 (is not required). */
export function approvalCounts(
  rules: readonly { kind: QaGateKind; requiredApprovals: number }[],
): ApprovalCounts {
  const counts: ApprovalCounts = { USABILITY: 0, SECURITY: 0, INTERFACES: 0 };
  for (const rule of rules) {
    counts[rule.kind] = rule.requiredApprovals;
  }
  return counts;
}

/** setQaPolicy's rules: one per kind with at least one approval, in the gates' order. */
export function qaRules(counts: ApprovalCounts): { kind: QaGateKind; requiredApprovals: number }[] {
  return GATE_KINDS.filter((kind) => counts[kind] > 0).map((kind) => ({
    kind,
    requiredApprovals: counts[kind],
  }));
}

/**
 * setQaPolicy's problems by gate: "rules[1].requiredApprovals" names the second rule sent, i.e.
 * a kind; "rules" the policy as a whole (`policy`). Anything else goes to the summary.
 */
export function qaProblems(
  problems: readonly ApiProblem[],
  sent: readonly { kind: QaGateKind }[],
): { byKind: Partial<Record<QaGateKind, string>>; policy?: string; others: ApiProblem[] } {
  const byKind: Partial<Record<QaGateKind, string>> = {};
  let policy: string | undefined;
  const others: ApiProblem[] = [];
  for (const problem of problems) {
    const match = problem.field ? /^rules(?:\[(\d+)\])?/.exec(problem.field) : null;
    const kind = match?.[1] === undefined ? undefined : sent[Number(match[1])]?.kind;
    if (kind && !byKind[kind]) {
      byKind[kind] = fieldMessage(problem, 'Die Zahl der Freigaben');
    } else if (match && match[1] === undefined && !policy) {
      policy = fieldMessage(problem, 'Die QA-Richtlinie');
    } else {
      others.push(problem);
    }
  }
  return { byKind, policy, others };
}
