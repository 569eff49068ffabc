import type { MaturityModel } from '../graphql/generated/enums';

/**
 * The OZG Reifegrad, always with its model (docs/domain.md, "Reifegrad"). Model 1.1 (June 2020)
 * names its five levels officially; level 3 counts as OZG-compliant. Model 2.0 (July 2025, 0 to
 * 7) replaced it; the sources reachable when this was written describe its levels in groups only
 * (0 offline, 1-3 the online application, 4-6 digital handling inside the administration, 7 fully
 * end-to-end), so the console names each 2.0 level by its group.
 */
export interface MaturityModelInfo {
  model: MaturityModel;
  /** "2.0", as people write it. */
  name: string;
  /** The heading of its levels in a choice. */
  label: string;
  /** Each level's name, by level. */
  levels: readonly string[];
}

const ONLINE_APPLICATION = 'Online-Antragsdienst';
const INSIDE_ADMINISTRATION = 'digitale Bearbeitung in der Verwaltung';

/** The models, the current one first. */
export const MATURITY_MODELS: readonly MaturityModelInfo[] = [
  {
    model: 'V2_0',
    name: '2.0',
    label: 'Reifegradmodell 2.0 (seit Juli 2025)',
    levels: [
      'nur offline',
      ONLINE_APPLICATION,
      ONLINE_APPLICATION,
      ONLINE_APPLICATION,
      INSIDE_ADMINISTRATION,
      INSIDE_ADMINISTRATION,
      INSIDE_ADMINISTRATION,
      'vollständig Ende-zu-Ende digital',
    ],
  },
  {
    model: 'V1_1',
    name: '1.1',
    label: 'Reifegradmodell 1.1 (bis Juni 2025)',
    levels: ['offline', 'Information', 'Formularassistent', 'Online-Leistung', 'Online-Transaktion'],
  },
];

export interface Maturity {
  model: MaturityModel;
  level: number;
}

/** A Reifegrad filter: a level in its model, or (level null) every rating in the model. */
export interface MaturityFilter {
  model: MaturityModel;
  level: number | null;
}

const info = (model: MaturityModel): MaturityModelInfo =>
  MATURITY_MODELS.find((candidate) => candidate.model === model) ?? MATURITY_MODELS[1];

/** "3 – Online-Leistung", a level's name within its model. */
export function levelText(level: number, model: MaturityModel): string {
  const name = info(model).levels[level];
  return name ? `${level} – ${name}` : String(level);
}

/** "3 – Online-Leistung (Modell 1.1)", or "Nicht angegeben" for a service without a Reifegrad. */
export function maturityText(
  level: number | null | undefined,
  model: MaturityModel | null | undefined,
): string {
  if (level === null || level === undefined) {
    return 'Nicht angegeben';
  }
  const of = info(model ?? 'V1_1');
  return `${levelText(level, of.model)} (Modell ${of.name})`;
}

/** The short form for a list: "3 (Modell 1.1)". */
export function maturityShort(
  level: number | null | undefined,
  model: MaturityModel | null | undefined,
): string {
  return level === null || level === undefined
    ? 'nicht angegeben'
    : `${level} (Modell ${info(model ?? 'V1_1').name})`;
}

/** A choice's value: "V2_0:5", or "V2_0:alle" for every rating in the model. */
export const maturityValue = ({ model, level }: MaturityFilter): string => `${model}:${level ?? 'alle'}`;

/** A rating's choice read back; anything else (a typo in a link, "alle") is no Reifegrad. */
export function parseMaturity(value: string): Maturity | null {
  const filter = parseMaturityFilter(value);
  return filter?.level == null ? null : { model: filter.model, level: filter.level };
}

/** A filter's choice read back: a rating, or "V2_0:alle". */
export function parseMaturityFilter(value: string): MaturityFilter | null {
  const match = /^(V1_1|V2_0):(\d|alle)$/.exec(value);
  if (!match) {
    return null;
  }
  const model = match[1] as MaturityModel;
  if (match[2] === 'alle') {
    return { model, level: null };
  }
  const level = Number(match[2]);
  return level < info(model).levels.length ? { model, level } : null;
}

/** "alle Stufen (Modell 2.0)": the choice of every rating in a model. */
export const wholeModelText = (model: MaturityModel): string => `alle Stufen (Modell ${info(model).name})`;

/** Every rating, grouped by model, as the choices of a select. */
export const MATURITY_CHOICES: readonly { group: string; value: string; label: string }[] =
  MATURITY_MODELS.flatMap((of) =>
    of.levels.map((_, level) => ({
      group: of.label,
      value: maturityValue({ model: of.model, level }),
      label: `${levelText(level, of.model)} (Modell ${of.name})`,
    })),
  );
