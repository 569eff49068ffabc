import { Document, Scalar } from 'yaml';
import {
  licenseProblem,
  MAX_SERVICE_DESCRIPTION,
  MAX_SERVICE_NAME,
  MAX_SERVICE_SUMMARY,
} from '#src/catalogue/catalogue.rules';
import { MaturityModel, ReuseModel, ServiceLifecycle, Themenfeld } from '#src/catalogue/catalogue-enums';
import type { UpdateServiceInput } from '#src/catalogue/dto/update-service.input';
import type { PubliccodeProblem } from '#src/common/errors/messages';
import { httpsUrlProblem } from '#src/common/validation/text';
import { InterfaceKind } from '#src/organisations/organisation-kind';
import { clustersOf, graphemes, type Place, type PubliccodeFile } from './publiccode-reader';
import {
  LONG_DESCRIPTION_MAX,
  LONG_DESCRIPTION_MIN,
  SHORT_DESCRIPTION_MAX,
  WRITTEN_VERSION,
  type Category,
  type DevelopmentStatus,
  type MaintenanceType,
  type Scope,
} from './publiccode-standard';

/**
 * The mapping between a service and its publiccode.yml, both ways (docs/opencode.md, "Field
 * mapping"): what the export writes for each of the registry's fields, and what an import takes
 * back. An import takes a value only where it differs from what the export would write for the
 * service as it is, so exporting and importing again changes nothing, even where the export had
 * to shorten, fill in or stand in for a value. Pure: no framework.
 */

/** The service's fields the export reads (all public, as the catalogue shows them). */
export type ServiceFacts = {
  slug: string;
  name: string;
  summary: string;
  description: string | null;
  leikaKeys: readonly string[];
  themenfeld: Themenfeld | null;
  maturityLevel: number | null;
  maturityModel: MaturityModel | null;
  sdgRelevant: boolean;
  lifecycle: ServiceLifecycle;
  reuseModel: ReuseModel;
  license: string | null;
  repositoryUrl: string | null;
};

export interface InterfaceFact {
  name: string;
  kind: InterfaceKind;
  version: string;
}

export interface ExportFacts {
  service: ServiceFacts;
  /** The owning organisation's name. */
  ownerName: string;
  /** The latest release (the highest PUBLISHED, neither a pre-release nor deprecated), with its interfaces. */
  latest: { version: string; publishedAt: Date; interfaces: InterfaceFact[] } | null;
  /** The https addresses of the norms the service cites, in the order cited. */
  normUrls: readonly string[];
  /** Where the registry's pages are (PUBLIC_URL). */
  publicUrl: string;
}

/** The console's page of the service: the file's landingURL, and its url while no repository is linked. */
export const servicePage = (publicUrl: string, slug: string) =>
  `${publicUrl}/leistungen/${encodeURIComponent(slug)}`;

/**
 * The licence written for a service that records none: the standard requires legal.license, and
 * a LicenseRef- is a valid SPDX expression that claims no licence. An import leaves it unset.
 */
export const LICENSE_NOT_RECORDED = 'LicenseRef-nicht-erfasst';

const DEVELOPMENT_STATUS: Record<ServiceLifecycle, DevelopmentStatus> = {
  [ServiceLifecycle.CONCEPT]: 'concept',
  [ServiceLifecycle.DEVELOPMENT]: 'development',
  [ServiceLifecycle.ACTIVE]: 'stable',
  // Takes no new subscriptions: not to be adopted any more, though still maintained (maintenance below).
  [ServiceLifecycle.DEPRECATED]: 'obsolete',
  [ServiceLifecycle.RETIRED]: 'obsolete',
};

