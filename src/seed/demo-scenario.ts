import { ReuseModel, ServiceLifecycle, SubscriptionApproval } from '#src/catalogue/catalogue-enums';
import { ChangeType, InterfaceDirection } from '#src/releases/release-enums';

/**
 * The demo's story as data: who runs which service, which releases went through the QA gates and
 * how, who subscribed and what they deployed, the legal-change campaigns and the hours spent on
 * them. The seeder (demo-seeder.ts) plays these facts through the application's services in date
 * order, with the clock set to each fact's date, so that every row, audit event and chart has a
 * real history.
 *
 * Dates are days (the seeder gives each fact its own minute of the morning, in the order below):
 *  - `{ on: 'YYYY-MM-DD' }` for the registry's first year, tied to the calendar: the Wohngeld-Plus
 *    reform came into force on 1 January 2023, and everything it needed happened before;
 *  - `{ daysAgo: n }` for the rest, so that the active campaigns stay current whenever the demo
 *    is loaded (n at most a few hundred: all of it after the first year);
 *  - `{ inDays: n }` only for plans (a planned release date), never for something that happened.
 * Facts lie before today: the seeder refuses one dated today or later.
 */
export type Day = { on: string } | { daysAgo: number } | { inDays: number };

const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD, UTC) of a day, seen from `today`. */
export function dateOf(day: Day, today: string): string {
  const base = 'on' in day ? Date.parse(`${day.on}T00:00:00Z`) : Date.parse(`${today}T00:00:00Z`);
  const offset = 'daysAgo' in day ? -day.daysAgo : 'inDays' in day ? day.inDays : 0;
  return new Date(base + offset * DAY_MS).toISOString().slice(0, 10);
}

/** `days` before `day`, in the same kind of date. */
export function before(day: Day, days: number): Day {
  if ('daysAgo' in day) {
    return { daysAgo: day.daysAgo + days };
  }
  if ('inDays' in day) {
    return { inDays: day.inDays - days };
  }
  return { on: dateOf({ daysAgo: days }, day.on) };
}

/** The registry went live: the organisations, standards, norms and services were registered. */
export const REGISTRY_LAUNCH: Day = { on: '2022-06-01' };

/** Every service's yearly maintenance estimate was set in the last budget round. */
export const BASELINES_SET: Day = { daysAgo: 330 };

// ------------------------------------------------------------------ organisations (demo-data.ts)

const LAND = '010000000000'; // Land Schleswig-Holstein
const FLENSBURG = '010010000000';
const KIEL = '010020000000'; // Landeshauptstadt Kiel
const LUEBECK = '010030000000'; // Hansestadt Lübeck
const NEUMUENSTER = '010040000000';
const HEIDE = '010510044044';
const HUSUM = '010540056056';
const BAD_SCHWARTAU = '010550004004';
const ELMSHORN = '010560015015';
const ALTENHOLZ = '010580005005';
const ASCHEFFEL = '010585890008';
const NORDERSTEDT = '010600063063';
const ECKERNFOERDE = '010580043043';
const RENDSBURG = '010580135135';
const BRUNSBUETTEL = '010510011011';
const ITZEHOE = '010610046046';
const AHRENSBURG = '010620001001';
const DATAPORT = 'dataport';
const KOMFIT = 'komfit';

// ------------------------------------------------------------------ releases

export interface InterfaceUse {
  standard: string;
  version: string;
  direction: InterfaceDirection;
}

// The interface standards each service uses: those its procedure really uses, and no XÖV standard
// where none is known for it. The sources are beside each constant, and docs/domain.md ("Sources
// of the demo data") has them as a table with the services that use each. A release uses the
// version current today whatever its date, except where a major release moves to a newer one
// (STANDARDS); the releases' dates are the demo's. PROVIDES: the service delivers its data in
// that standard; CONSUMES: it uses the transport or component, or reads data in that standard.
const use = (standard: string, version: string, direction: InterfaceDirection): InterfaceUse => ({
  standard,
  version,
  direction,
});
/**
 * FIT-Connect (FITKO): the transport from the online service to the Fachverfahren, through its
 * Submission API, major version 1 (the API's paths are /v1/..., docs.fitko.de/fit-connect; senders
 * configure "FIT-Connect Version 1"). The demo's services all submit through it.
 */
const FIT_CONNECT = use('fit-connect', '1', InterfaceDirection.CONSUMES);
/** The user account that identifies the applicant. Its version is the demo's: none is published. */
const SERVICEKONTO = use('servicekonto', '2.0', InterfaceDirection.CONSUMES);
/** Every service: submitted over FIT-Connect by a user signed in with the Servicekonto. */
const online = (...uses: InterfaceUse[]): InterfaceUse[] => [FIT_CONNECT, SERVICEKONTO, ...uses];
/**
 * ePayment, for the services that charge a fee. Its versions are the demo's: no published
 * version of the payment interface (XBezahldienste) was found.
 */
const EPAYMENT_1_5 = use('epayment', '1.5', InterfaceDirection.CONSUMES);
const EPAYMENT_2_0 = use('epayment', '2.0', InterfaceDirection.CONSUMES);
/**
 * OSCI-XMeld 3.4, the registration standard (Meldewesen): KoSIT, Fassung of 31.07.2023, published
 * as BAnz AT 01.12.2023 B2 (www1.osci.de/meldewesen/xmeld/xmeld-3-4-25765). It covers the
 * electronic Anmeldung and the data the Melderegister gives out; since XMeld 1.3.0 also the
 * application for a Führungszeugnis passed on to the Bundeszentralregister.
 */
const XMELD_3_4 = use('xmeld', '3.4', InterfaceDirection.PROVIDES);
const XMELD_3_4_READ = use('xmeld', '3.4', InterfaceDirection.CONSUMES);
/**
 * XPersonenstandsregister (XPSR; KoSIT, a module of XInneres): the interface to the electronic
 * civil-status registers (§ 11 Abs. 3 PStV). 24.11 (Fassung 31.01.2024) applies from 1.11.2024,
 * 25.05 (Fassung 31.07.2024, a major version) from 1.5.2025
 * (www1.osci.de/sixcms/detail.php?gsid=bremen76.c.10427.de). Not XPersonenstand (1.7.4), the
 * standard for messages between Standesämter and other authorities.
 */
const XPSR_24_11_READ = use('xpersonenstandsregister', '24.11', InterfaceDirection.CONSUMES);
const XPSR_25_05_READ = use('xpersonenstandsregister', '25.05', InterfaceDirection.CONSUMES);
const XPSR_25_05 = use('xpersonenstandsregister', '25.05', InterfaceDirection.PROVIDES);
/**
 * XBau (XLeitstelle): building-supervision procedures only, the Baugenehmigung among them
 * (xleitstelle.de/xbau/ueber_xbau). Version 2.6 as the namespace http://www.xleitstelle.de/xbau/2/6
 * of published XBau schemas names it; XLeitstelle's release page did not show the versions.
 */
const XBAU_2_6 = use('xbau', '2.6', InterfaceDirection.PROVIDES);
/**
 * XGewerbeordnung (formerly XGewerbeanzeige): the Gewerbeanzeige data for the recipients of § 14
 * GewO. Version 1.6 (Stand 1.8.2025) applies from 1.5.2026 and replaces 1.5 (xgewerbeordnung.de).
 */
const XGEWERBEORDNUNG_1_6 = use('xgewerbeordnung', '1.6', InterfaceDirection.PROVIDES);

