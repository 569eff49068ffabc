import { Role } from '#src/common/auth/role';
import { InterfaceKind, OrganisationKind } from '#src/organisations/organisation-kind';

/**
 * Demo data: real organisations of Schleswig-Holstein with their real ARS (Amtlicher
 * Regionalschlüssel), in parent-before-child order.
 */
export interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  parentKey?: string;
}

const STATE = '010000000000';
const district = (code: string, name: string): DemoOrganisation => ({
  key: `${code}0000000`,
  name: `Kreis ${name}`,
  kind: OrganisationKind.DISTRICT,
  parentKey: STATE,
});
const city = (ars: string, name: string, parentKey: string): DemoOrganisation => ({
  key: ars,
  name,
  kind: OrganisationKind.MUNICIPALITY,
  parentKey,
});

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: STATE, name: 'Land Schleswig-Holstein', kind: OrganisationKind.STATE },
  // The four kreisfreie Städte adopt services as municipalities.
  city('010010000000', 'Flensburg', STATE),
  city('010020000000', 'Landeshauptstadt Kiel', STATE),
  city('010030000000', 'Hansestadt Lübeck', STATE),
  city('010040000000', 'Neumünster', STATE),
  district('01051', 'Dithmarschen'),
  district('01053', 'Herzogtum Lauenburg'),
  district('01054', 'Nordfriesland'),
  district('01055', 'Ostholstein'),
  district('01056', 'Pinneberg'),
  district('01057', 'Plön'),
  district('01058', 'Rendsburg-Eckernförde'),
  district('01059', 'Schleswig-Flensburg'),
  district('01060', 'Segeberg'),
  district('01061', 'Steinburg'),
  district('01062', 'Stormarn'),
  { key: '010585890', name: 'Amt Hüttener Berge', kind: OrganisationKind.AMT, parentKey: '010580000000' },
  city('010585890008', 'Ascheffel', '010585890'),
  city('010580005005', 'Altenholz', '010580000000'),
  city('010580043043', 'Eckernförde', '010580000000'),
  city('010580135135', 'Rendsburg', '010580000000'),
  city('010600063063', 'Norderstedt', '010600000000'),
  city('010550004004', 'Bad Schwartau', '010550000000'),
  city('010510011011', 'Brunsbüttel', '010510000000'),
  city('010510044044', 'Heide', '010510000000'),
  city('010560015015', 'Elmshorn', '010560000000'),
  city('010540056056', 'Husum', '010540000000'),
  city('010610046046', 'Itzehoe', '010610000000'),
  city('010620001001', 'Ahrensburg', '010620000000'),
  // The platform operator and two IT service providers.
  { key: 'itvsh', name: 'IT-Verbund Schleswig-Holstein (ITVSH)', kind: OrganisationKind.OTHER },
  { key: 'dataport', name: 'Dataport AöR', kind: OrganisationKind.SERVICE_PROVIDER },
  {
    key: 'komfit',
    name: 'KomFIT e.V. – Kommunales Forum für Informationstechnik',
    kind: OrganisationKind.SERVICE_PROVIDER,
  },
];

/**
 * The interface standards of the demo, named as their publishers name them; which service uses
 * which version, and the sources, are in demo-scenario.ts and docs/domain.md ("Sources of the
 * demo data").
 */
export const DEMO_STANDARDS: { key: string; name: string; kind: InterfaceKind }[] = [
  // XLeitstelle: building-supervision procedures (Bauaufsicht).
  { key: 'xbau', name: 'XBau', kind: InterfaceKind.XOEV_STANDARD },
  // KoSIT: the Meldewesen.
  { key: 'xmeld', name: 'OSCI-XMeld', kind: InterfaceKind.XOEV_STANDARD },
  // KoSIT (XInneres): the electronic civil-status registers; not XPersonenstand.
  { key: 'xpersonenstandsregister', name: 'XPersonenstandsregister', kind: InterfaceKind.XOEV_STANDARD },
  // Formerly XGewerbeanzeige: the Gewerbeanzeige (§ 14 GewO).
  { key: 'xgewerbeordnung', name: 'XGewerbeordnung', kind: InterfaceKind.XOEV_STANDARD },
  { key: 'fit-connect', name: 'FIT-Connect', kind: InterfaceKind.TRANSPORT },
  { key: 'osci-xta', name: 'OSCI-Transport 1.2 / XTA 2', kind: InterfaceKind.TRANSPORT },
  { key: 'servicekonto', name: 'Servicekonto', kind: InterfaceKind.PORTAL_COMPONENT },
  { key: 'postfach', name: 'Postfach', kind: InterfaceKind.PORTAL_COMPONENT },
  { key: 'epayment', name: 'ePayment', kind: InterfaceKind.PORTAL_COMPONENT },
];

