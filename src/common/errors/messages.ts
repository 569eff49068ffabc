import type { ErrorCode, RequestErrorCode } from './domain-error';
import type { Language } from './language';

/**
 * The one message catalogue (docs/errors.md lists it): every reason an error can give, with its
 * code and its message in English and in German. The reason is the stable, machine-readable name
 * (extensions.reason); the code the contract's class of failure (extensions.code). The English
 * text is also `Error.message` (logs, tests); the German one is what a client asking for German
 * (Accept-Language: de) reads. German texts address the reader as "Sie" and say what to do.
 *
 * Where the English words come from a rule function (`slugProblem`, `rangeProblem`, …) that
 * names the exact value, the entry takes them as `problem` and English passes them on unchanged;
 * German states the rule in its own words, naming the values it gets as params.
 */
type Code = ErrorCode | RequestErrorCode;

export interface Entry<C extends Code = Code, P = never> {
  readonly code: C;
  readonly en: (params: P) => string;
  readonly de: (params: P) => string;
}

function m<C extends Code, P extends object = Record<never, never>>(
  code: C,
  en: (params: P) => string,
  de: (params: P) => string,
): Entry<C, P> {
  return { code, en, de };
}

const list = (items: readonly string[]) => items.join(', ');

/** The webhook address rules (src/notifications/webhook-address.ts) in German. */
const PUBLIC_ONLY = 'Webhooks gehen nur an Adressen, die aus dem Internet erreichbar sind.';
const WEBHOOK_URL_DE: Record<string, (p: { host?: string; address?: string }) => string> = {
  url: () => 'ist keine gültige Adresse (URL).',
  scheme: () => 'muss mit http:// oder https:// beginnen.',
  https: () => 'muss mit https:// beginnen.',
  credentials: () => 'darf weder Benutzernamen noch Kennwort enthalten.',
  length: () => 'darf höchstens 2.000 Zeichen lang sein.',
  address: (p) =>
    p.host && p.host !== p.address
      ? `führt zu ${p.address}, einer Adresse dieses Rechners oder eines internen Netzes. ${PUBLIC_ONLY}`
      : `${p.address} ist eine Adresse dieses Rechners oder eines internen Netzes. ${PUBLIC_ONLY}`,
  localhost: () => `bezeichnet diesen Rechner (localhost). ${PUBLIC_ONLY}`,
  unresolvable: (p) => `${p.host} lässt sich nicht auflösen: prüfen Sie den Namen des Servers.`,
};

/**
 * The organisation key rules (src/organisations/organisation.rules.ts, docs/domain.md) in German;
 * their names are the rules' names (`KeyRule`), which a refusal gives in extensions.rule.
 */
interface KeyRuleParams {
  rule: KeyRule;
  problem: string;
  land?: string;
  allowed?: string;
  expected?: string;
}
const REGISTER_AS = (kind: string) => `Registrieren Sie sie als ${kind}.`;
const KEY_RULES_DE = {
  ARS_DIGITS: () => 'Ein Amtlicher Regionalschlüssel (ARS) besteht nur aus Ziffern.',
  ARS_LENGTH: () => 'Ein Amtlicher Regionalschlüssel (ARS) hat 12 Stellen, der eines Amtes 9.',
  LAND_CODE: () => 'Die ersten beiden Stellen des ARS sind der Schlüssel eines Landes, 01 bis 16.',
  REGIERUNGSBEZIRK: (p) =>
    p.allowed === '0'
      ? `${p.land} hat keine Regierungsbezirke: die dritte Stelle des ARS ist 0.`
      : `Die dritte Stelle des ARS ist in ${p.land} der Regierungsbezirk: ${p.allowed}.`,
  LAND_KEY: (p) => `Der ARS eines Landes ist sein Schlüssel mit zehn Nullen (${p.expected}).`,
  CITY_STATE: (p) =>
    `${p.land} ist eine einzige Gemeinde: ohne Kreise und Ämter, ihr Schlüssel als Kommune ist ${p.expected}.`,
  AMT_IN_KREIS: (p) =>
    `Ein Amt gehört zu einem Kreis; dies ist der Schlüssel einer kreisfreien Stadt in ${p.land}.`,
  KREIS_PART: () =>
    'Die Stellen 4 und 5 des ARS nennen den Kreis oder die kreisfreie Stadt und sind nicht 00.',
  KREIS_KEY: (p) =>
    `Der ARS eines Kreises ist sein fünfstelliger Kreisschlüssel mit sieben Nullen (${p.expected}).`,
  KREIS_NUMBER: (p) =>
    `In ${p.land} gibt es keinen Kreis und keine kreisfreie Stadt mit diesem Kreisschlüssel.`,
  KREISFREIE_STADT_AS_KREIS: (p) =>
    `Dies ist der Schlüssel einer kreisfreien Stadt in ${p.land}. ${REGISTER_AS('Kommune (MUNICIPALITY)')}`,
  KREIS_KEY_AS_MUNICIPALITY: (p) =>
    `Dies ist der Schlüssel eines Kreises in ${p.land}, nicht einer Gemeinde. ${REGISTER_AS('Kreis (DISTRICT)')}`,
  AMT_VERBAND_DIGIT: () => 'Der Gemeindeverbandsteil (Stellen 6 bis 9) des ARS eines Amtes beginnt mit 5.',
  VERBAND_DIGIT: () =>
    'Der Gemeindeverbandsteil (Stellen 6 bis 9) des ARS einer Gemeinde beginnt mit 0 (amtsfrei) oder 5 (amtsangehörig).',
  AMTSFREIE_GEMEINDE: (p) =>
    `Bei einer amtsfreien Gemeinde ist der Gemeindeverbandsteil 0 und die Gemeindekennziffer (${p.expected}).`,
  AMTSANGEHOERIGE_GEMEINDE: () =>
    'Eine amtsangehörige Gemeinde hat eine Gemeindekennziffer (Stellen 10 bis 12) ungleich 000.',
  KEY_IS_ARS: (p) => `Der Schlüssel einer Behörde ist ihr ARS (${p.expected}).`,
  SLUG: () =>
    'Organisationen ohne ARS tragen einen Kurznamen aus Kleinbuchstaben, Ziffern und „-“, höchstens 80 Zeichen.',
  NO_ARS: () => 'Nur Länder, Kreise, Ämter und Kommunen haben einen ARS.',
  PARENT_KIND: () =>
    'Diese Organisation kann die neue nicht enthalten: Land, Kreis, Amt und Gemeinde enthalten einander in dieser Reihenfolge.',
  PARENT_CONTAINS: () => 'Die übergeordnete Organisation muss den ARS der neuen umfassen.',
  PARENT_IS_AMT: (p) => `Eine amtsangehörige Gemeinde gehört zu ihrem Amt (${p.expected}).`,
  PARENT_IS_KREIS: (p) => `Eine amtsfreie Gemeinde gehört zu ihrem Kreis (${p.expected}).`,
} satisfies Record<string, (p: KeyRuleParams) => string>;
export type KeyRule = keyof typeof KEY_RULES_DE;
export const KEY_RULES = Object.keys(KEY_RULES_DE) as KeyRule[];

/** "Only the owner's MAINTAINERs and OPERATORs may …", by what the viewer tried to change. */
const OWNER_SUBJECTS = {
  release: { en: 'change a release', de: 'diese Version ändern' },
  service: { en: 'change a service', de: 'diese Leistung ändern' },
  any: { en: 'do this', de: 'dies tun' },
} as const;

/** "Only OPERATORs may …". */
const OPERATOR_ACTIONS = {
  githubDeliveries: {
    en: 'read and replay GitHub deliveries',
    de: 'GitHub-Zustellungen lesen und erneut ausführen',
  },
  registerOrganisations: { en: 'register organisations', de: 'Organisationen registrieren' },
  forgeNamespaces: {
    en: 'map forge namespaces to organisations',
    de: 'Namensräume von GitHub oder GitLab Organisationen zuordnen',
  },
  registerStandards: { en: 'register interface standards', de: 'Schnittstellenstandards registrieren' },
  setQaPolicy: { en: "set a service's QA policy", de: 'die Prüfregeln einer Leistung festlegen' },
} as const;

const ADMIN_ACTIONS = {
  capabilities: { en: 'set its capabilities', de: 'ihre unterstützten Schnittstellen festlegen' },
  subscribe: { en: 'subscribe for it', de: 'für sie eine Nachnutzung beantragen' },
} as const;

/**
 * The rules a publiccode.yml can break (src/publiccode/publiccode-reader.ts checks them; docs/opencode.md
 * lists them): the standard's own, as its reference parser (italia/publiccode-parser-go) applies them,
 * and the registry's limits on what it takes over. A problem names its rule in
 * `extensions.problems[i].rule`, beside the line, the column and the key's path.
 */