/** Themenfeld -> the standard's categories and scopes where one fits (none where none does). */
const THEMENFELD_FIT: Record<Themenfeld, { categories: Category[]; scope: Scope[] }> = {
  [Themenfeld.ARBEIT_RUHESTAND]: { categories: [], scope: ['employment', 'welfare'] },
  [Themenfeld.BAUEN_WOHNEN]: { categories: [], scope: [] },
  [Themenfeld.BILDUNG]: { categories: [], scope: ['education'] },
  [Themenfeld.EIN_AUSWANDERUNG]: { categories: [], scope: [] },
  [Themenfeld.ENGAGEMENT_HOBBY]: { categories: [], scope: ['society'] },
  [Themenfeld.FAMILIE_KIND]: { categories: [], scope: ['welfare'] },
  [Themenfeld.FORSCHUNG_FOERDERUNG]: { categories: ['grant-management'], scope: ['research'] },
  [Themenfeld.GESUNDHEIT]: { categories: [], scope: ['healthcare'] },
  [Themenfeld.MOBILITAET_REISEN]: { categories: [], scope: ['transportation'] },
  [Themenfeld.QUERSCHNITTSLEISTUNGEN]: { categories: [], scope: ['government'] },
  [Themenfeld.RECHT_ORDNUNG]: { categories: [], scope: ['justice'] },
  [Themenfeld.STEUERN_ZOLL]: { categories: ['taxes-management'], scope: [] },
  [Themenfeld.UMWELT]: { categories: [], scope: ['environment'] },
  [Themenfeld.UNTERNEHMENSFUEHRUNG_ENTWICKLUNG]: {
    categories: [],
    scope: ['finance-and-economic-development'],
  },
};

/** The Themenfelder in German, as the console names them (web/src/ui/labels.ts; the spec compares). */
export const THEMENFELD_DE: Record<Themenfeld, string> = {
  [Themenfeld.ARBEIT_RUHESTAND]: 'Arbeit & Ruhestand',
  [Themenfeld.BAUEN_WOHNEN]: 'Bauen & Wohnen',
  [Themenfeld.BILDUNG]: 'Bildung',
  [Themenfeld.EIN_AUSWANDERUNG]: 'Ein- & Auswanderung',
  [Themenfeld.ENGAGEMENT_HOBBY]: 'Engagement & Hobby',
  [Themenfeld.FAMILIE_KIND]: 'Familie & Kind',
  [Themenfeld.FORSCHUNG_FOERDERUNG]: 'Forschung & Förderung',
  [Themenfeld.GESUNDHEIT]: 'Gesundheit',
  [Themenfeld.MOBILITAET_REISEN]: 'Mobilität & Reisen',
  [Themenfeld.QUERSCHNITTSLEISTUNGEN]: 'Querschnittsleistungen',
  [Themenfeld.RECHT_ORDNUNG]: 'Recht & Ordnung',
  [Themenfeld.STEUERN_ZOLL]: 'Steuern & Zoll',
  [Themenfeld.UMWELT]: 'Umwelt',
  [Themenfeld.UNTERNEHMENSFUEHRUNG_ENTWICKLUNG]: 'Unternehmensführung & -entwicklung',
};

const REUSE_FEATURE: Record<ReuseModel, string> = {
  [ReuseModel.EFA_CENTRAL]:
    'Nachnutzung nach „Einer für Alle“: eine Verwaltung betreibt die Leistung zentral, andere schließen sich an',
  [ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION]:
    'Zentral entwickelt, von jeder nachnutzenden Verwaltung selbst betrieben',
  [ReuseModel.SELF_HOSTED_OPEN_SOURCE]: 'Open Source zum Betrieb durch jede nachnutzende Verwaltung',
};

/** The levels of Reifegradmodell 1.1 by name (domain.md, "Other catalogue fields"). */
const LEVELS_1_1 = ['Offline', 'Information', 'Formular-Assistent', 'Online-Leistung', 'Online-Transaktion'];

const INTERFACE_FEATURE: Record<InterfaceKind, (name: string) => string> = {
  [InterfaceKind.XOEV_STANDARD]: (name) => `Datenaustausch nach ${name}`,
  [InterfaceKind.TRANSPORT]: (name) => `Übermittlung über ${name}`,
  [InterfaceKind.PORTAL_COMPONENT]: (name) => `Anbindung an ${name}`,
  [InterfaceKind.OTHER]: (name) => `Schnittstelle ${name}`,
};

