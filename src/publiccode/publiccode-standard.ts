/**
 * The publiccode.yml standard as this registry reads and writes it: its versions, its controlled
 * vocabularies and its keys with their types and limits. Sources (docs/opencode.md, "The standard"):
 * the standard's repository publiccodeyml/publiccode.yml at v0.7.0 (docs/standard/schema.core.rst,
 * categories-list.rst, scope-list.rst, aliases-list.rst, schema.it.rst) and its reference parser
 * italia/publiccode-parser-go v5.4 (v0.go: the keys and their validation tags; publiccode.go:
 * SupportedVersions; validators/v0.go: the vocabularies; fields.go: the rules beyond the tags),
 * whose validation is the standard's in practice. Pure data, no framework.
 */

/** The version the export writes: the current one (0.7.0, June 2026; 0.6 changed nothing in the keys). */
export const WRITTEN_VERSION = '0.7';

/** The versions the reference parser reads (publiccode.go); "0" means the newest 0.x. */
export const SUPPORTED_VERSIONS = [
  '0',
  '0.2',
  '0.2.0',
  '0.2.1',
  '0.2.2',
  '0.3',
  '0.3.0',
  '0.4',
  '0.4.0',
  '0.5',
  '0.5.0',
  '0.7',
  '0.7.0',
] as const;