export interface PubliccodeProblemParams {
  rule: PubliccodeRule;
  /** The type the standard asks for (WRONG_TYPE). */
  expected?: 'string' | 'boolean' | 'list' | 'mapping' | 'stringOrList';
  max?: number;
  min?: number;
  /** The values the standard allows (NOT_ALLOWED, UNSUPPORTED_VERSION), or the list's name. */
  allowed?: readonly string[];
  list?: 'categories' | 'scope';
  /** REQUIRED and EXCLUDED: the key whose value decides, and its values that do. */
  when?: { key: string; values: readonly string[] };
  /** The YAML library's own words on malformed YAML (English). */
  detail?: string;
}

/** One problem of a publiccode.yml: where it is (line and column from 1; 0 where the file has no place for it) and what. */
export interface PubliccodeProblem extends PubliccodeProblemParams {
  line: number;
  column: number;
  /** The key's path as the reference parser names it: description.de.shortDescription, maintenance.contacts[0].name; empty for the file. */
  field: string;
}

const EXPECTED = {
  string: {
    en: 'a string (quote numbers, dates and true/false)',
    de: 'eine Zeichenkette (Zahlen, Daten und true/false in Anführungszeichen)',
  },
  boolean: { en: 'true or false', de: 'true oder false' },
  list: { en: 'a list', de: 'eine Liste' },
  mapping: { en: 'a mapping of keys', de: 'eine Zuordnung von Schlüsseln' },
  stringOrList: {
    en: 'a string or a list of strings',
    de: 'eine Zeichenkette oder eine Liste von Zeichenketten',
  },
} as const;
const LIST_NAMES = {
  categories: { en: "the standard's list of categories", de: 'der Kategorienliste des Standards' },
  scope: { en: "the standard's scope list", de: 'der Liste der Anwendungsbereiche (scope) des Standards' },
} as const;
const quoted = (values: readonly string[]) => values.map((v) => `„${v}“`).join(', ');
const whenEn = (p: PubliccodeProblemParams) =>
  p.when ? ` when ${p.when.key} is ${p.when.values.join(' or ')}` : '';
const whenDe = (p: PubliccodeProblemParams) =>
  p.when ? `, wenn ${p.when.key} ${p.when.values.map((v) => `„${v}“`).join(' oder ')} ist` : '';

const PUBLICCODE_RULE_TEXTS = {
  YAML_SYNTAX: {
    en: (p) => `is not well-formed YAML${p.detail ? `: ${p.detail}` : ''}`,
    de: () => 'ist kein wohlgeformtes YAML: prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen.',
  },
  DUPLICATE_KEY: { en: () => 'appears twice', de: () => 'kommt doppelt vor.' },
  INVALID_UTF8: {
    en: () => 'is not UTF-8, as the standard requires',
    de: () => 'ist nicht in UTF-8 kodiert, wie es der Standard verlangt.',
  },
  MULTIPLE_DOCUMENTS: {
    en: () => 'holds more than one YAML document',
    de: () => 'enthält mehr als ein YAML-Dokument.',
  },
  NOT_A_MAPPING: {
    en: () => "must be a YAML mapping of the standard's keys",
    de: () => 'muss eine YAML-Zuordnung mit den Schlüsseln des Standards sein.',
  },
  UNKNOWN_KEY: {
    en: () => 'is not a key of the publiccode.yml standard',
    de: () => 'ist kein Schlüssel des publiccode.yml-Standards.',
  },
  WRONG_TYPE: {
    en: (p) => `wrong type for this field: expected ${EXPECTED[p.expected ?? 'string'].en}`,
    de: (p) => `hat den falschen Typ: erwartet wird ${EXPECTED[p.expected ?? 'string'].de}.`,
  },
  REQUIRED: {
    en: (p) => `is a required field${whenEn(p)}`,
    de: (p) => `ist ein Pflichtfeld${whenDe(p)}.`,
  },
  EXCLUDED: {
    en: (p) => `must be left out unless ${p.when?.key} is ${p.when?.values.join(' or ')}`,
    de: (p) => `darf nur vorkommen, wenn ${p.when?.key} ${quoted(p.when?.values ?? [])} ist.`,
  },
  EMPTY: { en: () => 'must not be empty', de: () => 'darf nicht leer sein.' },
  TOO_LONG: {
    en: (p) => `must be at most ${p.max} characters`,
    de: (p) => `darf höchstens ${p.max} Zeichen lang sein.`,
  },
  TOO_SHORT: {
    en: (p) => `must be at least ${p.min} characters`,
    de: (p) => `muss mindestens ${p.min} Zeichen lang sein.`,
  },
  NOT_ALLOWED: {
    en: (p) =>
      p.list ? `is not in ${LIST_NAMES[p.list].en}` : `must be one of ${(p.allowed ?? []).join(', ')}`,
    de: (p) =>
      p.list
        ? `steht nicht in ${LIST_NAMES[p.list].de}.`
        : `muss einer dieser Werte sein: ${quoted(p.allowed ?? [])}.`,
  },
  UNSUPPORTED_VERSION: {
    en: (p) =>
      `is a version of the standard this registry does not read; supported: ${(p.allowed ?? []).join(', ')}`,
    de: (p) =>
      `nennt eine Version des Standards, die das Register nicht liest; unterstützt: ${quoted(p.allowed ?? [])}.`,
  },
  INVALID_URL: { en: () => 'must be a URL', de: () => 'muss eine Adresse (URL) sein.' },
  INVALID_HTTP_URL: {
    en: () => 'must be an http:// or https:// URL',
    de: () => 'muss eine Adresse sein, die mit http:// oder https:// beginnt.',
  },
  INVALID_DATE: {
    en: () => 'must be a date written YYYY-MM-DD',
    de: () => 'muss ein Datum der Form JJJJ-MM-TT sein, z. B. 2027-01-31.',
  },
  INVALID_EMAIL: { en: () => 'must be an e-mail address', de: () => 'muss eine E-Mail-Adresse sein.' },
  INVALID_LANGUAGE: {
    en: () => 'must be a BCP 47 language tag such as de or de-DE',
    de: () => 'muss eine Sprachkennung nach BCP 47 sein, z. B. de oder de-DE.',
  },
  INVALID_COUNTRY: {
    en: () => 'must be an ISO 3166-1 alpha-2 country code such as DE',
    de: () => 'muss ein Ländercode nach ISO 3166-1 alpha-2 sein, z. B. DE.',
  },
  INVALID_LICENSE: {
    en: () => 'must be an SPDX license expression such as EUPL-1.2 or "EUPL-1.2 OR MIT"',
    de: () => 'muss ein SPDX-Lizenzausdruck sein, z. B. EUPL-1.2 oder „EUPL-1.2 OR MIT“.',
  },
  INVALID_MIME_TYPE: {
    en: () => 'must be a media type such as text/plain (RFC 6838)',
    de: () => 'muss ein Medientyp nach RFC 6838 sein, z. B. text/plain.',
  },
  INVALID_URI: {
    en: () => 'must be a URI: an address with scheme and host, or a URN',
    de: () => 'muss eine URI sein: eine Adresse mit Schema und Server oder ein URN.',
  },
  INVALID_SUPPORTS_ID: {
    en: () => "must be alias:<name> from the standard's list of aliases, or a URI",
    de: () => 'muss alias:<Name> aus der Aliasliste des Standards oder eine URI sein.',
  },
  INVALID_PATH: {
    en: () =>
      'must be a path relative to the root of the repository or an http(s) URL, not an absolute path or a file: URL',
    de: () =>
      'muss ein Pfad relativ zum obersten Verzeichnis des Repositorys oder eine http(s)-Adresse sein, ' +
      'kein absoluter Pfad und keine file:-Adresse.',
  },
  INVALID_FILE_TYPE: {
    en: (p) => `must be a file of type ${(p.allowed ?? []).join(', ')}`,
    de: (p) => `muss eine Datei vom Typ ${quoted(p.allowed ?? [])} sein.`,
  },
  COUNTRY_SECTION_TWICE: {
    en: () => "'IT' key already present: remove this key",
    de: () => 'steht neben „IT“: die Länderangabe darf nur einmal vorkommen; entfernen Sie diesen Schlüssel.',
  },
  UNSTORABLE_TEXT: {
    en: () => 'contains a NUL character or an unpaired surrogate, which cannot be stored',
    de: () => 'enthält ein Zeichen, das nicht gespeichert werden kann (NUL oder ein ungepaartes Surrogat).',
  },
  REGISTRY_TOO_LONG: {
    en: (p) => `is longer than the registry takes: at most ${p.max} characters`,
    de: (p) => `ist länger, als das Register übernimmt: höchstens ${p.max} Zeichen.`,
  },
} satisfies Record<
  string,
  { en: (p: PubliccodeProblemParams) => string; de: (p: PubliccodeProblemParams) => string }