/**
 * The demo's people, outside production only: the console's sign-in page offers them and
 * `npm run token -- --persona <id>` signs a token for one. The id is the token's subject. Each
 * label names the person, the organisation and, in brackets, what they do there, in German as the
 * console shows it. Every owner of demo services (demo-scenario.ts) has a maintainer, every gate
 * kind a reviewer; two municipalities show that one does not see the other's subscriptions (both
 * subscribe to the Apothekenbetriebserlaubnis).
 */
export interface DemoPersona {
  id: string;
  name: string;
  organisationKey: string;
  roles: Role[];
  label: string;
}

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  persona(
    'kim.kiel',
    'Kim Kiel',
    '010020000000',
    [Role.MUNICIPALITY_ADMIN],
    'Landeshauptstadt Kiel',
    'Nachnutzende Kommune',
  ),
  persona(
    'luca.luebeck',
    'Luca Lübeck',
    '010030000000',
    [Role.MUNICIPALITY_ADMIN],
    'Hansestadt Lübeck',
    'Nachnutzende Kommune',
  ),
  persona('mia.maintainer', 'Mia Maintainer', 'dataport', [Role.MAINTAINER], 'Dataport', 'Maintainer'),
  persona('karla.komfit', 'Karla Komfit', 'komfit', [Role.MAINTAINER], 'KomFIT', 'Maintainer'),
  persona(
    'lars.land',
    'Lars Land',
    '010000000000',
    [Role.MAINTAINER],
    'Land Schleswig-Holstein',
    'Maintainer',
  ),
  persona('kai.kiel', 'Kai Kiel', '010020000000', [Role.MAINTAINER], 'Landeshauptstadt Kiel', 'Maintainer'),
  persona('leo.luebeck', 'Leo Lübeck', '010030000000', [Role.MAINTAINER], 'Hansestadt Lübeck', 'Maintainer'),
  persona(
    'sina.security',
    'Sina Security',
    'itvsh',
    [Role.REVIEWER_SECURITY],
    'ITVSH',
    'Reviewer Sicherheit',
  ),
  persona(
    'uwe.usability',
    'Uwe Usability',
    'itvsh',
    [Role.REVIEWER_USABILITY],
    'ITVSH',
    'Reviewer Barrierefreiheit/Usability',
  ),
  persona(
    'ingo.interfaces',
    'Ingo Interfaces',
    'itvsh',
    [Role.REVIEWER_INTERFACES],
    'ITVSH',
    'Reviewer Schnittstellen',
  ),
  persona('olaf.operator', 'Olaf Operator', 'itvsh', [Role.OPERATOR], 'ITVSH', 'Betrieb'),
  // Two roles in one person, as in a small IT service provider: the four-eyes principle keeps her
  // from reviewing the releases she creates, not those of her colleagues. Last in the list, so that
  // DEMO_USERS keeps Mia and Sina as the first of their roles.
  persona(
    'rita.review',
    'Rita Review',
    'dataport',
    [Role.MAINTAINER, Role.REVIEWER_SECURITY],
    'Dataport',
    'Maintainer und Reviewer Sicherheit',
  ),
];

/** `organisation` is the organisation's short name, as people say it; `does` what they do there. */
function persona(
  id: string,
  name: string,
  organisationKey: string,
  roles: Role[],
  organisation: string,
  does: string,
): DemoPersona {
  return { id, name, organisationKey, roles, label: `${name}, ${organisation} (${does})` };
}

/** The demo organisation's registered name (the persona's organisation in the API). */
export function demoOrganisationName(key: string): string {
  const found = DEMO_ORGANISATIONS.find((organisation) => organisation.key === key);
  if (!found) {
    throw new Error(`Demo data: no organisation ${key}`);
  }
  return found.name;
}

/** One demo user per role (the first persona with it), as the start-up banner named them before. */
export const DEMO_USERS = Object.fromEntries(
  Object.values(Role).map((role) => {
    const found = DEMO_PERSONAS.find((p) => p.roles.includes(role))!;
    return [role, { sub: found.id, name: found.name, org: found.organisationKey }];
  }),
) as Record<Role, { sub: string; name: string; org: string }>;