// ------------------------------------------------------------------ export

/** description.de.shortDescription: the summary on one line, shortened at a word to the standard's 150. */
export function shortDescriptionOf(summary: string): string {
  return shorten(summary.replace(/\s+/g, ' ').trim(), SHORT_DESCRIPTION_MAX);
}

/**
 * description.de.longDescription: the description where it has the standard's 150 characters;
 * otherwise the summary, the description and a paragraph on the registry's entry (the standard
 * asks for 150 to 10,000 characters, and many services have a summary only).
 */
export function longDescriptionOf(service: ServiceFacts, publicUrl: string): string {
  const description = service.description?.trim() ?? '';
  if (graphemes(description) >= LONG_DESCRIPTION_MIN) {
    return shorten(description, LONG_DESCRIPTION_MAX);
  }
  const where = service.themenfeld ? ` im Themenfeld ${THEMENFELD_DE[service.themenfeld]}` : '';
  const registry =
    `Diese Online-Leistung nach dem Onlinezugangsgesetz (OZG)${where} ist im Nachnutzungsregister verzeichnet. ` +
    'Dort stehen ihre Versionen mit den Prüfungen vor jeder Veröffentlichung, ihre Rechtsgrundlagen und ' +
    `die Bedingungen der Nachnutzung: ${servicePage(publicUrl, service.slug)}`;
  const parts = [service.summary.trim(), description, registry].filter(
    (part, i, all) => part !== '' && all.indexOf(part) === i,
  );
  return shorten(parts.join('\n\n'), LONG_DESCRIPTION_MAX);
}

/** The url: the linked repository, else the service's page (the standard's unique identifier; docs/opencode.md). */
export const urlOf = (service: ServiceFacts, publicUrl: string) =>
  service.repositoryUrl ?? servicePage(publicUrl, service.slug);

export const licenseOf = (service: Pick<ServiceFacts, 'license'>) => service.license ?? LICENSE_NOT_RECORDED;

/** description.de.features: what the registry knows that a decision maker asks about, in German. */
function featuresOf(facts: ExportFacts): string[] {
  const { service } = facts;
  const features = [REUSE_FEATURE[service.reuseModel]];
  if (service.maturityLevel !== null && service.maturityModel !== null) {
    const model = service.maturityModel === MaturityModel.V1_1 ? '1.1' : '2.0';
    const name =
      service.maturityModel === MaturityModel.V1_1 ? ` (${LEVELS_1_1[service.maturityLevel]})` : '';
    features.push(`OZG-Reifegrad ${service.maturityLevel}${name} nach dem Reifegradmodell ${model}`);
  }
  if (service.sdgRelevant) {
    features.push('Verfahren des Single Digital Gateway (Verordnung (EU) 2018/1724, Anhang II)');
  }
  for (const key of service.leikaKeys) {
    features.push(`Leistungsschlüssel (LeiKa) ${key}`);
  }
  for (const use of facts.latest?.interfaces ?? []) {
    features.push(`${INTERFACE_FEATURE[use.kind](use.name)} ${use.version}`);
  }
  return [...new Set(features)];
}