/** categories-list.rst (v0.7.0), the same as the parser's supportedCategoriesV0. */
export const CATEGORIES = [
  'accounting',
  'agile-project-management',
  'applicant-tracking',
  'application-development',
  'appointment-scheduling',
  'backup',
  'billing-and-invoicing',
  'blog',
  'budgeting',
  'business-intelligence',
  'business-process-management',
  'cad',
  'call-center-management',
  'cloud-management',
  'collaboration',
  'communications',
  'compliance-management',
  'contact-management',
  'content-management',
  'crm',
  'customer-service-and-support',
  'data-analytics',
  'data-collection',
  'data-visualization',
  'design',
  'design-system',
  'digital-asset-management',
  'digital-citizenship',
  'document-management',
  'donor-management',
  'e-commerce',
  'e-signature',
  'educational-content',
  'email-management',
  'email-marketing',
  'employee-management',
  'enterprise-project-management',
  'enterprise-social-networking',
  'erp',
  'event-management',
  'facility-management',
  'feedback-and-reviews-management',
  'financial-reporting',
  'fleet-management',
  'fundraising',
  'gamification',
  'geographic-information-systems',
  'grant-management',
  'graphic-design',
  'help-desk',
  'hr',
  'ide',
  'identity-management',
  'instant-messaging',
  'integrated-library-system',
  'inventory-management',
  'it-asset-management',
  'it-development',
  'it-management',
  'it-security',
  'it-service-management',
  'knowledge-management',
  'learning-management-system',
  'marketing',
  'mind-mapping',
  'mobile-marketing',
  'mobile-payment',
  'network-management',
  'office',
  'online-booking',
  'online-community',
  'payment-gateway',
  'payroll',
  'predictive-analysis',
  'procurement',
  'productivity-suite',
  'project-collaboration',
  'project-management',
  'property-management',
  'real-estate-management',
  'regulations-and-directives',
  'remote-support',
  'resource-management',
  'sales-management',
  'seo',
  'service-desk',
  'social-media-management',
  'survey',
  'talent-management',
  'task-management',
  'taxes-management',
  'test-management',
  'time-management',
  'time-tracking',
  'translation',
  'video-conferencing',
  'video-editing',
  'visitor-management',
  'voip',
  'warehouse-management',
  'web-collaboration',
  'web-conferencing',
  'website-builder',
  'whistleblowing',
  'workflow-management',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** scope-list.rst (v0.7.0): intendedAudience.scope. */
export const SCOPES = [
  'agriculture',
  'culture',
  'defence',
  'education',
  'emergency-services',
  'employment',
  'energy',
  'environment',
  'finance-and-economic-development',
  'foreign-affairs',
  'government',
  'healthcare',
  'infrastructures',
  'justice',
  'local-authorities',
  'manufacturing',
  'research',
  'science-and-technology',
  'security',
  'society',
  'sport',
  'tourism',
  'transportation',
  'welfare',
] as const;
export type Scope = (typeof SCOPES)[number];

/** aliases-list.rst (v0.7.0): `supports[].id` as alias:<name>. */
export const SUPPORT_ALIASES = [
  'gdpr',
  'eidas',
  'nis2',
  'cra',
  'spid',
  'cie',
  'anpr',
  'pagopa',
  'io',
] as const;

export const DEVELOPMENT_STATUSES = ['concept', 'development', 'beta', 'stable', 'obsolete'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

export const SOFTWARE_TYPES = [
  'standalone/mobile',
  'standalone/iot',
  'standalone/desktop',
  'standalone/web',
  'standalone/backend',
  'standalone/other',
  'addon',
  'library',
  'configurationFiles',
] as const;

export const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'] as const;
export type MaintenanceType = (typeof MAINTENANCE_TYPES)[number];

/** The limits of description.[lang], counted in grapheme clusters as the parser counts them (uniseg). */
export const SHORT_DESCRIPTION_MAX = 150;
export const LONG_DESCRIPTION_MIN = 150;
export const LONG_DESCRIPTION_MAX = 10_000;
export const GENERIC_NAME_MAX = 35;

// ------------------------------------------------------------------ the keys

/** How a string value is checked beyond its type. */
export type Format =
  | 'url' // the parser's url_url: a URL with a scheme
  | 'httpUrl' // url_http_url: http or https with a host
  | 'date' // YYYY-MM-DD, a real day
  | 'email'
  | 'language' // BCP 47 (bcp47_strict_language_tag)
  | 'country' // ISO 3166-1 alpha-2, all upper or all lower case
  | 'spdx' // an SPDX license expression
  | 'mimeType'
  | 'organisationUri' // a URI with scheme and host, or a URN
  | 'supportsId'; // alias:<name> or a URI

export type Spec =
  | {
      type: 'string';
      required?: boolean;
      max?: number;
      min?: number;
      format?: Format;
      oneOf?: readonly string[];
      /** The standard's vocabulary it is one of, named in the problem instead of its values. */
      list?: 'categories' | 'scope';
      /** A file of the repository: a relative path or an http(s) URL, of these types. */
      file?: 'logo' | 'image' | 'any';
    }
  | { type: 'boolean'; required?: boolean }
  | { type: 'list'; of: Spec; required?: boolean; nonEmpty?: boolean }
  | { type: 'stringOrList'; of: Spec }
  | { type: 'object'; keys: Readonly<Record<string, Spec>>; required?: boolean }
  /** description: one entry per language, its key a BCP 47 tag. */
  | { type: 'languages'; of: Spec; required?: boolean };

const str = (extra: Omit<Extract<Spec, { type: 'string' }>, 'type'> = {}): Spec => ({
  type: 'string',
  ...extra,
});
const bool = (required = false): Spec => ({ type: 'boolean', required });
const list = (of: Spec, extra: { required?: boolean; nonEmpty?: boolean } = {}): Spec => ({
  type: 'list',
  of,
  ...extra,
});
const object = (keys: Record<string, Spec>, required = false): Spec => ({ type: 'object', keys, required });

const ORGANISATION = object({ name: str(), uri: str({ required: true, format: 'organisationUri' }) });
const DEPENDENCY = object({
  name: str({ required: true }),
  versionMin: str(),
  versionMax: str(),
  optional: bool(),
  version: str(),
});
const COUNTRY_SECTION_IT = object({
  countryExtensionVersion: str({ oneOf: ['0.2', '1.0'] }),
  conforme: object({
    lineeGuidaDesign: bool(),
    modelloInteroperabilita: bool(),
    misureMinimeSicurezza: bool(),
    gdpr: bool(),
  }),
  riuso: object({ codiceIPA: str() }),
  piattaforme: object({ spid: bool(), pagopa: bool(), cie: bool(), anpr: bool(), io: bool() }),
});

/**
 * Every key of a publiccode.yml 0.x (the parser's PublicCodeV0, one shape for all 0.x versions),
 * deprecated ones included: a file may still carry them. A key not here is UNKNOWN_KEY. The rules
 * between keys (maintenance contractors and contacts, IT beside it) are the reader's.
 */
export const PUBLICCODE_KEYS: Readonly<Record<string, Spec>> = {
  publiccodeYmlVersion: str({ required: true }),
  name: str({ required: true }),
  applicationSuite: str(),
  url: str({ required: true, format: 'url' }),
  landingURL: str({ format: 'httpUrl' }),
  isBasedOn: { type: 'stringOrList', of: str({ format: 'url' }) },
  softwareVersion: str(),
  releaseDate: str({ format: 'date' }),
  logo: str({ file: 'logo' }),
  monochromeLogo: str({ file: 'logo' }),
  organisation: ORGANISATION,
  inputTypes: list(str({ format: 'mimeType' })),
  outputTypes: list(str({ format: 'mimeType' })),
  platforms: list(str(), { required: true, nonEmpty: true }),
  categories: list(str({ oneOf: CATEGORIES, list: 'categories' })),
  usedBy: list(str()),
  fundedBy: list(ORGANISATION),
  roadmap: str({ format: 'httpUrl' }),
  developmentStatus: str({ required: true, oneOf: DEVELOPMENT_STATUSES }),
  softwareType: str({ required: true, oneOf: SOFTWARE_TYPES }),
  supports: list(object({ id: str({ required: true, format: 'supportsId' }) })),
  intendedAudience: object({
    scope: list(str({ oneOf: SCOPES, list: 'scope' })),
    countries: list(str({ format: 'country' })),
    unsupportedCountries: list(str({ format: 'country' })),
  }),
  description: {
    type: 'languages',
    required: true,
    of: object({
      localisedName: str(),
      genericName: str({ max: GENERIC_NAME_MAX }),
      shortDescription: str({ required: true, max: SHORT_DESCRIPTION_MAX }),
      longDescription: str({ required: true, min: LONG_DESCRIPTION_MIN, max: LONG_DESCRIPTION_MAX }),
      documentation: str({ format: 'httpUrl' }),
      apiDocumentation: str({ format: 'httpUrl' }),
      features: list(str(), { required: true, nonEmpty: true }),
      screenshots: list(str({ file: 'image' })),
      videos: list(str({ format: 'httpUrl' })),
      awards: list(str()),
    }),
  },
  legal: object(
    {
      license: str({ required: true, format: 'spdx' }),
      mainCopyrightOwner: str(),
      repoOwner: str(),
      authorsFile: str({ file: 'any' }),
    },
    true,
  ),
  maintenance: object(
    {
      type: str({ required: true, oneOf: MAINTENANCE_TYPES }),
      contractors: list(
        object({
          name: str({ required: true }),
          email: str({ format: 'email' }),
          website: str({ format: 'httpUrl' }),
          until: str({ required: true, format: 'date' }),
        }),
      ),
      contacts: list(
        object({
          name: str({ required: true }),
          email: str({ format: 'email' }),
          affiliation: str(),
          phone: str(),
        }),
      ),
    },
    true,
  ),
  localisation: object(
    {
      localisationReady: bool(true),
      availableLanguages: list(str({ format: 'language' }), { required: true, nonEmpty: true }),
    },
    true,
  ),
  dependsOn: object({ open: list(DEPENDENCY), proprietary: list(DEPENDENCY), hardware: list(DEPENDENCY) }),
  IT: COUNTRY_SECTION_IT,
  it: COUNTRY_SECTION_IT,
};