>;
export type PubliccodeRule = keyof typeof PUBLICCODE_RULE_TEXTS;
export const PUBLICCODE_RULES = Object.keys(PUBLICCODE_RULE_TEXTS) as PubliccodeRule[];

/** One problem's words in a language, without its place. */
export function publiccodeProblemText(problem: PubliccodeProblemParams, language: Language): string {
  return PUBLICCODE_RULE_TEXTS[problem.rule][language](problem);
}

/** Problems shown in a message at most; `extensions.problems` has them all. */
const PROBLEMS_IN_MESSAGE = 10;
function problemList(problems: readonly PubliccodeProblem[], language: Language): string {
  const place = (p: PubliccodeProblem) => {
    const what = p.field || (language === 'de' ? 'die Datei' : 'the file');
    if (!p.line) {
      return what;
    }
    return language === 'de' ? `Zeile ${p.line}, ${what}` : `line ${p.line}, ${what}`;
  };
  const shown = problems
    .slice(0, PROBLEMS_IN_MESSAGE)
    .map((p) => `${place(p)}: ${publiccodeProblemText(p, language).replace(/\.$/, '')}`);
  const more = problems.length - shown.length;
  if (more > 0) {
    shown.push(language === 'de' ? `und ${more} weitere` : `and ${more} more`);
  }
  return shown.join('; ');
}