interface Content {
  notes: string;
  changes: { type: ChangeType; description: string }[];
}
const FIRST: Content = {
  notes: 'Erste Version des Online-Dienstes',
  changes: [{ type: ChangeType.ADDED, description: 'Erste Version des Online-Dienstes' }],
};
const BITV: Content = {
  notes: 'Verbesserte Nutzerführung',
  changes: [{ type: ChangeType.CHANGED, description: 'Verbesserte Nutzerführung (BITV 2.0)' }],
};
/** A major version: the interface standards' new versions replace the old ones. */
const STANDARDS: Content = {
  notes: 'Neue Versionen der Datenaustauschstandards',
  changes: [{ type: ChangeType.BREAKING, description: 'Neue Versionen der Datenaustauschstandards' }],
};
/** A major version of a service with no standard to move: the data it submits changed. */
const DATASET: Content = {
  notes: 'Neuer Antragsdatensatz für das Fachverfahren',
  changes: [{ type: ChangeType.BREAKING, description: 'Geänderter Antragsdatensatz an das Fachverfahren' }],
};
const UPLOAD_FIX: Content = {
  notes: 'Sicherheitskorrektur im Upload',
  changes: [
    {
      type: ChangeType.SECURITY,
      description: 'Hochgeladene Dateien werden vor der Verarbeitung geprüft (CVE-Demo)',
    },
  ],
};
const WOHNGELD_PLUS: Content = {
  notes: 'Wohngeld-Plus',
  changes: [
    {
      type: ChangeType.LEGAL,
      description: 'Berechnung nach dem Wohngeld-Plus-Gesetz mit Heizkosten- und Klimakomponente',
    },
  ],
};
const PSTG_DATA: Content = {
  notes: 'Neue Pflichtangaben für Beurkundungen (Demo)',
  changes: [
    {
      type: ChangeType.LEGAL,
      description: 'Neue Pflichtangaben für Beurkundungen nach dem PStG (erdachtes Beispiel)',
    },
  ],
};

/**
 * The SDG campaign's change (demo): Art. 14 of the SDG regulation (EU) 2018/1724 and its
 * implementing regulation (EU) 2022/1463 are real; the campaign's deadline is made up.
 */
const SDG_OOTS: Content = {
  notes: 'Nachweisabruf über das Once-Only-Technical-System (Demo)',
  changes: [
    {
      type: ChangeType.LEGAL,
      description: 'Nachweise nach Art. 14 SDG-VO auf Wunsch über das OOTS abrufen (Demo)',
    },
    { type: ChangeType.ADDED, description: 'Anbindung an das Once-Only-Technical-System (OOTS)' },
  ],
};

/** A reviewer's verdict on one QA gate, or the maintainer's waiver of it, on a day. */
export type GateDecision =
  | { approve: Day }
  | { reject: Day; comment: string }
  | { waive: Day; validDays: number; reason: string; ticket: string };

export type GateKind = 'USABILITY' | 'SECURITY' | 'INTERFACES';

export interface ReleaseFixture {
  version: string;
  notes: string;
  changes: Content['changes'];
  interfaces: InterfaceUse[];
  /** Created and submitted for review (the gates of the QA policy open). */
  submitted: Day;
  /** In the order of their days; a gate not named stays PENDING. */
  gates: Partial<Record<GateKind, GateDecision>>;
  /** Omitted: not published (waiting, rejected, or approved and not yet out). */
  published?: Day;
  deprecated?: { at: Day; reason: string };
}

/** The routine path: submitted three days before publication, every gate approved the day before. */
function published(version: string, on: Day, content: Content, interfaces: InterfaceUse[]): ReleaseFixture {
  const approved = { approve: before(on, 1) };
  return {
    version,
    ...content,
    interfaces,
    submitted: before(on, 3),
    gates: { USABILITY: approved, SECURITY: approved, INTERFACES: approved },
    published: on,
  };
}

// ------------------------------------------------------------------ services

export interface ServiceFixture {
  /** A service of demo-catalogue.ts (its name, LeiKa keys and legal bases are there). */
  slug: string;
  /** Who builds and runs it (EfA: one for all): an organisation's key. */
  owner: string;
  reuseModel: ReuseModel;
  /** Self-hosted open source comes with its licence. */
  license?: string;
  lifecycle: ServiceLifecycle;
  approval: SubscriptionApproval;
  /** Yearly routine maintenance in hours: optimistic, likely, pessimistic (set on BASELINES_SET). */
  baseline: [number, number, number];
  /** In version order. */
  releases: ReleaseFixture[];
}

/**
 * Every researched service, by slug. Each published its 1.0.0 in the registry's first months and a
 * 1.1.0 in the last year or so; a third of them a 2.0.0 since, with new standard versions
 * (STANDARDS) or, where no standard moved, a new data set (DATASET). The exceptions say what they
 * show.
 */