/** The publiccode.yml document of a service, keys in the standard's order. */
export function publiccodeOf(facts: ExportFacts): Record<string, unknown> {
  const { service, publicUrl, latest } = facts;
  const fit = service.themenfeld ? THEMENFELD_FIT[service.themenfeld] : { categories: [], scope: [] };
  // The cited norms are the regulations it complies with; a site's root (a state's law portal)
  // names no norm, so only addresses with a path to the norm's own page count.
  const supports = [...new Set(facts.normUrls)].filter((url) => new URL(url).pathname !== '/');
  const maintenance: MaintenanceType = service.lifecycle === ServiceLifecycle.RETIRED ? 'none' : 'internal';
  // Transports and portal components are systems a service needs while it runs: dependsOn. Their
  // licences are not recorded, and they are platforms one connects to, so: proprietary.
  const dependencies = (latest?.interfaces ?? [])
    .filter((use) => use.kind === InterfaceKind.TRANSPORT || use.kind === InterfaceKind.PORTAL_COMPONENT)
    .filter((use, i, all) => all.findIndex((u) => u.name === use.name && u.version === use.version) === i)
    .map((use) => ({ name: use.name, version: quoted(use.version) }));
  return {
    publiccodeYmlVersion: quoted(WRITTEN_VERSION),
    name: service.name,
    url: urlOf(service, publicUrl),
    landingURL: servicePage(publicUrl, service.slug),
    ...(latest
      ? {
          softwareVersion: quoted(latest.version),
          releaseDate: quoted(latest.publishedAt.toISOString().slice(0, 10)),
        }
      : {}),
    platforms: ['web'],
    categories: ['digital-citizenship', ...fit.categories],
    developmentStatus: DEVELOPMENT_STATUS[service.lifecycle],
    softwareType: 'standalone/web',
    ...(supports.length > 0 ? { supports: supports.map((id) => ({ id })) } : {}),
    intendedAudience: { ...(fit.scope.length > 0 ? { scope: fit.scope } : {}), countries: ['DE'] },
    description: {
      de: {
        shortDescription: shortDescriptionOf(service.summary),
        longDescription: literal(longDescriptionOf(service, publicUrl)),
        features: featuresOf(facts),
      },
    },
    legal: { license: licenseOf(service), mainCopyrightOwner: facts.ownerName },
    maintenance: {
      type: maintenance,
      // The registry keeps no people's names or addresses: the owner stands in for its staff.
      ...(maintenance === 'internal'
        ? { contacts: [{ name: facts.ownerName, affiliation: facts.ownerName }] }
        : {}),
    },
    localisation: { localisationReady: false, availableLanguages: ['de'] },
    ...(dependencies.length > 0 ? { dependsOn: { proprietary: dependencies } } : {}),
  };
}

/** The YAML text (UTF-8, YAML 1.2) with a comment naming where it comes from. */
export function writePubliccode(facts: ExportFacts): string {
  const document = new Document(publiccodeOf(facts), { version: '1.2' });
  document.commentBefore =
    ` publiccode.yml (https://yml.publiccode.tools) of "${facts.service.name.replace(/\s+/g, ' ')}",\n` +
    ` written by the Nachnutzungsregister from ${servicePage(facts.publicUrl, facts.service.slug)}`;
  return document.toString({ lineWidth: 100, minContentWidth: 40 });
}

/** Versions and dates quoted, so that no YAML 1.1 reader takes them for numbers or timestamps. */
function quoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** Long texts as literal blocks: their lines as written. */
function literal(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.BLOCK_LITERAL;
  return scalar;
}

/** The text cut at a word to at most `max` grapheme clusters, "…" included. */
export function shorten(text: string, max: number): string {
  if (graphemes(text) <= max) {
    return text;
  }
  const clusters = clustersOf(text);
  const head = clusters.slice(0, max - 1).join('');
  const atWord = head.replace(/\s+\S*$/, '');
  return `${(atWord.length >= head.length / 2 ? atWord : head).trimEnd()}…`;
}

// ------------------------------------------------------------------ import

/** The fields an import may change; the registry owns everything else (docs/opencode.md). */
export type ImportedField = 'name' | 'summary' | 'description' | 'license' | 'repositoryUrl';

export interface FieldChange {
  field: ImportedField;
  /** The publiccode.yml key it comes from. */
  key: string;
  before: string | null;
  after: string | null;
}

export enum PubliccodeSkipReason {
  /** description has no German entry (de, de-DE, …): summary and description stay. */
  NO_GERMAN_DESCRIPTION = 'NO_GERMAN_DESCRIPTION',
  /** legal.license is an expression (OR, AND, WITH, +) or a LicenseRef-: the registry keeps one SPDX identifier. */
  LICENSE_EXPRESSION = 'LICENSE_EXPRESSION',
  /** url is not https://: repositoryUrl takes https only. */
  URL_NOT_HTTPS = 'URL_NOT_HTTPS',
}