export const MESSAGES = {
  // ------------------------------------------------------------------ authentication
  AUTHENTICATION_REQUIRED: m(
    'UNAUTHENTICATED',
    () => 'Authentication required',
    () => 'Bitte melden Sie sich an: diese Aktion erfordert eine Anmeldung.',
  ),
  TOKEN_INVALID: m(
    'UNAUTHENTICATED',
    (p: { bearer?: boolean }) =>
      p.bearer ? 'Invalid token: expected "Authorization: Bearer <token>"' : 'Invalid token',
    (p) =>
      p.bearer
        ? 'Ungültiges Token: erwartet wird der Header „Authorization: Bearer <Token>“.'
        : 'Ungültiges Token: bitte melden Sie sich erneut an.',
  ),
  TOKEN_EXPIRED: m(
    'UNAUTHENTICATED',
    () => 'The token has expired: sign in again',
    () => 'Ihre Anmeldung ist abgelaufen: bitte melden Sie sich erneut an.',
  ),
  WEBHOOK_NOT_CONFIGURED: m(
    'UNAUTHENTICATED',
    () => 'GitHub webhooks are not configured here (GITHUB_WEBHOOK_SECRET)',
    () => 'GitHub-Webhooks sind hier nicht eingerichtet (GITHUB_WEBHOOK_SECRET).',
  ),
  WEBHOOK_SIGNATURE_INVALID: m(
    'UNAUTHENTICATED',
    () => 'X-Hub-Signature-256 is missing or does not match the body',
    () => 'X-Hub-Signature-256 fehlt oder passt nicht zum Inhalt der Anfrage.',
  ),

  // ------------------------------------------------------------------ permissions
  ROLE_REQUIRED: m(
    'FORBIDDEN',
    (p: { roles: readonly string[] }) => `Requires one of the roles ${list(p.roles)}`,
    (p) => `Dafür benötigen Sie eine der Rollen ${list(p.roles)}.`,
  ),
  NO_REGISTRY_ROLE: m(
    'FORBIDDEN',
    () => "Your token carries none of the registry's roles: ask your administrator for one",
    () => 'Ihre Anmeldung trägt keine Rolle des Registers: bitten Sie Ihre Administration um eine Rolle.',
  ),
  NOT_OWNER: m(
    'FORBIDDEN',
    (p: { subject: keyof typeof OWNER_SUBJECTS }) =>
      `Only the owner's MAINTAINERs and OPERATORs may ${OWNER_SUBJECTS[p.subject].en}`,
    (p) =>
      `Nur Personen mit der Rolle MAINTAINER in der zuständigen Organisation oder mit der Rolle OPERATOR dürfen ${OWNER_SUBJECTS[p.subject].de}.`,
  ),
  MAINTENANCE_PLAN_FORBIDDEN: m(
    'FORBIDDEN',
    (p: { owner: string }) => `Only ${p.owner}'s MAINTAINERs and OPERATORs may read its maintenance plan`,
    (p) =>
      `Den Wartungsplan von ${p.owner} dürfen nur Personen mit der Rolle MAINTAINER in ${p.owner} oder mit der Rolle OPERATOR lesen.`,
  ),
  OPERATOR_ONLY: m(
    'FORBIDDEN',
    (p: { action: keyof typeof OPERATOR_ACTIONS }) => `Only OPERATORs may ${OPERATOR_ACTIONS[p.action].en}`,
    (p) => `Nur Personen mit der Rolle OPERATOR dürfen ${OPERATOR_ACTIONS[p.action].de}.`,
  ),
  MAINTAINER_OR_OPERATOR_ONLY: m(
    'FORBIDDEN',
    () => 'Only MAINTAINERs and OPERATORs may register legal norms',
    () => 'Rechtsnormen dürfen nur Personen mit der Rolle MAINTAINER oder OPERATOR registrieren.',
  ),
  OWN_ORGANISATION_ONLY: m(
    'FORBIDDEN',
    () => 'A MAINTAINER registers services for its own organisation only',
    () => 'Als MAINTAINER registrieren Sie Leistungen nur für Ihre eigene Organisation.',
  ),
  MUNICIPALITY_ADMIN_ONLY: m(
    'FORBIDDEN',
    (p: { organisation: string; action: keyof typeof ADMIN_ACTIONS }) =>
      `Only ${p.organisation}'s MUNICIPALITY_ADMIN or an OPERATOR may ${ADMIN_ACTIONS[p.action].en}`,
    (p) =>
      `Nur Personen mit der Rolle MUNICIPALITY_ADMIN in ${p.organisation} oder mit der Rolle OPERATOR dürfen ${ADMIN_ACTIONS[p.action].de}.`,
  ),
  ACTION_FORBIDDEN: m(
    'FORBIDDEN',
    (p: { problem: string }) => p.problem,
    () =>
      'Sie dürfen diese Aktion nicht ausführen: sie steht nur den zuständigen Rollen und der Rolle OPERATOR zu.',
  ),
  OPERATOR_NOT_REVIEWER: m(
    'FORBIDDEN',
    () => 'An OPERATOR is never a reviewer, whatever other roles the token names',
    () => 'Als OPERATOR können Sie keine Prüfung freigeben, auch nicht mit weiteren Rollen.',
  ),
  GATE_ROLE_REQUIRED: m(
    'FORBIDDEN',
    (p: { kind: string; role: string }) => `Signing off a ${p.kind} gate needs the role ${p.role}`,
    (p) => `Für die Freigabe einer Prüfung ${p.kind} benötigen Sie die Rolle ${p.role}.`,
  ),
  FOUR_EYES: m(
    'FORBIDDEN',
    () => 'The four-eyes principle: you cannot sign off a release you created',
    () =>
      'Vier-Augen-Prinzip: Sie können keine Version freigeben, die Sie selbst angelegt haben. ' +
      'Bitten Sie eine andere prüfende Person um die Freigabe.',
  ),

  // ------------------------------------------------------------------ not found
  SERVICE_NOT_FOUND: m(
    'NOT_FOUND',
    (p: { key: string }) => `Service ${p.key} not found`,
    (p) => `Die Leistung ${p.key} wurde nicht gefunden.`,
  ),
  RELEASE_NOT_FOUND: m(
    'NOT_FOUND',
    (p: { key: string }) => `Release ${p.key} not found`,
    (p) => `Die Version ${p.key} wurde nicht gefunden.`,
  ),
  QA_GATE_NOT_FOUND: m(
    'NOT_FOUND',
    (p: { key: string }) => `QaGate ${p.key} not found`,
    (p) => `Die Prüfung ${p.key} wurde nicht gefunden.`,
  ),
  ORGANISATION_NOT_FOUND: m(
    'NOT_FOUND',
    (p: { key: string }) => `Organisation ${p.key} not found`,
    (p) => `Die Organisation ${p.key} wurde nicht gefunden.`,
  ),
  SUBSCRIPTION_NOT_FOUND: m(
    'NOT_FOUND',
    (p: { key: string }) => `Subscription ${p.key} not found`,
    (p) => `Die Nachnutzung ${p.key} wurde nicht gefunden.`,
  ),
  CAMPAIGN_NOT_FOUND: m(
    'NOT_FOUND',
    (p: { key: string }) => `Campaign ${p.key} not found`,
    (p) => `Die Kampagne ${p.key} wurde nicht gefunden.`,
  ),
  CAMPAIGN_TARGET_NOT_FOUND: m(
    'NOT_FOUND',
    (p: { key: string }) => `CampaignTarget ${p.key} not found`,
    (p) => `Das Kampagnenziel ${p.key} wurde nicht gefunden.`,
  ),
  GITHUB_DELIVERY_NOT_FOUND: m(
    'NOT_FOUND',
    (p: { key: string }) => `GithubDelivery ${p.key} not found`,
    (p) => `Die GitHub-Zustellung ${p.key} wurde nicht gefunden.`,
  ),
  NOTIFICATION_CHANNEL_NOT_FOUND: m(
    'NOT_FOUND',
    (p: { key: string }) => `NotificationChannel ${p.key} not found`,
    (p) => `Der Benachrichtigungskanal ${p.key} wurde nicht gefunden.`,
  ),

  ROUTE_NOT_FOUND: m(
    'NOT_FOUND',
    (p: { method: string; url: string }) => `No route ${p.method} ${p.url}`,
    (p) => `Unter ${p.method} ${p.url} gibt es nichts: prüfen Sie die Adresse.`,
  ),

  // ------------------------------------------------------------------ input: generic (the field is named in front)
  REQUIRED: m(
    'BAD_USER_INPUT',
    () => 'is required',
    () => 'ist ein Pflichtfeld: bitte füllen Sie es aus.',
  ),
  REQUIRED_NOT_NULL: m(
    'BAD_USER_INPUT',
    () => 'is required and cannot be null',
    () => 'ist ein Pflichtfeld und kann nicht geleert werden.',
  ),
  TEXT_EMPTY: m(
    'BAD_USER_INPUT',
    () => 'must not be empty',
    () => 'darf nicht leer sein: bitte geben Sie einen Text ein.',
  ),
  TEXT_TOO_LONG: m(
    'BAD_USER_INPUT',
    (p: { max: number }) => `must be at most ${p.max} characters`,
    (p) => `darf höchstens ${p.max} Zeichen lang sein: bitte kürzen Sie den Text.`,
  ),
  INVALID_DIGEST: m(
    'BAD_USER_INPUT',
    () => 'must be "sha256:" followed by 64 lower-case hex digits',
    () => 'muss mit „sha256:“ beginnen, gefolgt von 64 Hexadezimalziffern in Kleinbuchstaben.',
  ),
  NOT_HTTPS_URL: m(
    'BAD_USER_INPUT',
    () => 'must be an https:// URL',
    () => 'muss eine Adresse sein, die mit https:// beginnt.',
  ),
  INVALID_ESTIMATE: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () =>
      'ist keine gültige Schätzung: optimistisch ≤ wahrscheinlich ≤ pessimistisch, ' +
      'jeweils als nicht negative Stundenzahl.',
  ),
  INVALID_INPUT: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () => 'ist ungültig: bitte prüfen Sie die Eingabe.',
  ),
  LIST_NOT_NULL: m(
    'BAD_USER_INPUT',
    () => 'is a list: send [] to empty it',
    () => 'ist eine Liste: senden Sie [], um sie zu leeren.',
  ),
  UNSTORABLE_TEXT: m(
    'BAD_USER_INPUT',
    () => 'contains a NUL character or an unpaired surrogate, which cannot be stored; remove it',
    () =>
      'enthält ein Zeichen, das nicht gespeichert werden kann (NUL oder ein ungepaartes Surrogat): entfernen Sie es.',
  ),
  VALUE_TOO_DEEP: m(
    'BAD_USER_INPUT',
    (p: { max: number }) => `is nested more than ${p.max} levels deep`,
    (p) => `ist tiefer als ${p.max} Ebenen verschachtelt.`,
  ),
  PAGE_SIZE_OUT_OF_RANGE: m(
    'BAD_USER_INPUT',
    (p: { max: number; got: number | null }) => `must be between 0 and ${p.max}, got ${p.got}`,
    (p) => `muss zwischen 0 und ${p.max} liegen (erhalten: ${p.got}).`,
  ),
  INVALID_CURSOR: m(
    'BAD_USER_INPUT',
    () => 'is not a cursor this list handed out',
    () => 'ist kein Cursor dieser Liste: laden Sie die Liste neu.',
  ),
  NOT_A_DATE: m(
    'BAD_USER_INPUT',
    () => 'must be a date (YYYY-MM-DD)',
    () => 'muss ein Datum sein (JJJJ-MM-TT), z. B. 2027-01-31.',
  ),

  // ------------------------------------------------------------------ input: scalars (graphql-js names the variable)
  NOT_A_STRING: m(
    'BAD_USER_INPUT',
    (p: { scalar: string }) => `${p.scalar} must be a string`,
    (p) => `Ein Wert vom Typ ${p.scalar} muss als Zeichenkette angegeben werden.`,
  ),
  INVALID_DATE: m(
    'BAD_USER_INPUT',
    (p: { value: string }) => `"${p.value}" is not a calendar date (YYYY-MM-DD)`,
    (p) => `„${p.value}“ ist kein Kalenderdatum: geben Sie es als JJJJ-MM-TT an, z. B. 2027-01-31.`,
  ),
  INVALID_DATETIME: m(
    'BAD_USER_INPUT',
    () => 'DateTime must be an ISO 8601 date and time with a time zone, e.g. "2027-01-31T12:00:00Z"',
    () => 'Geben Sie Datum und Uhrzeit nach ISO 8601 mit Zeitzone an, z. B. „2027-01-31T12:00:00Z“.',
  ),
  INVALID_VERSION: m(
    'BAD_USER_INPUT',
    (p: { problem: string; value: string }) => p.problem,
    (p) =>
      `„${p.value}“ ist keine gültige Versionsnummer: verwenden Sie Semantic Versioning, z. B. 2.1.0 ` +
      '(Haupt-, Neben- und Patchnummer jeweils höchstens 2147483647).',
  ),
  INVALID_RANGE: m(
    'BAD_USER_INPUT',
    (p: { value: string }) => `"${p.value}" is not a semver range`,
    (p) => `„${p.value}“ ist kein gültiger Versionsbereich: verwenden Sie z. B. ^2.1.0 oder >=2.0.0 <3.0.0.`,
  ),

  // ------------------------------------------------------------------ input: catalogue
  INVALID_SLUG: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () =>
      'ist kein gültiger Kurzname: verwenden Sie Kleinbuchstaben und Ziffern in Gruppen, ' +
      'verbunden durch „-“ (z. B. „wohngeld-antrag“), höchstens 80 Zeichen.',
  ),
  OWNER_REQUIRED: m(
    'BAD_USER_INPUT',
    () => 'name the owning organisation (your token names none)',
    () => 'Geben Sie die zuständige Organisation an (Ihre Anmeldung nennt keine).',
  ),
  UNKNOWN_ORGANISATION: m(
    'BAD_USER_INPUT',
    (p: { key: string }) => `no organisation with key ${p.key}`,
    (p) =>
      `Es gibt keine Organisation mit dem Schlüssel ${p.key}: wählen Sie eine registrierte Organisation.`,
  ),
  INVALID_LEIKA_KEY: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () => 'ist kein LeiKa-Schlüssel: ein LeiKa-Schlüssel hat 14 Ziffern.',
  ),
  INVALID_OZG_ID: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () => 'ist keine OZG-ID: erlaubt sind Buchstaben, Ziffern, „_“, „.“ und „-“, höchstens 40 Zeichen.',
  ),
  INVALID_KEYWORD: m(
    'BAD_USER_INPUT',
    (p: { blank: boolean; max: number }) =>
      p.blank ? 'a keyword must not be blank' : `a keyword must be at most ${p.max} characters`,
    (p) =>
      p.blank
        ? 'Ein Suchbegriff darf nicht leer sein.'
        : `Ein Suchbegriff darf höchstens ${p.max} Zeichen lang sein.`,
  ),
  TOO_MANY_KEYWORDS: m(
    'BAD_USER_INPUT',
    (p: { max: number; got: number }) => `at most ${p.max} keywords, got ${p.got}`,
    (p) => `Höchstens ${p.max} Suchbegriffe, nicht ${p.got}.`,
  ),
  SUGGESTION_PREFIX_LENGTH: m(
    'BAD_USER_INPUT',
    (p: { min: number; max: number }) =>
      `must hold at least ${p.min} letters or digits and at most ${p.max} characters`,
    (p) => `muss mindestens ${p.min} Buchstaben oder Ziffern und darf höchstens ${p.max} Zeichen enthalten.`,
  ),
  SUGGESTION_COUNT_OUT_OF_RANGE: m(
    'BAD_USER_INPUT',
    (p: { max: number; got: number | null }) => `must be between 1 and ${p.max}, got ${p.got}`,
    (p) => `muss zwischen 1 und ${p.max} liegen (erhalten: ${p.got}).`,
  ),
  SEARCH_TOO_LONG: m(
    'BAD_USER_INPUT',
    (p: { max: number }) => `must be at most ${p.max} characters`,
    (p) => `darf höchstens ${p.max} Zeichen lang sein.`,
  ),
  INVALID_MATURITY: m(
    'BAD_USER_INPUT',
    (p: { problem: string; model: string; max: number }) => p.problem,
    (p) => `muss nach dem Reifegradmodell ${p.model} eine ganze Zahl von 0 bis ${p.max} sein.`,
  ),
  MATURITY_MODEL_WITHOUT_LEVEL: m(
    'BAD_USER_INPUT',
    () => 'a maturityModel needs the maturityLevel rated in it',
    () => 'braucht den Reifegrad, der in diesem Modell bewertet wurde.',
  ),
  INVALID_LICENSE: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () => 'ist keine SPDX-Lizenzkennung: verwenden Sie z. B. EUPL-1.2 oder MIT.',
  ),
  INVALID_JURISDICTION: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () => 'muss „EU“, „DE“ oder „DE-“ mit einem Länderkürzel sein, z. B. „DE-SH“.',
  ),
  INVALID_ABBREVIATION: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () =>
      'ist keine gültige Abkürzung: 1–40 Zeichen ohne Leerzeichen am Rand; ' +
      'Landesrecht trägt das Länderkürzel als Endung, z. B. „LBO SH“.',
  ),
  INVALID_LEGAL_NORM_TITLE: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () => 'muss 1–300 Zeichen lang sein.',
  ),
  INVALID_LEGAL_BASIS: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () => 'ist keine gültige Rechtsgrundlage: nennen Sie eine registrierte Rechtsnorm mit ihrer Abkürzung.',
  ),
  INVALID_QA_POLICY: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () =>
      'ist keine gültige Prüfregel: jede Prüfungsart darf nur einmal und nur mit gültigen Bedingungen vorkommen.',
  ),

  // ------------------------------------------------------------------ input: organisations
  INVALID_ORGANISATION: m(
    'BAD_USER_INPUT',
    (p: KeyRuleParams) => p.problem,
    (p: KeyRuleParams) => KEY_RULES_DE[p.rule](p),
  ),
  INVALID_PARENT: m(
    'BAD_USER_INPUT',
    (p: KeyRuleParams) => p.problem,
    (p: KeyRuleParams) => KEY_RULES_DE[p.rule](p),
  ),
  INVALID_FORGE_NAMESPACE: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () =>
      'ist kein Namensraum der Plattform: bei GitHub der Name einer Organisation oder eines Kontos, bei GitLab der Pfad einer Gruppe wie „opencode/komfit“.',
  ),
  FORGE_NAMESPACE_MAPPED: m(
    'CONFLICT',
    (p: { namespace: string; organisation: string }) =>
      `${p.namespace} is mapped to ${p.organisation} already`,
    (p) => `${p.namespace} ist ${p.organisation} bereits zugeordnet.`,
  ),
  FORGE_NAMESPACE_NOT_MAPPED: m(
    'BAD_USER_INPUT',
    (p: { namespace: string; organisation: string }) => `${p.namespace} is not mapped to ${p.organisation}`,
    (p) => `${p.namespace} ist ${p.organisation} nicht zugeordnet.`,
  ),
  REPOSITORY_NOT_IN_NAMESPACE: m(
    'BAD_USER_INPUT',
    (p: { repository: string; namespaces: string[] }) =>
      `${p.repository} lies in no namespace mapped to the service's owner (${p.namespaces.length ? list(p.namespaces) : 'none is mapped'}); an OPERATOR maps namespaces with mapForgeNamespace`,
    (p) =>
      `${p.repository} liegt in keinem Namensraum, der der Eigentümerin der Leistung zugeordnet ist (${p.namespaces.length ? list(p.namespaces) : 'noch keiner'}). Namensräume ordnet der Betrieb zu.`,
  ),
  INVALID_CAPABILITIES: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () =>
      'ist ungültig: nennen Sie jeden Standard nur einmal, mit mindestens einer Version (je 1–40 Zeichen).',
  ),
  INVALID_STANDARD_KEY: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    () => 'ist kein gültiger Schlüssel für einen Schnittstellenstandard.',
  ),
  UNKNOWN_INTERFACE_STANDARD: m(
    'BAD_USER_INPUT',
    (p: { standard: string }) => `unknown interface standard ${p.standard}`,
    (p) => `Der Schnittstellenstandard ${p.standard} ist nicht registriert: wählen Sie einen registrierten.`,
  ),

  // ------------------------------------------------------------------ input: releases and QA
  NO_SUCH_GATE: m(
    'BAD_USER_INPUT',
    (p: { version: string; kind: string }) => `release ${p.version} has no ${p.kind} gate`,
    (p) => `Die Version ${p.version} hat keine Prüfung ${p.kind}.`,
  ),
  REJECT_COMMENT_REQUIRED: m(
    'BAD_USER_INPUT',
    () => 'a REJECT needs a comment: the maintainers must learn what to change',
    () => 'Bitte begründen Sie die Ablehnung: Die Maintainer erfahren sonst nicht, was sie ändern sollen.',
  ),
  WAIVER_EXPIRY_PAST: m(
    'BAD_USER_INPUT',
    () => 'must lie in the future',
    () => 'muss in der Zukunft liegen.',
  ),
  WAIVER_EXPIRY_TOO_FAR: m(
    'BAD_USER_INPUT',
    (p: { days: number }) => `must lie at most ${p.days} days ahead`,
    (p) => `darf höchstens ${p.days} Tage in der Zukunft liegen.`,
  ),

  ORGANISATION_REQUIRED: m(
    'BAD_USER_INPUT',
    () => 'name the organisation (your token names none)',
    () => 'Geben Sie die Organisation an (Ihre Anmeldung nennt keine).',
  ),
  SERVICE_REF_BOTH: m(
    'BAD_USER_INPUT',
    () => 'give serviceId or serviceSlug, not both',
    () => 'Geben Sie die Leistung entweder mit serviceId oder mit serviceSlug an, nicht mit beiden.',
  ),
  SERVICE_REF_MISSING: m(
    'BAD_USER_INPUT',
    () => 'name the service: give serviceId or serviceSlug',
    () => 'Geben Sie die Leistung an: mit serviceId oder serviceSlug.',
  ),

  // ------------------------------------------------------------------ input: subscriptions
  SUBSCRIBER_REQUIRED: m(
    'BAD_USER_INPUT',
    () => 'name the subscribing organisation (your token names none)',
    () => 'Geben Sie die nachnutzende Organisation an (Ihre Anmeldung nennt keine).',
  ),
  RANGE_UNSATISFIED: m(
    'BAD_USER_INPUT',
    (p: { problem: string; range: string }) => p.problem,
    (p) =>
      `Keine veröffentlichte Version liegt im Versionsbereich „${p.range}“. ` +
      'Wählen Sie einen Versionsbereich, der eine veröffentlichte Version enthält, z. B. ^1.0.0.',
  ),
  DEPLOYMENT_NOT_ALLOWED: m(
    'BAD_USER_INPUT',
    (p: { problem: string; version: string; range: string }) => p.problem,
    (p) =>
      `Die Version ${p.version} kann nicht als eingesetzt gemeldet werden: melden Sie eine ` +
      `veröffentlichte Version dieser Leistung im Versionsbereich „${p.range}“.`,
  ),

  // ------------------------------------------------------------------ input: campaigns and effort
  UNKNOWN_LEGAL_NORM: m(
    'BAD_USER_INPUT',
    (p: { norm: string }) => `unknown legal norm "${p.norm}"`,
    (p) => `Die Rechtsnorm „${p.norm}“ ist nicht registriert: wählen Sie eine registrierte Rechtsnorm.`,
  ),
  RELEASE_OF_OTHER_SERVICE: m(
    'BAD_USER_INPUT',
    () => 'the release belongs to another service than the target',
    () =>
      'Die Version gehört zu einer anderen Leistung als das Kampagnenziel: wählen Sie eine Version dieser Leistung.',
  ),
  NOT_TARGETED_BY_CAMPAIGN: m(
    'BAD_USER_INPUT',
    (p: { campaign: string }) => `campaign ${p.campaign} does not target this service`,
    (p) => `Die Kampagne ${p.campaign} betrifft diese Leistung nicht.`,
  ),
  NOT_A_CAMPAIGN_TARGET: m(
    'BAD_USER_INPUT',
    () => 'is not a campaign target of this service',
    () => 'ist kein Kampagnenziel dieser Leistung.',
  ),
  HOURS_OUT_OF_RANGE: m(
    'BAD_USER_INPUT',
    () => 'must be more than 0 and at most 24 per entry',
    () => 'muss größer als 0 und höchstens 24 je Eintrag sein.',
  ),
  HOURS_PRECISION: m(
    'BAD_USER_INPUT',
    () => 'has at most two decimals (hours are kept to the hundredth)',
    () => 'darf höchstens zwei Nachkommastellen haben (Stunden werden auf Hundertstel geführt).',
  ),
  DATE_IN_FUTURE: m(
    'BAD_USER_INPUT',
    (p: { today: string }) => `must be a date today (${p.today}) or earlier`,
    (p) => `muss heute (${p.today}) oder früher liegen.`,
  ),
  PERIOD_REVERSED: m(
    'BAD_USER_INPUT',
    (p: { from: string; to: string }) => `must not be after to (${p.from} > ${p.to})`,
    (p) => `darf nicht nach dem Enddatum liegen (${p.from} > ${p.to}).`,
  ),
  PERIOD_TOO_LONG: m(
    'BAD_USER_INPUT',
    () => 'the period may be at most 5 years',
    () => 'Der Zeitraum darf höchstens 5 Jahre umfassen: wählen Sie einen kürzeren.',
  ),
  REPEATED_PARAMETER: m(
    'BAD_USER_INPUT',
    () => 'is given more than once',
    () => 'ist mehrfach angegeben: geben Sie es nur einmal an.',
  ),
  UNKNOWN_FORMAT: m(
    'BAD_USER_INPUT',
    () => 'must be "de" (German spreadsheets) or "international" (the default, when left out)',
    () =>
      'muss „de“ (deutsche Tabellenkalkulation) oder „international“ sein (Voreinstellung, wenn es entfällt).',
  ),

  // ------------------------------------------------------------------ input: GitHub webhooks
  WEBHOOK_CONTENT_TYPE: m(
    'BAD_USER_INPUT',
    () => 'set the webhook content type to application/json',
    () => 'Stellen Sie den Inhaltstyp des Webhooks auf application/json.',
  ),
  WEBHOOK_DELIVERY_ID: m(
    'BAD_USER_INPUT',
    () => 'must be the delivery id GitHub sends',
    () => 'muss die Zustellungs-ID sein, die GitHub sendet.',
  ),
  WEBHOOK_EVENT: m(
    'BAD_USER_INPUT',
    () => 'must be the event name GitHub sends',
    () => 'muss der Ereignisname sein, den GitHub sendet.',
  ),
  WEBHOOK_BODY: m(
    'BAD_USER_INPUT',
    () => 'must be a JSON object',
    () => 'muss ein JSON-Objekt sein.',
  ),

  // ------------------------------------------------------------------ notifications
  NOTIFICATIONS_FORBIDDEN: m(
    'FORBIDDEN',
    (p: { organisation: string }) =>
      `Only ${p.organisation}'s MUNICIPALITY_ADMIN, MAINTAINER or reviewers, or an OPERATOR, may choose and read its notifications`,
    (p) =>
      `Die Benachrichtigungen von ${p.organisation} dürfen nur deren Personen mit der Rolle MUNICIPALITY_ADMIN, MAINTAINER oder einer Prüfrolle sowie die Rolle OPERATOR einstellen und lesen.`,
  ),
  NOTIFICATION_KINDS_REQUIRED: m(
    'BAD_USER_INPUT',
    () => 'choose at least one event kind',
    () => 'Wählen Sie mindestens eine Art von Ereignis.',
  ),
  NOTIFICATION_KIND_NOT_ALLOWED: m(
    'BAD_USER_INPUT',
    (p: { kinds: string[] }) =>
      `a reviewer chooses only the gate events of its own kinds (GATE_AWAITING_REVIEW); not allowed: ${list(p.kinds)}`,
    (p) =>
      `Mit einer Prüfrolle wählen Sie nur Prüfungen Ihrer Prüfarten (GATE_AWAITING_REVIEW); nicht erlaubt: ${list(p.kinds)}.`,
  ),
  NOTIFICATION_GATE_KINDS_REQUIRED: m(
    'BAD_USER_INPUT',
    () => 'GATE_AWAITING_REVIEW needs the gate kinds to be told of (gateKinds)',
    () => 'Für wartende Prüfungen wählen Sie die Prüfarten, über die Sie benachrichtigt werden wollen.',
  ),
  NOTIFICATION_GATE_KIND_NOT_ALLOWED: m(
    'BAD_USER_INPUT',
    (p: { kinds: string[] }) => `you do not hold the reviewer role of: ${list(p.kinds)}`,
    (p) => `Ihnen fehlt die Prüfrolle für: ${list(p.kinds)}.`,
  ),
  WEBHOOK_DIGEST: m(
    'BAD_USER_INPUT',
    () => 'a webhook endpoint receives each event at once (IMMEDIATE); digests are for e-mail',
    () => 'Ein Webhook erhält jedes Ereignis sofort (IMMEDIATE); Tageszusammenfassungen gibt es per E-Mail.',
  ),
  WEBHOOK_URL: m(
    'BAD_USER_INPUT',
    (p: { problem: string; rule: string; host?: string; address?: string }) => p.problem,
    (p) => WEBHOOK_URL_DE[p.rule]?.(p) ?? 'ist keine Adresse, an die das Register Webhooks sendet.',
  ),
  EMAIL_ADDRESS: m(
    'BAD_USER_INPUT',
    () => 'must be an e-mail address such as name@kiel.de',
    () => 'muss eine E-Mail-Adresse sein, z. B. name@kiel.de.',
  ),
  CHANNEL_NOT_WEBHOOK: m(
    'BAD_USER_INPUT',
    () => 'only a webhook endpoint has a secret to rotate',
    () => 'Nur ein Webhook hat ein Geheimnis, das Sie erneuern können.',
  ),

  // ------------------------------------------------------------------ input: sign-in (outside production)
  UNKNOWN_PERSONA: m(
    'BAD_USER_INPUT',
    (p: { persona: string }) => `no demo persona ${p.persona} (GET /auth/dev/personas lists them)`,
    (p) => `Es gibt keine Demo-Person ${p.persona}: wählen Sie eine aus der Liste unter /auth/dev/personas.`,
  ),
  PERSONA_BODY: m(
    'BAD_USER_INPUT',
    () => 'must be a JSON object such as {"persona": "kim.kiel"}',
    () => 'muss ein JSON-Objekt sein, z. B. {"persona": "kim.kiel"}.',
  ),
  PERSONA_UNKNOWN_FIELD: m(
    'BAD_USER_INPUT',
    () => 'unknown field (expected "persona" and "expiresInSeconds")',
    () => 'ist kein bekanntes Feld: erlaubt sind „persona“ und „expiresInSeconds“.',
  ),
  PERSONA_REQUIRED: m(
    'BAD_USER_INPUT',
    () => 'required: the id of a demo persona, such as "kim.kiel"',
    () => 'fehlt: geben Sie die Kennung einer Demo-Person an, z. B. „kim.kiel“.',
  ),
  INVALID_TOKEN_LIFETIME: m(
    'BAD_USER_INPUT',
    (p: { max: number }) => `must be a whole number of seconds from 1 to ${p.max}`,
    (p) => `muss eine ganze Zahl von Sekunden zwischen 1 und ${p.max} sein.`,
  ),
  PERSONA_ORGANISATION_MISSING: m(
    'CONFLICT',
    (p: { persona: string; organisation: string }) =>
      `Persona ${p.persona} belongs to organisation ${p.organisation}, which is not registered here: ` +
      'start the service with the demo data (SEED_DEMO_DATA=true)',
    (p) =>
      `Die Demo-Person ${p.persona} gehört zur Organisation ${p.organisation}, die hier nicht registriert ist: ` +
      'starten Sie den Dienst mit den Demo-Daten (SEED_DEMO_DATA=true).',
  ),

  // ------------------------------------------------------------------ query limits
  QUERY_TOO_EXPENSIVE: m(
    'BAD_USER_INPUT',
    (p: { cost: number; limit: number; maxPageSize: number }) =>
      `Query is too expensive: cost ${p.cost} exceeds the limit of ${p.limit}. Ask for smaller pages ` +
      `(first: at most ${p.maxPageSize}, and less on nested lists) or fewer nested lists.`,
    (p) =>
      `Die Abfrage ist zu aufwendig: Kosten ${p.cost} über der Grenze von ${p.limit}. Fragen Sie kleinere ` +
      `Seiten ab (first: höchstens ${p.maxPageSize}, weniger bei verschachtelten Listen) oder weniger verschachtelte Listen.`,
  ),
  QUERY_TOO_LARGE: m(
    'BAD_USER_INPUT',
    (p: { limit: number }) =>
      `Query is too large: more than ${p.limit} fields once its fragments are expanded.`,
    (p) => `Die Abfrage ist zu groß: mehr als ${p.limit} Felder, wenn ihre Fragmente aufgelöst sind.`,
  ),
  QUERY_COST_UNKNOWN: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => `Query refused: its cost cannot be computed (${p.problem}).`,
    () => 'Die Abfrage wurde abgelehnt: ihr Aufwand lässt sich nicht berechnen.',
  ),
  GRAPHQL_VALIDATION: m(
    'BAD_USER_INPUT',
    (p: { problem: string }) => p.problem,
    // graphql-js' own words (unknown field, wrong type) name the schema's terms; they stay English.
    (p) => p.problem,
  ),

  // ------------------------------------------------------------------ conflicts: catalogue and organisations
  SLUG_TAKEN: m(
    'CONFLICT',
    (p: { slug: string }) => `A service with slug ${p.slug} exists already`,
    (p) => `Es gibt bereits eine Leistung mit dem Kurznamen ${p.slug}: wählen Sie einen anderen.`,
  ),
  LEGAL_NORM_EXISTS: m(
    'CONFLICT',
    (p: { abbreviation: string }) =>
      `A legal norm with the abbreviation ${p.abbreviation} exists already (abbreviations are unique across jurisdictions)`,
    (p) =>
      `Es gibt bereits eine Rechtsnorm mit der Abkürzung ${p.abbreviation} (Abkürzungen sind über alle ` +
      'Rechtsräume eindeutig): verwenden Sie die vorhandene.',
  ),
  ORGANISATION_EXISTS: m(
    'CONFLICT',
    (p: { key: string }) => `An organisation with key ${p.key} exists already`,
    (p) => `Es gibt bereits eine Organisation mit dem Schlüssel ${p.key}.`,
  ),
  INTERFACE_STANDARD_EXISTS: m(
    'CONFLICT',
    (p: { key: string }) => `An interface standard with key ${p.key} exists already`,
    (p) => `Es gibt bereits einen Schnittstellenstandard mit dem Schlüssel ${p.key}.`,
  ),

  // ------------------------------------------------------------------ conflicts: workflows
  WRONG_STATE: m(
    'CONFLICT',
    (p: { verb: string; what: string; state: string }) => `Cannot ${p.verb} ${p.what}: it is ${p.state}`,
    (p) =>
      `Das ist im Zustand ${p.state} nicht möglich. Laden Sie die Seite neu, um den aktuellen Stand zu sehen.`,
  ),
  SERVICE_RETIRED: m(
    'CONFLICT',
    (p: { slug: string }) => `Service ${p.slug} is RETIRED and takes no new releases`,
    (p) => `Die Leistung ${p.slug} ist eingestellt (RETIRED) und nimmt keine neuen Versionen an.`,
  ),
  SERVICE_CLOSED: m(
    'CONFLICT',
    (p: { slug: string; lifecycle: string }) =>
      `Service ${p.slug} is ${p.lifecycle} and takes no new subscriptions`,
    (p) => `Die Leistung ${p.slug} ist im Zustand ${p.lifecycle} und nimmt keine neuen Nachnutzungen an.`,
  ),
  VERSION_EXISTS: m(
    'CONFLICT',
    (p: { version: string }) =>
      `Version ${p.version} exists already for this service (versions are never reused)`,
    (p) =>
      `Die Version ${p.version} gibt es für diese Leistung bereits (Versionsnummern werden nie wiederverwendet): ` +
      'wählen Sie eine neue Versionsnummer.',
  ),
  RELEASE_DEPRECATED_ALREADY: m(
    'CONFLICT',
    (p: { version: string }) => `Release ${p.version} is deprecated already`,
    (p) => `Die Version ${p.version} ist bereits abgekündigt.`,
  ),
  PUBLISH_NOT_IN_REVIEW: m(
    'CONFLICT',
    (p: { version: string; state: string }) => `Cannot publish release ${p.version}: it is ${p.state}`,
    (p) => `Die Version ${p.version} kann nicht veröffentlicht werden: sie ist im Zustand ${p.state}.`,
  ),
  WAIVER_EXPIRED: m(
    'CONFLICT',
    (p: { version: string; expired: readonly { kind: string; on: string }[] }) =>
      `Cannot publish release ${p.version}: the waiver of ` +
      list(p.expired.map((w) => `${w.kind} expired on ${w.on}`)),
    (p) =>
      `Die Version ${p.version} kann nicht veröffentlicht werden: die Ausnahme für ` +
      list(p.expired.map((w) => `${w.kind} ist am ${w.on} abgelaufen`)) +
      '. Verlängern Sie die Ausnahme oder schließen Sie die Prüfung ab.',
  ),
  VERSION_INCONSISTENT: m(
    'CONFLICT',
    (p: { version: string; inconsistency: string }) =>
      `Cannot publish release ${p.version}: it ${p.inconsistency}`,
    (p) =>
      `Die Version ${p.version} kann nicht veröffentlicht werden: ihre Versionsnummer passt nicht zu den ` +
      'Änderungen an den Schnittstellen. Ergänzen Sie eine Prüfung INTERFACES oder wählen Sie eine passende Versionsnummer.',
  ),
  PUBLISH_NOT_APPROVED: m(
    'CONFLICT',
    (p: { version: string; state: string; blocked: readonly string[] }) =>
      `Cannot publish release ${p.version}: it is ${p.state} (${p.blocked.join('; ')})`,
    (p) =>
      `Die Version ${p.version} kann nicht veröffentlicht werden: sie ist im Zustand ${p.state}, ` +
      'noch nicht alle Prüfungen sind freigegeben.',
  ),
  SUBSCRIPTION_EXISTS: m(
    'CONFLICT',
    () => 'The organisation has a requested, active or suspended subscription to this service already',
    () => 'Die Organisation hat bereits eine beantragte, aktive oder ruhende Nachnutzung dieser Leistung.',
  ),
  CAMPAIGN_CLOSED: m(
    'CONFLICT',
    (p: { state: string }) => `The campaign is ${p.state}`,
    (p) => `Die Kampagne ist im Zustand ${p.state}.`,
  ),
  CAMPAIGN_UNFINISHED: m(
    'CONFLICT',
    (p: { unfinished: readonly string[] }) =>
      `Cannot complete the campaign: ${list(p.unfinished)} not yet released or excluded`,
    (p) =>
      `Die Kampagne kann nicht abgeschlossen werden: ${list(p.unfinished)} noch ohne Version oder Ausschluss. ` +
      'Veröffentlichen Sie eine Version oder schließen Sie das Ziel aus.',
  ),
  TARGET_EXCLUDED: m(
    'CONFLICT',
    () => 'The target is EXCLUDED: include it first',
    () => 'Das Kampagnenziel ist ausgeschlossen: nehmen Sie es zuerst wieder auf.',
  ),
  TARGET_EXCLUDED_ALREADY: m(
    'CONFLICT',
    () => 'The target is EXCLUDED already',
    () => 'Das Kampagnenziel ist bereits ausgeschlossen.',
  ),
  TARGET_NOT_EXCLUDED: m(
    'CONFLICT',
    () => 'The target is not excluded',
    () => 'Das Kampagnenziel ist nicht ausgeschlossen.',
  ),
  ALREADY_TARGET: m(
    'CONFLICT',
    () => 'The service is a target of this campaign already',
    () => 'Die Leistung ist bereits ein Ziel dieser Kampagne.',
  ),
  CAMPAIGN_NOT_ACTIVE: m(
    'CONFLICT',
    (p: { campaign: string; state: string }) => `Campaign ${p.campaign} is ${p.state}`,
    (p) => `Die Kampagne ${p.campaign} ist im Zustand ${p.state}.`,
  ),

  // ------------------------------------------------------------------ conflicts: GitHub
  GITHUB_NOT_CONFIGURED: m(
    'CONFLICT',
    () => 'GitHub is not configured here (docs/github.md)',
    () => 'GitHub ist hier nicht eingerichtet (siehe docs/github.md).',
  ),
  NO_REPOSITORY: m(
    'CONFLICT',
    () => "The target's service links no GitHub repository (its repositoryUrl)",
    () => 'Die Leistung des Ziels nennt kein GitHub-Repository: tragen Sie ihre repositoryUrl ein.',
  ),
  ISSUE_EXISTS: m(
    'CONFLICT',
    (p: { outcome: string }) => `The issue is ${p.outcome} already`,
    (p) => `Das Issue ist bereits im Zustand ${p.outcome}.`,
  ),
  DELIVERY_NOT_REPLAYABLE: m(
    'CONFLICT',
    (p: { id: string; outcome: string }) =>
      `Delivery ${p.id} is ${p.outcome}: only FAILED and SKIPPED deliveries are replayed`,
    (p) =>
      `Die Zustellung ${p.id} ist im Zustand ${p.outcome}: erneut ausgeführt werden nur fehlgeschlagene ` +
      '(FAILED) und übersprungene (SKIPPED) Zustellungen.',
  ),

  // ------------------------------------------------------------------ publiccode.yml (docs/opencode.md)
  PUBLICCODE_INVALID: m(
    'BAD_USER_INPUT',
    (p: { problems: readonly PubliccodeProblem[] }) =>
      `the publiccode.yml does not follow the standard: ${problemList(p.problems, 'en')}`,
    (p) =>
      `Die publiccode.yml entspricht nicht dem Standard: ${problemList(p.problems, 'de')}. ` +
      'Es wurde nichts übernommen.',
  ),
  PUBLICCODE_TOO_LARGE: m(
    'BAD_USER_INPUT',
    (p: { size: number; max: number }) =>
      `the publiccode.yml has ${p.size} bytes, more than the ${p.max} bytes (1 MiB) the registry reads`,
    (p) =>
      `Die publiccode.yml ist ${p.size} Bytes groß; das Register liest höchstens ${p.max} Bytes (1 MiB).`,
  ),
  PUBLICCODE_ALIAS_LIMIT: m(
    'BAD_USER_INPUT',
    (p: { max: number }) =>
      `the publiccode.yml expands its YAML aliases beyond ${p.max} nodes (an alias bomb): it was not read`,
    (p) =>
      `Die publiccode.yml vervielfacht sich über YAML-Aliase auf mehr als ${p.max} Knoten (eine Alias-Bombe) ` +
      'und wurde nicht gelesen.',
  ),
  PUBLICCODE_NO_REPOSITORY: m(
    'CONFLICT',
    () =>
      "The service links no GitHub repository to read publiccode.yml from (its repositoryUrl): pass the file's text instead",
    () =>
      'Die Leistung nennt kein GitHub-Repository, aus dem die publiccode.yml gelesen werden kann (repositoryUrl): ' +
      'übergeben Sie den Inhalt der Datei als text.',
  ),
  PUBLICCODE_NOT_IN_REPOSITORY: m(
    'CONFLICT',
    (p: { repository: string }) =>
      `GitHub has no publiccode.yml at the root of the default branch of ${p.repository}, or does not let the registry read it`,
    (p) =>
      `Im Hauptzweig von ${p.repository} liegt keine publiccode.yml im obersten Verzeichnis, ` +
      'oder GitHub lässt das Register sie nicht lesen.',
  ),
  PUBLICCODE_REPOSITORY_UNAVAILABLE: m(
    'CONFLICT',
    (p: { repository: string; status: string }) =>
      `GitHub did not hand out publiccode.yml of ${p.repository} (${p.status}): try again later, or pass the file's text`,
    (p) =>
      `GitHub hat die publiccode.yml von ${p.repository} nicht geliefert (${p.status}): versuchen Sie es später ` +
      'erneut oder übergeben Sie den Inhalt der Datei als text.',
  ),

  // ------------------------------------------------------------------ the service's own failure
  INTERNAL_ERROR: m(
    'INTERNAL_SERVER_ERROR',
    (p: { requestId: string }) => `Internal server error (request ${p.requestId})`,
    (p) =>
      `Interner Fehler (Anfrage ${p.requestId}). Versuchen Sie es später erneut; besteht der Fehler fort, ` +
      'nennen Sie dem Betrieb die Anfragenummer.',
  ),

  // ------------------------------------------------------------------ HTTP level (before GraphQL)
  WRONG_PATH: m(
    'BAD_REQUEST',
    (p: { path: string; got: string }) =>
      `The GraphQL endpoint is ${p.path}, spelled exactly so (not ${p.got}).`,
    (p) => `Der GraphQL-Endpunkt ist ${p.path}, genau so geschrieben (nicht ${p.got}).`,
  ),
  WRONG_MEDIA_TYPE: m(
    'UNSUPPORTED_MEDIA_TYPE',
    (p: { got: string }) =>
      `GraphQL requests are sent as POST with Content-Type: application/json (not ${p.got || 'none'}).`,
    (p) =>
      `Senden Sie GraphQL-Anfragen als POST mit Content-Type: application/json (nicht ${p.got || 'ohne'}).`,
  ),
  GET_WITHOUT_PREFLIGHT: m(
    'BAD_REQUEST',
    () =>
      'This GET request was refused to prevent cross-site request forgery: send it as POST with ' +
      'Content-Type: application/json, or add the header "graphql-require-preflight: 1".',
    () =>
      'Diese GET-Anfrage wurde zum Schutz vor Cross-Site-Request-Forgery abgelehnt: senden Sie sie als POST ' +
      'mit Content-Type: application/json oder setzen Sie den Header „graphql-require-preflight: 1“.',
  ),
  BATCH_NOT_SUPPORTED: m(
    'BAD_REQUEST',
    () => 'Batched requests (a JSON array) are not supported: send one operation per request.',
    () =>
      'Gebündelte Anfragen (ein JSON-Array) werden nicht unterstützt: senden Sie eine Operation je Anfrage.',
  ),
  NOT_A_GRAPHQL_REQUEST: m(
    'BAD_REQUEST',
    (p: { problem: 'body' | 'query' | 'getQuery' | 'variables' | 'operationName' | 'schema' }) =>
      ({
        body: 'The request body must be a JSON object with the operation in "query".',
        query: 'The request body must carry the operation as a string in "query".',
        getQuery: 'A GET request carries the operation in the query parameter "query".',
        variables: '"variables" must be a JSON object.',
        operationName: '"operationName" must be a string.',
        schema: 'The request body is not a GraphQL request.',
      })[p.problem],
    (p) =>
      ({
        body: 'Der Inhalt der Anfrage muss ein JSON-Objekt mit der Operation in „query“ sein.',
        query: 'Der Inhalt der Anfrage muss die Operation als Zeichenkette in „query“ enthalten.',
        getQuery: 'Eine GET-Anfrage trägt die Operation im Parameter „query“.',
        variables: '„variables“ muss ein JSON-Objekt sein.',
        operationName: '„operationName“ muss eine Zeichenkette sein.',
        schema: 'Der Inhalt der Anfrage ist keine GraphQL-Anfrage.',
      })[p.problem],
  ),
  OPERATION_NOT_NAMED: m(
    'BAD_REQUEST',
    () => 'The document holds several operations: name one in "operationName".',
    () => 'Das Dokument enthält mehrere Operationen: nennen Sie eine in „operationName“.',
  ),
  MUTATION_AS_GET: m(
    'BAD_REQUEST',
    (p: { operation: string }) =>
      p.operation === 'any'
        ? 'Only queries may be sent as GET: send this one as POST.'
        : `A ${p.operation} cannot be sent as GET: send it as POST with Content-Type: application/json.`,
    () =>
      'Nur Abfragen dürfen als GET gesendet werden: senden Sie diese als POST mit Content-Type: application/json.',
  ),
  BODY_TOO_LARGE: m(
    'BAD_REQUEST',
    (p: { problem: string }) => p.problem,
    () => 'Die Anfrage ist zu groß: senden Sie weniger Daten auf einmal.',
  ),
  MALFORMED_REQUEST: m(
    'BAD_REQUEST',
    (p: { problem: string }) => p.problem,
    () => 'Die Anfrage ist fehlerhaft: der Inhalt ist kein gültiges JSON.',
  ),
  UNSUPPORTED_BODY: m(
    'UNSUPPORTED_MEDIA_TYPE',
    (p: { problem: string }) => p.problem,
    () => 'Dieser Inhaltstyp wird nicht unterstützt: senden Sie application/json.',
  ),
  TOO_MANY_REQUESTS: m(
    'TOO_MANY_REQUESTS',
    (p: { problem: string; seconds: number }) => p.problem,
    (p) => `Zu viele Anfragen: bitte warten Sie ${p.seconds} Sekunden und versuchen Sie es dann erneut.`,
  ),
} as const;

export type Catalogue = typeof MESSAGES;
export type Reason = keyof Catalogue;
export type ParamsOf<R extends Reason> = Parameters<Catalogue[R]['en']>[0];
export type CodeOf<R extends Reason> = Catalogue[R]['code'];
/** The reasons of one code, e.g. `ReasonOf<'BAD_USER_INPUT'>`. */
export type ReasonOf<C extends Code> = { [R in Reason]: CodeOf<R> extends C ? R : never }[Reason];

/** Params may be left out exactly where an entry takes none. */
export type ParamsArg<R extends Reason> =
  Record<never, never> extends ParamsOf<R> ? [params?: ParamsOf<R>] : [params: ParamsOf<R>];

/** The message of a reason in a language. */
export function messageOf<R extends Reason>(
  reason: R,
  language: Language,
  ...[params]: ParamsArg<R>
): string {
  const entry = MESSAGES[reason] as unknown as Entry<Code, ParamsOf<R>>;
  return entry[language](params ?? {});
}