export const DEMO_SERVICES: ServiceFixture[] = [
  {
    slug: 'apothekenbetriebserlaubnis-beantragen',
    owner: LUEBECK,
    reuseModel: ReuseModel.SELF_HOSTED_OPEN_SOURCE,
    license: 'EUPL-1.2',
    lifecycle: ServiceLifecycle.DEVELOPMENT,
    approval: SubscriptionApproval.MANUAL,
    baseline: [40, 80, 200],
    releases: [
      published('1.0.0', { on: '2022-10-27' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 300 }, BITV, online(EPAYMENT_1_5)),
      published('2.0.0', { daysAgo: 120 }, STANDARDS, online(EPAYMENT_2_0)),
      // Waiting for review: the usability reviewer approved, security and interfaces are still to come.
      {
        version: '2.1.0',
        ...BITV,
        interfaces: online(EPAYMENT_2_0),
        submitted: { daysAgo: 3 },
        gates: { USABILITY: { approve: { daysAgo: 2 } } },
      },
    ],
  },
  {
    slug: 'aufstellung-von-verkehrszeichen-anregen',
    owner: LUEBECK,
    reuseModel: ReuseModel.SELF_HOSTED_OPEN_SOURCE,
    license: 'EUPL-1.2',
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [44, 88, 220],
    releases: [
      published('1.0.0', { on: '2022-07-19' }, FIRST, online()),
      published('1.1.0', { daysAgo: 337 }, BITV, online()),
      // Rejected: the security reviewer found unmasked input; the other gates were never reached.
      {
        version: '1.2.0',
        ...BITV,
        interfaces: online(),
        submitted: { daysAgo: 10 },
        gates: {
          SECURITY: {
            reject: { daysAgo: 8 },
            comment: 'Eingaben im Formular werden nicht maskiert (BSI APP.3.1.A1)',
          },
        },
      },
    ],
  },
  {
    slug: 'ausnahmegenehmigung-gurt-und-helmpflicht',
    owner: DATAPORT,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [48, 96, 240],
    releases: [
      published('1.0.0', { on: '2022-07-23' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 374 }, BITV, online(EPAYMENT_1_5)),
      // APPROVED by a waiver: the interfaces gate is waived for 90 days (still running), not published yet.
      {
        version: '1.2.0',
        ...BITV,
        interfaces: online(EPAYMENT_1_5),
        submitted: { daysAgo: 14 },
        gates: {
          USABILITY: { approve: { daysAgo: 12 } },
          SECURITY: { approve: { daysAgo: 12 } },
          INTERFACES: {
            waive: { daysAgo: 11 },
            validDays: 90,
            reason: 'Schnittstellen unverändert gegenüber 1.1.0; Prüfung folgt mit dem nächsten Release',
            ticket: 'QA-2026-042',
          },
        },
      },
    ],
  },
  {
    slug: 'bafoeg-beantragen',
    owner: KIEL,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.AUTOMATIC,
    baseline: [52, 104, 260],
    releases: [
      published('1.0.0', { on: '2022-10-03' }, FIRST, online()),
      published('1.1.0', { daysAgo: 411 }, BITV, online()),
      published('2.0.0', { daysAgo: 279 }, DATASET, online()),
      // The SDG campaign's first release, on its planned day: the burndown's first step down.
      published('2.1.0', { daysAgo: 49 }, SDG_OOTS, online()),
    ],
  },
  {
    slug: 'baugenehmigung-beantragen',
    owner: LUEBECK,
    reuseModel: ReuseModel.SELF_HOSTED_OPEN_SOURCE,
    license: 'EUPL-1.2',
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [56, 112, 280],
    releases: [
      published('1.0.0', { on: '2022-10-07' }, FIRST, online(EPAYMENT_1_5, XBAU_2_6)),
      published('1.1.0', { daysAgo: 328 }, BITV, online(EPAYMENT_1_5, XBAU_2_6)),
    ],
  },
  {
    slug: 'belehrung-infektionsschutzgesetz-bescheinigung',
    owner: KIEL,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [60, 120, 300],
    releases: [
      // 1.0.0 is deprecated after the fix in 1.1.0; Altenholz still runs it (on a deprecated version).
      {
        ...published('1.0.0', { on: '2022-10-23' }, FIRST, online(EPAYMENT_1_5)),
        deprecated: {
          at: { daysAgo: 85 },
          reason: 'Sicherheitslücke im Upload (CVE-Demo); bitte auf 1.1.0 aktualisieren',
        },
      },
      published('1.1.0', { daysAgo: 90 }, UPLOAD_FIX, online(EPAYMENT_1_5)),
    ],
  },
  {
    slug: 'beschaeftigung-an-sonn-und-feiertagen-bewilligung',
    owner: KIEL,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [64, 128, 320],
    releases: [
      published('1.0.0', { on: '2022-06-25' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 402 }, BITV, online(EPAYMENT_1_5)),
      published('2.0.0', { daysAgo: 278 }, STANDARDS, online(EPAYMENT_2_0)),
    ],
  },
  {
    slug: 'bewachungsgewerbe-erlaubnis',
    owner: LAND,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [40, 80, 200],
    releases: [
      published('1.0.0', { on: '2022-06-17' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 319 }, BITV, online(EPAYMENT_1_5)),
    ],
  },
  {
    slug: 'bewohnerparkausweis-beantragen',
    owner: LAND,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.DEVELOPMENT,
    approval: SubscriptionApproval.MANUAL,
    baseline: [44, 88, 220],
    releases: [
      published('1.0.0', { on: '2022-07-07' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 356 }, BITV, online(EPAYMENT_1_5)),
    ],
  },
  {
    slug: 'buergergeld-beantragen',
    owner: LAND,
    reuseModel: ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [48, 96, 240],
    releases: [
      published('1.0.0', { on: '2022-09-25' }, FIRST, online()),
      published('1.1.0', { daysAgo: 393 }, BITV, online()),
      published('2.0.0', { daysAgo: 277 }, DATASET, online()),
    ],
  },
  {
    slug: 'eheschliessung-anmelden',
    owner: LAND,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [52, 104, 260],
    releases: [
      published('1.0.0', { on: '2022-09-05' }, FIRST, online(EPAYMENT_1_5, XPSR_25_05_READ)),
      published('1.1.0', { daysAgo: 310 }, BITV, online(EPAYMENT_1_5, XPSR_25_05_READ)),
    ],
  },
  {
    slug: 'einbuergerung-beantragen',
    owner: LAND,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [56, 112, 280],
    releases: [
      published('1.0.0', { on: '2022-10-15' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 347 }, BITV, online(EPAYMENT_1_5)),
    ],
  },
  {
    slug: 'fahrerlaubnis-klasse-b-beantragen',
    owner: KOMFIT,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [60, 120, 300],
    releases: [
      published('1.0.0', { on: '2022-07-11' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 384 }, BITV, online(EPAYMENT_1_5)),
      published('2.0.0', { daysAgo: 276 }, STANDARDS, online(EPAYMENT_2_0)),
    ],
  },
  {
    slug: 'feststellung-der-schwerbehinderung-beantragen',
    owner: KOMFIT,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.DEVELOPMENT,
    approval: SubscriptionApproval.MANUAL,
    baseline: [64, 128, 320],
    releases: [
      published('1.0.0', { on: '2022-09-29' }, FIRST, online()),
      published('1.1.0', { daysAgo: 301 }, BITV, online()),
    ],
  },
  {
    slug: 'fischereischein-beantragen',
    owner: KOMFIT,
    reuseModel: ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.AUTOMATIC,
    baseline: [40, 80, 200],
    releases: [
      published('1.0.0', { on: '2022-10-19' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 338 }, BITV, online(EPAYMENT_1_5)),
    ],
  },
  {
    slug: 'fuehrerschein-umtauschen',
    owner: KIEL,
    reuseModel: ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.AUTOMATIC,
    baseline: [44, 88, 220],
    releases: [
      published('1.0.0', { on: '2022-07-15' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 375 }, BITV, online(EPAYMENT_1_5)),
      published('2.0.0', { daysAgo: 275 }, STANDARDS, online(EPAYMENT_2_0)),
    ],
  },
  {
    slug: 'fuehrungszeugnis-beantragen',
    owner: DATAPORT,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [48, 96, 240],
    releases: [
      published('1.0.0', { on: '2022-10-11' }, FIRST, online(EPAYMENT_1_5, XMELD_3_4)),
      published('1.1.0', { daysAgo: 412 }, BITV, online(EPAYMENT_1_5, XMELD_3_4)),
    ],
  },
  {
    slug: 'gaststaettengewerbe-gestattung',
    owner: KOMFIT,
    reuseModel: ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [52, 104, 260],
    releases: [
      published('1.0.0', { on: '2022-06-21' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 329 }, BITV, online(EPAYMENT_1_5)),
    ],
  },
  {
    slug: 'geburtsurkunde-beantragen',
    owner: DATAPORT,
    reuseModel: ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION,
    lifecycle: ServiceLifecycle.DEVELOPMENT,
    approval: SubscriptionApproval.AUTOMATIC,
    baseline: [56, 112, 280],
    releases: [
      published('1.0.0', { on: '2022-09-01' }, FIRST, online(EPAYMENT_1_5, XPSR_24_11_READ)),
      published('1.1.0', { daysAgo: 366 }, BITV, online(EPAYMENT_1_5, XPSR_24_11_READ)),
      published('2.0.0', { daysAgo: 274 }, STANDARDS, online(EPAYMENT_1_5, XPSR_25_05_READ)),
      // Fulfils the Personenstand campaign; Kiel stays on 1.0.0, so the target is RELEASED, not rolled out.
      published('2.1.0', { daysAgo: 25 }, PSTG_DATA, online(EPAYMENT_1_5, XPSR_25_05_READ)),
    ],
  },
  {
    slug: 'gewerbe-anmelden',
    owner: DATAPORT,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.AUTOMATIC,
    baseline: [60, 120, 300],
    releases: [
      published('1.0.0', { on: '2022-06-13' }, FIRST, online(EPAYMENT_1_5, XGEWERBEORDNUNG_1_6)),
      published('1.1.0', { daysAgo: 403 }, BITV, online(EPAYMENT_1_5, XGEWERBEORDNUNG_1_6)),
    ],
  },
  {
    slug: 'halterauskunft-fahrzeugregister',
    owner: LAND,
    reuseModel: ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [64, 128, 320],
    releases: [
      published('1.0.0', { on: '2022-07-27' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 320 }, BITV, online(EPAYMENT_1_5)),
    ],
  },
  {
    slug: 'hundesteuer-anmelden',
    owner: DATAPORT,
    reuseModel: ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [40, 80, 200],
    releases: [
      published('1.0.0', { on: '2022-07-03' }, FIRST, online()),
      published('1.1.0', { daysAgo: 357 }, BITV, online()),
      published('2.0.0', { daysAgo: 273 }, DATASET, online()),
    ],
  },
  {
    slug: 'kuendigung-im-mutterschutz-zulaessigerklaerung',
    owner: LUEBECK,
    reuseModel: ReuseModel.SELF_HOSTED_OPEN_SOURCE,
    license: 'EUPL-1.2',
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.AUTOMATIC,
    baseline: [44, 88, 220],
    releases: [
      published('1.0.0', { on: '2022-06-29' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 394 }, BITV, online(EPAYMENT_1_5)),
    ],
  },
  {
    slug: 'meldebescheinigung-beantragen',
    owner: LUEBECK,
    reuseModel: ReuseModel.SELF_HOSTED_OPEN_SOURCE,
    license: 'EUPL-1.2',
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [48, 96, 240],
    releases: [
      published('1.0.0', { on: '2022-08-28' }, FIRST, online(EPAYMENT_1_5, XMELD_3_4_READ)),
      published('1.1.0', { daysAgo: 311 }, BITV, online(EPAYMENT_1_5, XMELD_3_4_READ)),
      // The SDG campaign's third release; both subscribers run it since: ROLLED_OUT.
      published('1.2.0', { daysAgo: 21 }, SDG_OOTS, online(EPAYMENT_1_5, XMELD_3_4_READ)),
    ],
  },
  {
    slug: 'personalausweis-beantragen',
    owner: KIEL,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.DEVELOPMENT,
    approval: SubscriptionApproval.MANUAL,
    baseline: [52, 104, 260],
    releases: [
      published('1.0.0', { on: '2022-08-04' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 348 }, BITV, online(EPAYMENT_1_5)),
      published('2.0.0', { daysAgo: 272 }, STANDARDS, online(EPAYMENT_2_0)),
    ],
  },
  {
    slug: 'personalausweis-verlust-melden',
    owner: LUEBECK,
    reuseModel: ReuseModel.SELF_HOSTED_OPEN_SOURCE,
    license: 'EUPL-1.2',
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [56, 112, 280],
    releases: [
      published('1.0.0', { on: '2022-08-08' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 385 }, BITV, online(EPAYMENT_1_5)),
    ],
  },
  {
    slug: 'reisepass-beantragen',
    owner: DATAPORT,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [60, 120, 300],
    releases: [
      published('1.0.0', { on: '2022-08-12' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 302 }, BITV, online(EPAYMENT_1_5)),
    ],
  },
  {
    slug: 'reisepass-namensaenderung-heirat',
    owner: LAND,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.AUTOMATIC,
    baseline: [64, 128, 320],
    releases: [
      published('1.0.0', { on: '2022-08-16' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 339 }, BITV, online(EPAYMENT_1_5)),
      published('2.0.0', { daysAgo: 271 }, STANDARDS, online(EPAYMENT_2_0)),
    ],
  },
  {
    slug: 'rotes-oldtimerkennzeichen-07-zuteilen',
    owner: KOMFIT,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.AUTOMATIC,
    baseline: [40, 80, 200],
    releases: [
      published('1.0.0', { on: '2022-07-31' }, FIRST, online(EPAYMENT_1_5)),
      published('1.1.0', { daysAgo: 376 }, BITV, online(EPAYMENT_1_5)),
    ],
  },
  {
    slug: 'sterbefall-beurkunden',
    owner: KIEL,
    reuseModel: ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [44, 88, 220],
    releases: [
      published('1.0.0', { on: '2022-09-13' }, FIRST, online(XPSR_25_05)),
      published('1.1.0', { daysAgo: 413 }, BITV, online(XPSR_25_05)),
    ],
  },
  {
    slug: 'sterbeurkunde-beantragen',
    owner: KOMFIT,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [48, 96, 240],
    releases: [
      published('1.0.0', { on: '2022-09-09' }, FIRST, online(EPAYMENT_1_5, XPSR_24_11_READ)),
      published('1.1.0', { daysAgo: 330 }, BITV, online(EPAYMENT_1_5, XPSR_24_11_READ)),
      published('2.0.0', { daysAgo: 270 }, STANDARDS, online(EPAYMENT_1_5, XPSR_25_05_READ)),
      // Fulfils the Personenstand campaign; its one subscriber (Bad Schwartau) deploys it: ROLLED_OUT.
      published('2.1.0', { daysAgo: 40 }, PSTG_DATA, online(EPAYMENT_1_5, XPSR_25_05_READ)),
    ],
  },
  {
    slug: 'wohnberechtigungsschein-beantragen',
    owner: LUEBECK,
    reuseModel: ReuseModel.SELF_HOSTED_OPEN_SOURCE,
    license: 'EUPL-1.2',
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.AUTOMATIC,
    baseline: [52, 104, 260],
    releases: [
      published('1.0.0', { on: '2022-09-17' }, FIRST, online()),
      published('1.1.0', { daysAgo: 367 }, BITV, online()),
    ],
  },
  {
    slug: 'wohngeld-beantragen',
    owner: DATAPORT,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [56, 112, 280],
    releases: [
      published('1.0.0', { on: '2022-09-21' }, FIRST, online()),
      // Fulfils the Wohngeld-Plus campaign, two weeks before the reform came into force.
      published('1.1.0', { on: '2022-12-15' }, WOHNGELD_PLUS, online()),
    ],
  },
  {
    slug: 'wohnsitz-abmelden',
    owner: KIEL,
    reuseModel: ReuseModel.EFA_CENTRAL,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [60, 120, 300],
    releases: [
      published('1.0.0', { on: '2022-08-24' }, FIRST, online(XMELD_3_4)),
      published('1.1.0', { daysAgo: 321 }, BITV, online(XMELD_3_4)),
      published('2.0.0', { daysAgo: 269 }, DATASET, online(XMELD_3_4)),
      // The SDG campaign's second release, three days before its planned date.
      published('2.1.0', { daysAgo: 35 }, SDG_OOTS, online(XMELD_3_4)),
    ],
  },
  {
    slug: 'wohnsitz-anmelden',
    owner: KOMFIT,
    reuseModel: ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION,
    lifecycle: ServiceLifecycle.ACTIVE,
    approval: SubscriptionApproval.MANUAL,
    baseline: [64, 128, 320],
    releases: [
      published('1.0.0', { on: '2022-08-20' }, FIRST, online(XMELD_3_4)),
      published('1.1.0', { daysAgo: 358 }, BITV, online(XMELD_3_4)),
    ],
  },
];