export interface Skip {
  key: string;
  line: number;
  reason: PubliccodeSkipReason;
}

export interface ImportPlan {
  changes: FieldChange[];
  skipped: Skip[];
  /** Values the registry cannot take (a name over its 200 characters): the import stops. */
  problems: PubliccodeProblem[];
}

/** The German entry of description: `de`, else the first `de-…`. */
function germanOf(
  file: PubliccodeFile,
): { key: string; entry: PubliccodeFile['description'][string] } | null {
  const keys = Object.keys(file.description);
  const key = keys.find((k) => k === 'de') ?? keys.find((k) => /^de-/i.test(k));
  return key ? { key: `description.${key}`, entry: file.description[key] } : null;
}

const sameUrl = (a: string, b: string) => {
  const normal = (url: string) =>
    url
      .trim()
      .replace(/\/+$/, '')
      .replace(/\.git$/, '')
      .toLowerCase();
  return normal(a) === normal(b);
};

/**
 * What importing the file would change on the service as it is: each imported key compared with
 * what the export writes for the service now. `placeOf` gives a key's line for the problems.
 */
export function importPlan(
  file: PubliccodeFile,
  placeOf: (field: string) => Place,
  service: ServiceFacts,
  publicUrl: string,
): ImportPlan {
  const plan: ImportPlan = { changes: [], skipped: [], problems: [] };
  const propose = (field: ImportedField, key: string, after: string | null, max?: number) => {
    if (max !== undefined && after !== null && after.length > max) {
      plan.problems.push({ rule: 'REGISTRY_TOO_LONG', max, ...placeOf(key), field: key });
      return;
    }
    const before = service[field];
    if (before !== after) {
      plan.changes.push({ field, key, before, after });
    }
  };
  const skip = (key: string, reason: PubliccodeSkipReason) =>
    plan.skipped.push({ key, line: placeOf(key).line, reason });

  const name = file.name.trim();
  if (name !== service.name) {
    propose('name', 'name', name, MAX_SERVICE_NAME);
  }

  const german = germanOf(file);
  if (!german) {
    skip('description', PubliccodeSkipReason.NO_GERMAN_DESCRIPTION);
  } else {
    const short = german.entry.shortDescription.replace(/\s+/g, ' ').trim();
    if (short !== shortDescriptionOf(service.summary)) {
      propose('summary', `${german.key}.shortDescription`, short, MAX_SERVICE_SUMMARY);
    }
    const long = german.entry.longDescription.trim();
    if (long !== longDescriptionOf(service, publicUrl)) {
      propose('description', `${german.key}.longDescription`, long, MAX_SERVICE_DESCRIPTION);
    }
  }

  const license = file.legal.license.trim();
  if (license !== licenseOf(service)) {
    if (licenseProblem(license) === null) {
      propose('license', 'legal.license', license);
    } else {
      skip('legal.license', PubliccodeSkipReason.LICENSE_EXPRESSION);
    }
  }

  const url = file.url.trim();
  // A page of this registry stands for "no repository" (an export made before one was linked):
  // it never replaces the repository link.
  const registryPage = url.startsWith(`${publicUrl}/leistungen/`);
  if (!registryPage && !sameUrl(url, urlOf(service, publicUrl))) {
    if (httpsUrlProblem(url) === null) {
      propose('repositoryUrl', 'url', url);
    } else {
      skip('url', PubliccodeSkipReason.URL_NOT_HTTPS);
    }
  }
  return plan;
}

/** The plan's changes as the fields of an update (service-fields.ts checks them as updateService's). */
export function updateOf(changes: readonly FieldChange[]): UpdateServiceInput {
  const input: UpdateServiceInput = {};
  for (const { field, after } of changes) {
    if (field === 'name' || field === 'summary') {
      // Never null: the file's name and shortDescription are required (the reader checked them).
      input[field] = after ?? undefined;
    } else {
      input[field] = after;
    }
  }
  return input;
}