// ------------------------------------------------------------------ subscriptions

/**
 * What three municipalities declare their own systems exchange (set before they subscribe). Kiel's
 * civil-status register speaks XPersonenstandsregister 24.11 only: the Geburtsurkunde's 2.x
 * (25.05) lists Kiel's subscription as affected, and Kiel still runs 1.0.0.
 */
export const DEMO_CAPABILITIES: {
  organisation: string;
  at: Day;
  capabilities: { standard: string; versions: string[] }[];
}[] = [
  {
    organisation: KIEL,
    at: { daysAgo: 395 },
    capabilities: [
      { standard: 'xbau', versions: ['2.6'] },
      { standard: 'xpersonenstandsregister', versions: ['24.11'] },
      { standard: 'fit-connect', versions: ['1'] },
    ],
  },
  {
    organisation: LUEBECK,
    at: { daysAgo: 395 },
    capabilities: [
      { standard: 'xbau', versions: ['2.6'] },
      { standard: 'xpersonenstandsregister', versions: ['24.11', '25.05'] },
    ],
  },
  {
    organisation: NORDERSTEDT,
    at: { daysAgo: 395 },
    capabilities: [{ standard: 'epayment', versions: ['1.5'] }],
  },
];

export interface SubscriptionFixture {
  organisation: string;
  service: string;
  range: string;
  requested: Day;
  /** The owner's approval with the reuse agreement; omitted for AUTOMATIC services (active on request). */
  approved?: { at: Day; agreement: string };
  /** The versions it reported running, in order; the last one is what it runs today. */
  deployed: { version: string; at: Day }[];
}

export const DEMO_SUBSCRIPTIONS: SubscriptionFixture[] = [
  // Three towns on one service: current on 2.0.0, behind on 1.0.0, and on 1.1.0 with an open range.
  {
    organisation: KIEL,
    service: 'apothekenbetriebserlaubnis-beantragen',
    range: '^2.0.0',
    requested: { daysAgo: 110 },
    approved: { at: { daysAgo: 107 }, agreement: 'NNV-SH-001' },
    deployed: [{ version: '2.0.0', at: { daysAgo: 100 } }],
  },
  {
    organisation: LUEBECK,
    service: 'apothekenbetriebserlaubnis-beantragen',
    range: '^1.0.0',
    requested: { daysAgo: 280 },
    approved: { at: { daysAgo: 278 }, agreement: 'NNV-SH-002' },
    deployed: [{ version: '1.0.0', at: { daysAgo: 275 } }],
  },
  {
    organisation: FLENSBURG,
    service: 'apothekenbetriebserlaubnis-beantragen',
    range: '>=1.0.0',
    requested: { daysAgo: 250 },
    approved: { at: { daysAgo: 247 }, agreement: 'NNV-SH-003' },
    deployed: [{ version: '1.1.0', at: { daysAgo: 240 } }],
  },
  {
    organisation: NEUMUENSTER,
    service: 'aufstellung-von-verkehrszeichen-anregen',
    range: '^1.0.0',
    requested: { daysAgo: 320 },
    approved: { at: { daysAgo: 316 }, agreement: 'NNV-SH-004' },
    deployed: [{ version: '1.1.0', at: { daysAgo: 310 } }],
  },
  // Pinned to patch releases (~1.0.0): 1.1.0 is out of its range.
  {
    organisation: NORDERSTEDT,
    service: 'aufstellung-von-verkehrszeichen-anregen',
    range: '~1.0.0',
    requested: { daysAgo: 390 },
    approved: { at: { daysAgo: 388 }, agreement: 'NNV-SH-005' },
    deployed: [{ version: '1.0.0', at: { daysAgo: 385 } }],
  },
  // Approved two months ago and not deployed yet.
  {
    organisation: HEIDE,
    service: 'ausnahmegenehmigung-gurt-und-helmpflicht',
    range: '^1.0.0',
    requested: { daysAgo: 60 },
    approved: { at: { daysAgo: 58 }, agreement: 'NNV-SH-006' },
    deployed: [],
  },
  // An AUTOMATIC service: active on request.
  {
    organisation: HUSUM,
    service: 'bafoeg-beantragen',
    range: '^1.0.0',
    requested: { daysAgo: 300 },
    deployed: [{ version: '1.0.0', at: { daysAgo: 295 } }],
  },
  {
    organisation: ELMSHORN,
    service: 'bafoeg-beantragen',
    range: '^2.0.0',
    requested: { daysAgo: 230 },
    deployed: [{ version: '2.0.0', at: { daysAgo: 220 } }],
  },
  // Upgraded from 1.0.0 to 1.1.0.
  {
    organisation: ASCHEFFEL,
    service: 'baugenehmigung-beantragen',
    range: '^1.0.0',
    requested: { daysAgo: 345 },
    approved: { at: { daysAgo: 341 }, agreement: 'NNV-SH-007' },
    deployed: [
      { version: '1.0.0', at: { daysAgo: 338 } },
      { version: '1.1.0', at: { daysAgo: 300 } },
    ],
  },
  // Still on 1.0.0, deprecated since (see the service): the one subscriber on a deprecated version.
  {
    organisation: ALTENHOLZ,
    service: 'belehrung-infektionsschutzgesetz-bescheinigung',
    range: '^1.0.0',
    requested: { daysAgo: 250 },
    approved: { at: { daysAgo: 247 }, agreement: 'NNV-SH-008' },
    deployed: [{ version: '1.0.0', at: { daysAgo: 245 } }],
  },
  {
    organisation: KIEL,
    service: 'beschaeftigung-an-sonn-und-feiertagen-bewilligung',
    range: '^1.0.0',
    requested: { daysAgo: 330 },
    approved: { at: { daysAgo: 327 }, agreement: 'NNV-SH-009' },
    deployed: [{ version: '1.1.0', at: { daysAgo: 325 } }],
  },
  {
    organisation: LUEBECK,
    service: 'beschaeftigung-an-sonn-und-feiertagen-bewilligung',
    range: '^1.0.0',
    requested: { daysAgo: 100 },
    approved: { at: { daysAgo: 97 }, agreement: 'NNV-SH-010' },
    deployed: [],
  },
  // Behind the Personenstand campaign's release (2.1.0): its target is RELEASED, not yet rolled out.
  {
    organisation: KIEL,
    service: 'geburtsurkunde-beantragen',
    range: '>=1.0.0',
    requested: { daysAgo: 150 },
    deployed: [{ version: '1.0.0', at: { daysAgo: 145 } }],
  },
  // Deploys the Personenstand campaign's release five days after it came out: its target is ROLLED_OUT.
  {
    organisation: BAD_SCHWARTAU,
    service: 'sterbeurkunde-beantragen',
    range: '^2.0.0',
    requested: { daysAgo: 120 },
    approved: { at: { daysAgo: 118 }, agreement: 'NNV-SH-011' },
    deployed: [
      { version: '2.0.0', at: { daysAgo: 115 } },
      { version: '2.1.0', at: { daysAgo: 35 } },
    ],
  },
  // The SDG campaign's subscribers (with Husum, Elmshorn and Kiel above): 7 of 13 run the release
  // that fulfils their service's target, each reported on its own day; the rest show who is behind.
  // BAföG 2.1.0 (49 days ago): Eckernförde and Rendsburg upgrade, Ahrensburg starts on it; Husum's
  // range ^1.0.0 cannot reach it, Elmshorn stays on 2.0.0.
  {
    organisation: ECKERNFOERDE,
    service: 'bafoeg-beantragen',
    range: '^2.0.0',
    requested: { daysAgo: 200 },
    deployed: [
      { version: '2.0.0', at: { daysAgo: 196 } },
      { version: '2.1.0', at: { daysAgo: 44 } },
    ],
  },
  {
    organisation: RENDSBURG,
    service: 'bafoeg-beantragen',
    range: '^2.0.0',
    requested: { daysAgo: 160 },
    deployed: [
      { version: '2.0.0', at: { daysAgo: 150 } },
      { version: '2.1.0', at: { daysAgo: 38 } },
    ],
  },
  {
    organisation: AHRENSBURG,
    service: 'bafoeg-beantragen',
    range: '^2.0.0',
    requested: { daysAgo: 40 },
    deployed: [{ version: '2.1.0', at: { daysAgo: 29 } }],
  },
  // Wohnsitz abmelden 2.1.0 (35 days ago): Neumünster and Itzehoe upgrade, Brunsbüttel stays on 2.0.0.
  {
    organisation: NEUMUENSTER,
    service: 'wohnsitz-abmelden',
    range: '^2.0.0',
    requested: { daysAgo: 240 },
    approved: { at: { daysAgo: 237 }, agreement: 'NNV-SH-012' },
    deployed: [
      { version: '2.0.0', at: { daysAgo: 230 } },
      { version: '2.1.0', at: { daysAgo: 31 } },
    ],
  },
  {
    organisation: ITZEHOE,
    service: 'wohnsitz-abmelden',
    range: '^2.0.0',
    requested: { daysAgo: 180 },
    approved: { at: { daysAgo: 176 }, agreement: 'NNV-SH-013' },
    deployed: [
      { version: '2.0.0', at: { daysAgo: 170 } },
      { version: '2.1.0', at: { daysAgo: 24 } },
    ],
  },
  {
    organisation: BRUNSBUETTEL,
    service: 'wohnsitz-abmelden',
    range: '^2.0.0',
    requested: { daysAgo: 90 },
    approved: { at: { daysAgo: 86 }, agreement: 'NNV-SH-014' },
    deployed: [{ version: '2.0.0', at: { daysAgo: 80 } }],
  },
  // Meldebescheinigung 1.2.0 (21 days ago): both subscribers upgrade, a week apart.
  {
    organisation: NORDERSTEDT,
    service: 'meldebescheinigung-beantragen',
    range: '^1.0.0',
    requested: { daysAgo: 260 },
    approved: { at: { daysAgo: 257 }, agreement: 'NNV-SH-015' },
    deployed: [
      { version: '1.1.0', at: { daysAgo: 250 } },
      { version: '1.2.0', at: { daysAgo: 17 } },
    ],
  },
  {
    organisation: BAD_SCHWARTAU,
    service: 'meldebescheinigung-beantragen',
    range: '^1.0.0',
    requested: { daysAgo: 140 },
    approved: { at: { daysAgo: 136 }, agreement: 'NNV-SH-016' },
    deployed: [
      { version: '1.1.0', at: { daysAgo: 130 } },
      { version: '1.2.0', at: { daysAgo: 10 } },
    ],
  },
  // Subscribers of the SDG targets not released yet: they wait for their owner.
  {
    organisation: FLENSBURG,
    service: 'wohnsitz-anmelden',
    range: '^1.0.0',
    requested: { daysAgo: 210 },
    approved: { at: { daysAgo: 205 }, agreement: 'NNV-SH-017' },
    deployed: [{ version: '1.1.0', at: { daysAgo: 200 } }],
  },
  {
    organisation: HEIDE,
    service: 'gewerbe-anmelden',
    range: '^1.0.0',
    requested: { daysAgo: 150 },
    deployed: [{ version: '1.1.0', at: { daysAgo: 145 } }],
  },
];

// ------------------------------------------------------------------ campaigns and effort

export type TargetState = 'OPEN' | 'PLANNED' | 'RELEASED' | 'ROLLED_OUT' | 'EXCLUDED';

export interface TargetFixture {
  service: string;
  /** Added by hand after the opening; otherwise the opening found it through the norm. */
  added?: Day;
  excluded?: { at: Day; reason: string };
  plan?: {
    at: Day;
    plannedRelease: Day;
    assignee: string;
    estimate: { optimisticHours: number; likelyHours: number; pessimisticHours: number };
  };
  /** The release (of the service's, above) linked as fulfilling the change, and when. */
  fulfilledBy?: { version: string; linked: Day };
  /** Hours recorded on the target, each on its day. */
  effort?: { at: Day; hours: number; note: string }[];
  /**
   * What it shows today (test/seed.e2e-spec.ts checks it); `subscribers`: of the service's ACTIVE
   * subscribers, how many run the fulfilling release.
   */
  shows: {
    state: TargetState;
    overdue: boolean;
    atRisk: boolean;
    subscribers: { compliant: number; total: number };
  };
}

export interface CampaignFixture {
  /** Also what tells whether the demo has it already. */
  title: string;
  description: string;
  norm: string;
  amendment: string | null;
  /** The provisions the change concerns; none: the whole norm. */
  provisions?: string[];
  effectiveDate: Day;
  opened: Day;
  completed?: Day;
  /** Every target the norm gives, and those added by hand. */
  targets: TargetFixture[];
  /**
   * What its progress shows today (test/seed.e2e-spec.ts checks it): the burndown's open targets
   * from the opening on, each value once per run of days (e.g. 6, 5, 4, 3: three steps down),
   * and the subscribers over every target not EXCLUDED.
   */
  shows: { burndown: number[]; subscribers: { compliant: number; total: number } };
}

export const DEMO_CAMPAIGNS: CampaignFixture[] = [
  // Completed: planned, released before the reform came into force, and with more hours than
  // estimated (92 against an expected 66.7): the owner's (Dataport's) plans show a calibration
  // factor above 1.
  {
    title: 'Wohngeld-Plus: neue Berechnung und Heizkostenkomponente',
    description:
      'Die Wohngeldreform gilt seit dem 1. Januar 2023; alle Wohngeld-Dienste rechnen nach dem neuen Recht.',
    norm: 'WoGG',
    amendment: 'Wohngeld-Plus-Gesetz',
    effectiveDate: { on: '2023-01-01' },
    opened: { on: '2022-10-04' },
    completed: { on: '2023-01-02' },
    targets: [
      {
        service: 'wohngeld-beantragen',
        plan: {
          at: { on: '2022-10-10' },
          plannedRelease: { on: '2022-12-15' },
          assignee: 'Team Wohngeld',
          estimate: { optimisticHours: 40, likelyHours: 60, pessimisticHours: 120 },
        },
        effort: [
          { at: { on: '2022-11-21' }, hours: 23, note: 'Wohngeld-Plus: Umsetzung' },
          { at: { on: '2022-11-28' }, hours: 23, note: 'Wohngeld-Plus: Umsetzung' },
          { at: { on: '2022-12-05' }, hours: 22.5, note: 'Wohngeld-Plus: Umsetzung' },
          { at: { on: '2022-12-12' }, hours: 23.5, note: 'Wohngeld-Plus: Umsetzung' },
        ],
        fulfilledBy: { version: '1.1.0', linked: { on: '2022-12-15' } },
        // No subscriber to wait for: rolled out with the release.
        shows: {
          state: 'ROLLED_OUT',
          overdue: false,
          atRisk: false,
          subscribers: { compliant: 0, total: 0 },
        },
      },
    ],
    shows: { burndown: [1, 0], subscribers: { compliant: 0, total: 0 } },
  },
  // Active, in force for two weeks, with a target in every state. Its burndown from the opening
  // 75 days ago: 4 open targets, 3 after the exclusion, 2 after the first release, 3 when the
  // Meldebescheinigung is added, 2 after the second release.
  {
    title: 'Personenstandsrecht: neue Datensätze für Beurkundungen (Demo)',
    description: 'Ein erdachtes Beispiel: die Personenstandsdienste müssen neue Pflichtangaben verarbeiten.',
    norm: 'PStG',
    amendment: null,
    effectiveDate: { daysAgo: 14 },
    opened: { daysAgo: 75 },
    targets: [
      {
        service: 'eheschliessung-anmelden',
        excluded: { at: { daysAgo: 70 }, reason: 'Die Leistung verarbeitet keine der neuen Angaben' },
        shows: { state: 'EXCLUDED', overdue: false, atRisk: false, subscribers: { compliant: 0, total: 0 } },
      },
      {
        service: 'sterbeurkunde-beantragen',
        plan: {
          at: { daysAgo: 72 },
          plannedRelease: { daysAgo: 40 },
          assignee: 'Team Personenstand',
          estimate: { optimisticHours: 8, likelyHours: 16, pessimisticHours: 40 },
        },
        effort: [
          { at: { daysAgo: 50 }, hours: 6, note: 'Neue Pflichtangaben: Umsetzung' },
          { at: { daysAgo: 45 }, hours: 7.5, note: 'Neue Pflichtangaben: Tests' },
        ],
        fulfilledBy: { version: '2.1.0', linked: { daysAgo: 40 } },
        // Its one subscriber (Bad Schwartau) runs 2.1.0. It took less than estimated (13.5 h against
        // an expected 18.7): Komfit's calibration factor is below 1.
        shows: {
          state: 'ROLLED_OUT',
          overdue: false,
          atRisk: false,
          subscribers: { compliant: 1, total: 1 },
        },
      },
      {
        service: 'geburtsurkunde-beantragen',
        plan: {
          at: { daysAgo: 68 },
          plannedRelease: { daysAgo: 25 },
          assignee: 'Team Personenstand',
          estimate: { optimisticHours: 16, likelyHours: 24, pessimisticHours: 60 },
        },
        effort: [
          { at: { daysAgo: 35 }, hours: 8, note: 'Neue Pflichtangaben: Umsetzung' },
          { at: { daysAgo: 30 }, hours: 10, note: 'Neue Pflichtangaben: Umsetzung' },
          { at: { daysAgo: 27 }, hours: 12, note: 'Neue Pflichtangaben: Tests' },
        ],
        fulfilledBy: { version: '2.1.0', linked: { daysAgo: 25 } },
        // Kiel still runs 1.0.0.
        shows: { state: 'RELEASED', overdue: false, atRisk: false, subscribers: { compliant: 0, total: 1 } },
      },
      // Planned for two weeks from now, after the effective date: at risk, and overdue already.
      {
        service: 'sterbefall-beurkunden',
        plan: {
          at: { daysAgo: 50 },
          plannedRelease: { inDays: 14 },
          assignee: 'Team Personenstand',
          estimate: { optimisticHours: 16, likelyHours: 32, pessimisticHours: 80 },
        },
        effort: [
          { at: { daysAgo: 20 }, hours: 4, note: 'Neue Pflichtangaben: Analyse' },
          { at: { daysAgo: 10 }, hours: 6, note: 'Neue Pflichtangaben: Umsetzung' },
        ],
        shows: { state: 'PLANNED', overdue: true, atRisk: true, subscribers: { compliant: 0, total: 0 } },
      },
      // Added by hand (it does not cite the PStG) and not planned yet: OPEN, and overdue. Its two
      // subscribers (Norderstedt, Bad Schwartau) run the SDG campaign's 1.2.0, which does not
      // fulfil this change.
      {
        service: 'meldebescheinigung-beantragen',
        added: { daysAgo: 30 },
        shows: { state: 'OPEN', overdue: true, atRisk: false, subscribers: { compliant: 0, total: 2 } },
      },
    ],
    shows: { burndown: [4, 3, 2, 3, 2], subscribers: { compliant: 1, total: 4 } },
  },
  // Active, opened nine weeks ago, due in six: the six services of four owners that cite Annex II
  // of the SDG regulation. The owners planned on different days and released one after another, two
  // weeks apart, so the burndown steps down from 6 to 5, 4 and 3; their subscribers upgraded on
  // days of their own (7 of 13 run the fulfilling release). Dataport's two targets are planned for
  // the coming months: its plan for the next quarter has them beside the baselines. The regulation
  // and its implementing act are real; the deadline is made up, hence "(Demo)".
  {
    title: 'SDG-VO: Nachweisabruf über das Once-Only-Technical-System (Demo)',
    description:
      'Die Verfahren aus Anhang II der SDG-Verordnung rufen Nachweise auf Wunsch der Antragstellenden ' +
      'über das Once-Only-Technical-System (OOTS) ab (Art. 14 SDG-VO, Durchführungsverordnung (EU) ' +
      '2022/1463). Die Frist ist für die Demo erdacht.',
    norm: 'SDG-VO',
    provisions: ['Anhang II'],
    amendment: 'Durchführungsverordnung (EU) 2022/1463',
    effectiveDate: { inDays: 42 },
    opened: { daysAgo: 63 },
    targets: [
      // Released on its planned day; three of its five subscribers run it (Husum's range ^1.0.0
      // cannot reach it, Elmshorn stays on 2.0.0). 31 h against an expected 26.7.
      {
        service: 'bafoeg-beantragen',
        plan: {
          at: { daysAgo: 61 },
          plannedRelease: { daysAgo: 49 },
          assignee: 'Team BAföG',
          estimate: { optimisticHours: 16, likelyHours: 24, pessimisticHours: 48 },
        },
        effort: [
          { at: { daysAgo: 58 }, hours: 4, note: 'OOTS-Nachweisabruf: Analyse' },
          { at: { daysAgo: 56 }, hours: 9, note: 'OOTS-Nachweisabruf: Umsetzung' },
          { at: { daysAgo: 54 }, hours: 10, note: 'OOTS-Nachweisabruf: Umsetzung' },
          { at: { daysAgo: 52 }, hours: 8, note: 'OOTS-Nachweisabruf: Tests' },
        ],
        fulfilledBy: { version: '2.1.0', linked: { daysAgo: 49 } },
        shows: { state: 'RELEASED', overdue: false, atRisk: false, subscribers: { compliant: 3, total: 5 } },
      },
      // Released three days before its planned date; Brunsbüttel still runs 2.0.0. 22.5 h against
      // an expected 22: with the BAföG, Kiel's calibration factor is 1.1.
      {
        service: 'wohnsitz-abmelden',
        plan: {
          at: { daysAgo: 59 },
          plannedRelease: { daysAgo: 32 },
          assignee: 'Team Meldewesen Kiel',
          estimate: { optimisticHours: 12, likelyHours: 20, pessimisticHours: 40 },
        },
        effort: [
          { at: { daysAgo: 45 }, hours: 6, note: 'OOTS-Nachweisabruf: Umsetzung' },
          { at: { daysAgo: 41 }, hours: 8, note: 'OOTS-Nachweisabruf: Umsetzung' },
          { at: { daysAgo: 37 }, hours: 8.5, note: 'OOTS-Nachweisabruf: Tests' },
        ],
        fulfilledBy: { version: '2.1.0', linked: { daysAgo: 35 } },
        shows: { state: 'RELEASED', overdue: false, atRisk: false, subscribers: { compliant: 2, total: 3 } },
      },
      // Released, and both subscribers upgraded a week apart: ROLLED_OUT. 15 h against an expected
      // 13.3: Lübeck's calibration factor is 1.125.
      {
        service: 'meldebescheinigung-beantragen',
        plan: {
          at: { daysAgo: 57 },
          plannedRelease: { daysAgo: 21 },
          assignee: 'Team Meldewesen Lübeck',
          estimate: { optimisticHours: 8, likelyHours: 12, pessimisticHours: 24 },
        },
        effort: [
          { at: { daysAgo: 30 }, hours: 5, note: 'OOTS-Nachweisabruf: Umsetzung' },
          { at: { daysAgo: 27 }, hours: 6, note: 'OOTS-Nachweisabruf: Umsetzung' },
          { at: { daysAgo: 23 }, hours: 4, note: 'OOTS-Nachweisabruf: Tests' },
        ],
        fulfilledBy: { version: '1.2.0', linked: { daysAgo: 21 } },
        shows: {
          state: 'ROLLED_OUT',
          overdue: false,
          atRisk: false,
          subscribers: { compliant: 2, total: 2 },
        },
      },
      // In the works, planned four weeks from now, before the deadline: on track. Heide waits for it.
      {
        service: 'gewerbe-anmelden',
        plan: {
          at: { daysAgo: 40 },
          plannedRelease: { inDays: 28 },
          assignee: 'Team Gewerbe',
          estimate: { optimisticHours: 24, likelyHours: 40, pessimisticHours: 80 },
        },
        effort: [
          { at: { daysAgo: 20 }, hours: 4, note: 'OOTS-Nachweisabruf: Analyse' },
          { at: { daysAgo: 13 }, hours: 6.5, note: 'OOTS-Nachweisabruf: Umsetzung' },
          { at: { daysAgo: 6 }, hours: 7, note: 'OOTS-Nachweisabruf: Umsetzung' },
        ],
        shows: { state: 'PLANNED', overdue: false, atRisk: false, subscribers: { compliant: 0, total: 1 } },
      },
      // Team Personenstand finished the PStG change first (2.1.0, 25 days ago), so this one is
      // planned two weeks after the deadline: at risk, not overdue yet.
      {
        service: 'geburtsurkunde-beantragen',
        plan: {
          at: { daysAgo: 33 },
          plannedRelease: { inDays: 56 },
          assignee: 'Team Personenstand',
          estimate: { optimisticHours: 16, likelyHours: 32, pessimisticHours: 64 },
        },
        effort: [{ at: { daysAgo: 8 }, hours: 3, note: 'OOTS-Nachweisabruf: Analyse' }],
        shows: { state: 'PLANNED', overdue: false, atRisk: true, subscribers: { compliant: 0, total: 1 } },
      },
      // KomFIT has not planned it yet: OPEN, not overdue while the deadline is six weeks away.
      {
        service: 'wohnsitz-anmelden',
        shows: { state: 'OPEN', overdue: false, atRisk: false, subscribers: { compliant: 0, total: 1 } },
      },
    ],
    shows: { burndown: [6, 5, 4, 3], subscribers: { compliant: 7, total: 13 } },
  },
];

// ------------------------------------------------------------------ routine effort and plans

/** Routine maintenance as maintainers note it, with the hours such a task takes. */
const ROUTINE_TASKS: { note: string; hours: number }[] = [
  { note: 'Sicherheitsupdates der Abhängigkeiten eingespielt', hours: 3 },
  { note: 'Supportanfrage einer Kommune beantwortet', hours: 1.5 },
  { note: 'Fehler im Formular behoben', hours: 4.5 },
  { note: 'Betriebsüberwachung, Fehlerprotokolle ausgewertet', hours: 2 },
  { note: 'Texte nach Rückmeldung der Fachabteilung angepasst', hours: 2.5 },
  { note: 'TLS-Zertifikat erneuert', hours: 1 },
  { note: 'Barrierefreiheit nachgeprüft (BITV 2.0)', hours: 5 },
  { note: 'Schnittstellentest mit dem Fachverfahren', hours: 6 },
  { note: 'Release vorbereitet, Änderungen dokumentiert', hours: 3.5 },
  { note: 'Datenschutzdokumentation aktualisiert', hours: 2 },
  { note: 'Befunde des Penetrationstests nachgearbeitet', hours: 7.5 },
  { note: 'Lasttest vor der erwarteten Antragsspitze', hours: 4 },
];

export interface RoutineEffortFixture {
  owner: string;
  /**
   * Entries a month over the last twelve months, on the owner's services in turn (not on a
   * campaign target), recorded by the owner's maintainer (DEMO_PERSONAS); `routineEntries` dates them.
   */
  perMonth: number;
  /** What the owner's services' effort lists show together (test/seed.e2e-spec.ts checks it). */
  shows: { entries: number; hours: number };
}

/**
 * The hours every owner records besides the campaigns, so that the effort lists have a year of
 * history: Dataport, the main maintainer, most often.
 */
export const ROUTINE_EFFORT: RoutineEffortFixture[] = [
  { owner: DATAPORT, perMonth: 6, shows: { entries: 72, hours: 255 } },
  { owner: KIEL, perMonth: 3, shows: { entries: 36, hours: 127.5 } },
  { owner: LUEBECK, perMonth: 3, shows: { entries: 36, hours: 127.5 } },
  { owner: KOMFIT, perMonth: 2, shows: { entries: 24, hours: 85 } },
  { owner: LAND, perMonth: 2, shows: { entries: 24, hours: 85 } },
];

/**
 * A fixture's entries: in each of the twelve 30-day months back from today, `perMonth` entries a
 * week or so apart (the owners a day apart from each other), the tasks and services taken in turn.
 * Every task comes up equally often, so the hours are the tasks' sum times perMonth.
 */
export function routineEntries(
  fixture: RoutineEffortFixture,
): { service: string; at: Day; hours: number; note: string }[] {
  const offset = ROUTINE_EFFORT.indexOf(fixture);
  const services = DEMO_SERVICES.filter((s) => s.owner === fixture.owner).map((s) => s.slug);
  const gap = Math.floor(28 / fixture.perMonth);
  return Array.from({ length: 12 * fixture.perMonth }, (_, i) => {
    const month = Math.floor(i / fixture.perMonth);
    const task = ROUTINE_TASKS[(i * 5 + offset) % ROUTINE_TASKS.length];
    return {
      service: services[(i + offset) % services.length],
      at: { daysAgo: 2 + offset + 30 * month + gap * (i % fixture.perMonth) },
      ...task,
    };
  });
}

/**
 * What the owners' maintenance plans for the coming quarter (today and the 89 days after) show:
 * a BASELINE item for each of their services, a CAMPAIGN item for each target planned in the
 * quarter, and the calibration factor of their finished targets (test/seed.e2e-spec.ts checks it).
 */
export const DEMO_PLANS: {
  owner: string;
  shows: { campaignTargets: string[]; calibrationFactor: number };
}[] = [
  // Its two SDG targets, planned for the coming months, beside its seven baselines. Wohngeld-Plus
  // (92 h) and the PStG release (30 h) against 95.3 h expected: 1.28.
  {
    owner: DATAPORT,
    shows: { campaignTargets: ['gewerbe-anmelden', 'geburtsurkunde-beantragen'], calibrationFactor: 1.28 },
  },
  // The PStG target in two weeks; the two SDG releases took 53.5 h against 48.7 h: 1.1.
  { owner: KIEL, shows: { campaignTargets: ['sterbefall-beurkunden'], calibrationFactor: 1.1 } },
  { owner: LUEBECK, shows: { campaignTargets: [], calibrationFactor: 1.125 } },
  // The PStG release took 13.5 h against 18.7 h; the SDG target is not planned yet.
  { owner: KOMFIT, shows: { campaignTargets: [], calibrationFactor: 0.72 } },
  // No finished target with recorded hours (its PStG target is excluded): 1.
  { owner: LAND, shows: { campaignTargets: [], calibrationFactor: 1 } },
];
