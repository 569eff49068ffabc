/**
 * Research result: real OZG/FIM services with their real 14-digit LeiKa keys
 * (Leistungsschlüssel), for demo data of a registry of OZG online services used by
 * municipalities in Schleswig-Holstein.
 *
 * How the keys were checked
 * -------------------------
 * Every key in RESEARCHED_SERVICES was seen in at least one stored public source (named in
 * `source`). Nothing was fetched live. The sources are of three kinds:
 *  - Bundesportal URLs (https://verwaltung.bund.de/leistungsverzeichnis/.../leistung/<key>).
 *    They were copied into public GitHub code by third parties, and that code named the
 *    service. These are the most reliable.
 *  - Schleswig-Holstein pages: ploen.de (Zuständigkeitsfinder text with "Nr. <key>"),
 *    zufish-reporting-backend.zitsh.de (ZuFiSH-vs-LeiKa report), and a Bundesportal URL
 *    with the SH publisher (herausgeber/SH-...).
 *  - Public code that calls PVOG or the FIM portal with the key and names the service, e.g.
 *    codeberg.org/benjaminaaron/d-stack-kg, src/2-enrich-kg/pvog/fetch.js (these 8 keys were
 *    "verified to return content" from PVOG, as that file says).
 * `name` is the service title as the source gives it. Where the source names the service
 * only loosely, `name` is a paraphrase; it is not always the exact LeiKa title.
 * The key stands on a single source, with more doubt than the rest, for: Meldebescheinigung
 * (99115003012000), Bewachungsgewerbe (99050004005000), Gaststätten-Gestattung
 * (99025002056000), Sterbefall beurkunden (99101011261000), Rotes 07-Kennzeichen
 * (99036035069000), Gurt-/Helm-Ausnahme (99108025001000) and BAföG (99022001017003,
 * a "Verrichtungsdetail" variant).
 *
 * Not verified, and my own judgement: themenfeld, maturityLevel and sdgRelevant. These are
 * plausible demo values, not published ratings. Most are on Reifegradmodell 1.1 (0-4), as ratings
 * made before July 2025 are; no published 2.0 rating of these services was found, so the three
 * rated on model 2.0 (0-7: Meldebescheinigung, Wohngeld, Baugenehmigung) are illustrative too. themenfeld is not checked against the OZG catalogue.
 * sdgRelevant=true is set for procedures of Annex II of Regulation (EU) 2018/1724.
 *
 * Legal norms (RESEARCHED_NORMS): titles as gesetze-im-internet.de (GII) words them, without the
 * abbreviation it adds in brackets, and each federal law's GII root as its `url` (the API links a
 * cited § or Art. to its own GII page, LegalReference.url). Each norm's comment says what the title
 * was checked against; docs/domain.md, "Sources of the demo data", has the table.
 * SH state laws: the portal's per-law address is .../bssh/document/jlr-<id>, and no id was found
 * for LBO SH (2022), KAG SH or LFischG SH (the only LBO id seen is the 2009 law's, jlr-BauOSH2009).
 * Their `url` stays the official SH law portal's root (gesetze-rechtsprechung.sh.juris.de).
 */

import { MaturityModel } from '#src/catalogue/catalogue-enums';

export const RESEARCHED_NORMS: {
  abbreviation: string;
  title: string;
  jurisdiction: string;
  url: string | null;
}[] = [
  // --- Bund ---
  {
    abbreviation: 'GewO',
    title: 'Gewerbeordnung',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/gewo/',
  },
  {
    abbreviation: 'GastG',
    title: 'Gaststättengesetz',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/gastg/',
  },
  {
    abbreviation: 'StVO',
    title: 'Straßenverkehrs-Ordnung',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/stvo_2013/',
  },
  {
    abbreviation: 'StVG',
    title: 'Straßenverkehrsgesetz',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/stvg/',
  },
  {
    abbreviation: 'FeV',
    title: 'Verordnung über die Zulassung von Personen zum Straßenverkehr (Fahrerlaubnis-Verordnung)',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/fev_2010/',
  },
  // Title as the FZV of 20.7.2023 words it (lxgesetze.de copy); GII slug fzv_2023.
  {
    abbreviation: 'FZV',
    title: 'Verordnung über die Zulassung von Fahrzeugen zum Straßenverkehr (Fahrzeug-Zulassungsverordnung)',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/fzv_2023/',
  },
  {
    abbreviation: 'PAuswG',
    title: 'Gesetz über Personalausweise und den elektronischen Identitätsnachweis (Personalausweisgesetz)',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/pauswg/',
  },
  // GII (pa_g_1986): "Passgesetz (PassG)"; title and abbreviation as newly published on
  // 30.10.2023 (BGBl. 2023 I Nr. 291), before that "Paßgesetz (PaßG)".
  {
    abbreviation: 'PassG',
    title: 'Passgesetz',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/pa_g_1986/',
  },
  {
    abbreviation: 'BMG',
    title: 'Bundesmeldegesetz',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/bmg/',
  },
  {
    abbreviation: 'PStG',
    title: 'Personenstandsgesetz',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/pstg/',
  },
  {
    abbreviation: 'BZRG',
    title: 'Gesetz über das Zentralregister und das Erziehungsregister (Bundeszentralregistergesetz)',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/bzrg/',
  },
  {
    abbreviation: 'WoGG',
    title: 'Wohngeldgesetz',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/wogg/',
  },
  {
    abbreviation: 'WoFG',
    title: 'Gesetz über die soziale Wohnraumförderung (Wohnraumförderungsgesetz)',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/wofg/',
  },
  {
    abbreviation: 'BAföG',
    title: 'Bundesgesetz über individuelle Förderung der Ausbildung (Bundesausbildungsförderungsgesetz)',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/baf_g/',
  },
  {
    abbreviation: 'SGB II',
    title: 'Sozialgesetzbuch (SGB) Zweites Buch (II) – Bürgergeld, Grundsicherung für Arbeitsuchende',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/sgb_2/',
  },
  // GII (sgb_9_2018) heading: "Sozialgesetzbuch Neuntes Buch – Rehabilitation und Teilhabe von
  // Menschen mit Behinderungen –".
  {
    abbreviation: 'SGB IX',
    title: 'Sozialgesetzbuch Neuntes Buch – Rehabilitation und Teilhabe von Menschen mit Behinderungen',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/sgb_9_2018/',
  },
  {
    abbreviation: 'StAG',
    title: 'Staatsangehörigkeitsgesetz',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/stag/',
  },
  {
    abbreviation: 'ArbZG',
    title: 'Arbeitszeitgesetz',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/arbzg/',
  },
  {
    abbreviation: 'MuSchG',
    title:
      'Gesetz zum Schutz von Müttern bei der Arbeit, in der Ausbildung und im Studium (Mutterschutzgesetz)',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/muschg_2018/',
  },
  {
    abbreviation: 'IfSG',
    title:
      'Gesetz zur Verhütung und Bekämpfung von Infektionskrankheiten beim Menschen (Infektionsschutzgesetz)',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/ifsg/',
  },
  {
    abbreviation: 'ApoG',
    title: 'Gesetz über das Apothekenwesen (Apothekengesetz)',
    jurisdiction: 'DE',
    url: 'https://www.gesetze-im-internet.de/apog/',
  },
  // --- EU ---
  {
    abbreviation: 'SDG-VO',
    title:
      'Verordnung (EU) 2018/1724 über die Einrichtung eines einheitlichen digitalen Zugangstors (Single Digital Gateway)',
    jurisdiction: 'EU',
    url: 'https://eur-lex.europa.eu/eli/reg/2018/1724/oj',
  },
  // --- Schleswig-Holstein (URL = official SH law portal root, no verified per-law permalink) ---
  // "Landesbauordnung für das Land Schleswig-Holstein (LBO)", in force since 1.9.2022 (new
  // Fassung of 6.12.2021), published anew on 5.7.2024 (GVOBl. Schl.-H. S. 504).
  {
    abbreviation: 'LBO SH',
    title: 'Landesbauordnung für das Land Schleswig-Holstein',
    jurisdiction: 'DE-SH',
    url: 'https://www.gesetze-rechtsprechung.sh.juris.de/',
  },
  // "Kommunalabgabengesetz des Landes Schleswig-Holstein (KAG)", as municipal dog-tax by-laws
  // cite it ("§§ 1 und 3 KAG", Altenholz).
  {
    abbreviation: 'KAG SH',
    title: 'Kommunalabgabengesetz des Landes Schleswig-Holstein',
    jurisdiction: 'DE-SH',
    url: 'https://www.gesetze-rechtsprechung.sh.juris.de/',
  },
  // "Fischereigesetz für das Land Schleswig-Holstein (Landesfischereigesetz - LFischG)"; § 26 is
  // the Fischereischein.
  {
    abbreviation: 'LFischG SH',
    title: 'Fischereigesetz für das Land Schleswig-Holstein (Landesfischereigesetz)',
    jurisdiction: 'DE-SH',
    url: 'https://www.gesetze-rechtsprechung.sh.juris.de/',
  },
];

const BUND = 'https://verwaltung.bund.de/leistungsverzeichnis/de/leistung/';
const DSTACK_PVOG =
  'codeberg.org/benjaminaaron/d-stack-kg: src/2-enrich-kg/pvog/fetch.js (PVOG-verifizierte LeiKa-Liste)';

export const RESEARCHED_SERVICES: {
  slug: string;
  name: string;
  summary: string;
  leikaKeys: string[];
  themenfeld:
    | 'ARBEIT_RUHESTAND'
    | 'BAUEN_WOHNEN'
    | 'BILDUNG'
    | 'EIN_AUSWANDERUNG'
    | 'ENGAGEMENT_HOBBY'
    | 'FAMILIE_KIND'
    | 'FORSCHUNG_FOERDERUNG'
    | 'GESUNDHEIT'
    | 'MOBILITAET_REISEN'
    | 'QUERSCHNITTSLEISTUNGEN'
    | 'RECHT_ORDNUNG'
    | 'STEUERN_ZOLL'
    | 'UMWELT'
    | 'UNTERNEHMENSFUEHRUNG_ENTWICKLUNG';
  maturityLevel: number;
  /** The model the level is rated in; omitted: 1.1. */
  maturityModel?: MaturityModel;
  sdgRelevant: boolean;
  legalBases: { norm: string; provision: string | null }[];
  source: string;
}[] = [
  // ---------------------------------------------------------------- Unternehmen
  {
    slug: 'gewerbe-anmelden',
    name: 'Gewerbe anmelden',
    summary: 'Anzeige des Beginns eines stehenden Gewerbes bei der zuständigen Gewerbebehörde.',
    leikaKeys: ['99050012104000'],
    themenfeld: 'UNTERNEHMENSFUEHRUNG_ENTWICKLUNG',
    maturityLevel: 3,
    sdgRelevant: true,
    legalBases: [
      { norm: 'GewO', provision: '§ 14' },
      { norm: 'SDG-VO', provision: 'Anhang II' },
    ],
    // also: zfinder test (restapi-v3-he.zfinder.de/pst/byLeikaKey/99050012104000 -> "Gewerbe anmelden")
    source: BUND + '99050012104000',
  },
  {
    slug: 'bewachungsgewerbe-erlaubnis',
    name: 'Bewachungsgewerbe Erlaubnis',
    summary: 'Erteilung der Erlaubnis zur gewerbsmäßigen Bewachung von Leben oder Eigentum fremder Personen.',
    leikaKeys: ['99050004005000'],
    themenfeld: 'UNTERNEHMENSFUEHRUNG_ENTWICKLUNG',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [{ norm: 'GewO', provision: '§ 34a' }],
    // single source: WZ→LeiKa mapping code, table leika_wsp ("Bewachungsgewerbe Erlaubnis", key 99050004005000)
    source: 'Öffentlicher GitHub-Code (WZ-zu-LeiKa-Mapping, Tabelle leika_wsp)',
  },
  {
    slug: 'gaststaettengewerbe-gestattung',
    name: 'Gaststättengewerbe Gestattung',
    summary: 'Vorübergehende Gestattung eines Gaststättenbetriebs aus besonderem Anlass, etwa für ein Fest.',
    leikaKeys: ['99025002056000'],
    themenfeld: 'UNTERNEHMENSFUEHRUNG_ENTWICKLUNG',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [{ norm: 'GastG', provision: '§ 12' }],
    // single source: same leika_wsp table ("Gaststättengewerbe Gestattung", key 99025002056000)
    source: 'Öffentlicher GitHub-Code (WZ-zu-LeiKa-Mapping, Tabelle leika_wsp)',
  },
  {
    slug: 'beschaeftigung-an-sonn-und-feiertagen-bewilligung',
    name: 'Beschäftigung an Sonn- und Feiertagen bewilligen',
    summary:
      'Bewilligung der Beschäftigung von Arbeitnehmerinnen und Arbeitnehmern an Sonn- und Feiertagen durch die Aufsichtsbehörde.',
    leikaKeys: ['99006001006000'],
    themenfeld: 'ARBEIT_RUHESTAND',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [{ norm: 'ArbZG', provision: '§ 13 Abs. 3 bis 5' }],
    source: BUND + '99006001006000 ("Bundesportal: Beschäftigung an Sonn- und Feiertagen")',
  },
  {
    slug: 'kuendigung-im-mutterschutz-zulaessigerklaerung',
    name: 'Zulässigerklärung einer Kündigung während des Mutterschutzes',
    summary:
      'Ausnahmsweise Zulässigerklärung einer Kündigung während der Schwangerschaft oder nach der Entbindung durch die Aufsichtsbehörde.',
    leikaKeys: ['99006045129000'],
    themenfeld: 'ARBEIT_RUHESTAND',
    maturityLevel: 1,
    sdgRelevant: false,
    legalBases: [{ norm: 'MuSchG', provision: '§ 17 Abs. 2' }],
    source:
      'Öffentlicher GitHub-Code: "Quelle: LeiKa 99006045129000, bundesweiter Stammtext · Zuordnung geprüft über § 17 · muschg"',
  },
  // ---------------------------------------------------------------- Steuern
  {
    slug: 'hundesteuer-anmelden',
    name: 'Hundesteuer anmelden',
    summary: 'Anmeldung eines Hundes zur Hundesteuer bei der Wohnsitzgemeinde.',
    leikaKeys: ['99102013104000'],
    themenfeld: 'STEUERN_ZOLL',
    maturityLevel: 3,
    sdgRelevant: false,
    legalBases: [{ norm: 'KAG SH', provision: '§ 3' }],
    source: DSTACK_PVOG + ' ("Hundesteuer Anmeldung — Köln")',
  },
  // ---------------------------------------------------------------- Mobilität
  {
    slug: 'bewohnerparkausweis-beantragen',
    name: 'Parkausweis für Bewohner beantragen',
    summary: 'Ausstellung eines Bewohnerparkausweises für ausgewiesene Bewohnerparkbereiche.',
    leikaKeys: ['99108001001000'],
    themenfeld: 'MOBILITAET_REISEN',
    maturityLevel: 3,
    sdgRelevant: false,
    legalBases: [
      { norm: 'StVO', provision: '§ 45 Abs. 1b Satz 1 Nr. 2a' },
      { norm: 'StVG', provision: '§ 6a Abs. 5a' },
    ],
    source: DSTACK_PVOG + ' ("Parkausweis für Bewohner beantragen — Berlin")',
  },
  {
    slug: 'fahrerlaubnis-klasse-b-beantragen',
    name: 'Fahrerlaubnis der Klasse B erstmals beantragen',
    summary: 'Antrag auf Ersterteilung einer Fahrerlaubnis der Klasse B bei der Fahrerlaubnisbehörde.',
    leikaKeys: ['99108047001001'],
    themenfeld: 'MOBILITAET_REISEN',
    maturityLevel: 1,
    sdgRelevant: false,
    legalBases: [
      { norm: 'FeV', provision: '§ 21' },
      { norm: 'StVG', provision: '§ 2' },
    ],
    source:
      BUND.replace('/de/', '/DE/') +
      '99108047001001 ("German federal service portal – applying for a Class B licence")',
  },
  {
    slug: 'fuehrerschein-umtauschen',
    name: 'Führerschein umtauschen',
    summary:
      'Umtausch eines alten Papier- oder Kartenführerscheins in einen befristeten EU-Kartenführerschein.',
    leikaKeys: ['99108003010000'],
    themenfeld: 'MOBILITAET_REISEN',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [{ norm: 'FeV', provision: '§ 24a' }],
    source:
      'https://verwaltung.bund.de/portal/DE/leistung/99108003010000 (in public code: "Zuständig für Ihren Umtausch ist die Fahrerlaubnisbehörde")',
  },
  {
    slug: 'aufstellung-von-verkehrszeichen-anregen',
    name: 'Aufstellung von Verkehrszeichen anregen',
    summary:
      'Anregung an die Straßenverkehrsbehörde, Verkehrszeichen oder Verkehrseinrichtungen aufzustellen.',
    leikaKeys: ['99108014042000'],
    themenfeld: 'MOBILITAET_REISEN',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [{ norm: 'StVO', provision: '§ 45' }],
    source:
      BUND + '99108014042000 (Leistung „Aufstellung von Verkehrszeichen anregen“; Kontakte u. a. für SH)',
  },
  {
    slug: 'ausnahmegenehmigung-gurt-und-helmpflicht',
    name: 'Ausnahmegenehmigung von der Gurtanlege- und Helmtragepflicht',
    summary:
      'Befreiung von der Pflicht, einen Sicherheitsgurt anzulegen oder einen Schutzhelm zu tragen, etwa aus gesundheitlichen Gründen.',
    leikaKeys: ['99108025001000'],
    themenfeld: 'MOBILITAET_REISEN',
    maturityLevel: 1,
    sdgRelevant: false,
    legalBases: [
      { norm: 'StVO', provision: '§ 46 Abs. 1 Satz 1 Nr. 5b' },
      { norm: 'StVO', provision: '§ 21a' },
    ],
    source:
      'Öffentlicher kommunaler Prozesskatalog auf GitHub ("Gurtanlege- und Helmtragepflicht: Ausnahmegenehmigung erteilen", leika_id \'99108025001000\')',
  },
  {
    slug: 'halterauskunft-fahrzeugregister',
    name: 'Auskunft aus dem Fahrzeugregister (Halterauskunft) beantragen',
    summary:
      'Auskunft über Halter- und Fahrzeugdaten aus dem Fahrzeugregister, etwa zur Verfolgung von Rechtsansprüchen.',
    leikaKeys: ['99036043001001'],
    themenfeld: 'MOBILITAET_REISEN',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [{ norm: 'StVG', provision: '§ 39' }],
    source: BUND + '99036043001001/ ("Bundesportal – Fahrzeugregister/Halterauskunft")',
  },
  {
    slug: 'rotes-oldtimerkennzeichen-07-zuteilen',
    name: 'Rotes Kennzeichen (07er) für Oldtimer zuteilen',
    summary: 'Zuteilung eines roten Dauerkennzeichens mit der Kennung 07 für historische Fahrzeuge.',
    leikaKeys: ['99036035069000'],
    themenfeld: 'MOBILITAET_REISEN',
    maturityLevel: 1,
    sdgRelevant: false,
    // FZV (2023) § 43: trips to Oldtimer events with the red Oldtimer plate, its allocation and
    // the "07" number (§ 43 Abs. 2); not StVG § 6, the enabling clause of the FZV.
    legalBases: [{ norm: 'FZV', provision: '§ 43' }],
    source:
      'Öffentlicher kommunaler Prozesskatalog auf GitHub ("Rotes Fahrzeugkennzeichen (07er) für Oldtimer zuteilen", leika_id \'99036035069000\')',
  },
  // ---------------------------------------------------------------- Ausweise / Meldewesen
  {
    slug: 'personalausweis-beantragen',
    name: 'Personalausweis beantragen',
    summary: 'Ausstellung eines Personalausweises bei der Personalausweisbehörde des Wohnorts.',
    leikaKeys: ['99008001012000'],
    themenfeld: 'QUERSCHNITTSLEISTUNGEN',
    maturityLevel: 1,
    sdgRelevant: false,
    legalBases: [{ norm: 'PAuswG', provision: '§ 9' }],
    source: DSTACK_PVOG + ' ("Personalausweis beantragen — Hamburg")',
  },
  {
    slug: 'personalausweis-verlust-melden',
    name: 'Verlust des Personalausweises melden',
    summary:
      'Anzeige des Verlusts oder Abhandenkommens eines Personalausweises bei der Personalausweisbehörde.',
    leikaKeys: ['99008001014002'],
    themenfeld: 'QUERSCHNITTSLEISTUNGEN',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [{ norm: 'PAuswG', provision: '§ 27 Abs. 1 Nr. 3' }],
    source:
      'codeberg.org/benjaminaaron/d-stack-kg: src/2-enrich-kg/fim/fetch.js ("99008001014002, Personalausweis Meldung wegen Verlust"; FIM-Schema S00000311)',
  },
  {
    slug: 'reisepass-beantragen',
    name: 'Reisepass beantragen',
    summary: 'Ausstellung eines Reisepasses bei der Passbehörde des Wohnorts.',
    leikaKeys: ['99085001012000'],
    themenfeld: 'QUERSCHNITTSLEISTUNGEN',
    maturityLevel: 1,
    sdgRelevant: false,
    legalBases: [{ norm: 'PassG', provision: '§ 6' }],
    source: BUND.replace('/de/', '/DE/') + '99085001012000',
  },
  {
    slug: 'reisepass-namensaenderung-heirat',
    name: 'Reisepass wegen Namensänderung durch Heirat neu beantragen',
    summary: 'Neuausstellung eines Reisepasses, wenn sich der Name durch die Eheschließung geändert hat.',
    leikaKeys: ['99085001012010'],
    themenfeld: 'QUERSCHNITTSLEISTUNGEN',
    maturityLevel: 1,
    sdgRelevant: false,
    legalBases: [{ norm: 'PassG', provision: '§ 6' }],
    source:
      BUND + '99085001012010 ("Bundesportal / Reisepass wegen Namensänderung durch Heirat neu beantragen")',
  },
  {
    slug: 'wohnsitz-anmelden',
    name: 'Wohnsitz anmelden',
    summary: 'Anmeldung einer neu bezogenen Wohnung bei der Meldebehörde innerhalb von zwei Wochen.',
    leikaKeys: ['99115005104000'],
    themenfeld: 'BAUEN_WOHNEN',
    maturityLevel: 4,
    sdgRelevant: true,
    legalBases: [
      { norm: 'BMG', provision: '§ 17 Abs. 1' },
      { norm: 'SDG-VO', provision: 'Anhang II' },
    ],
    // variant 99115005104001 also seen on Bundesportal (see candidates below)
    source: BUND + '99115005104000 ("Wohnsitz anmelden")',
  },
  {
    slug: 'wohnsitz-abmelden',
    name: 'Wohnsitz abmelden',
    summary: 'Abmeldung einer Wohnung bei Wegzug ins Ausland oder bei Aufgabe einer Nebenwohnung.',
    leikaKeys: ['99115005070000'],
    themenfeld: 'BAUEN_WOHNEN',
    maturityLevel: 3,
    sdgRelevant: true,
    legalBases: [
      { norm: 'BMG', provision: '§ 17 Abs. 2' },
      { norm: 'SDG-VO', provision: 'Anhang II' },
    ],
    source:
      BUND.replace('/de/', '/DE/') +
      '99115005070000 (cited in public code for "germanDeregistration", next to gesetze-im-internet.de/bmg/__17.html)',
  },
  {
    slug: 'meldebescheinigung-beantragen',
    name: 'Meldebescheinigung beantragen',
    summary:
      'Ausstellung einer einfachen oder erweiterten Meldebescheinigung als Nachweis der gemeldeten Wohnung.',
    leikaKeys: ['99115003012000'],
    themenfeld: 'QUERSCHNITTSLEISTUNGEN',
    maturityLevel: 5,
    maturityModel: MaturityModel.V2_0, // an illustrative 2.0 rating, see the note above
    sdgRelevant: true,
    legalBases: [
      { norm: 'BMG', provision: '§ 18' },
      { norm: 'SDG-VO', provision: 'Anhang II' },
    ],
    // single source (public code, component "ServiceMeldebescheinigung")
    source: 'https://meineverwaltung.nrw/leistung/99115003012000',
  },
  // ---------------------------------------------------------------- Personenstand / Familie
  {
    slug: 'geburtsurkunde-beantragen',
    name: 'Geburtsurkunde beantragen',
    summary: 'Ausstellung einer Geburtsurkunde aus dem Geburtenregister durch das Standesamt.',
    leikaKeys: ['99027002012000'],
    themenfeld: 'FAMILIE_KIND',
    maturityLevel: 3,
    sdgRelevant: true,
    legalBases: [
      { norm: 'PStG', provision: '§ 59' },
      { norm: 'PStG', provision: '§ 62' },
      { norm: 'SDG-VO', provision: 'Anhang II' },
    ],
    // also in DSTACK_PVOG ("Geburtsurkunde beantragen — Köln") and a municipal process catalogue
    source: BUND + '99027002012000',
  },
  {
    slug: 'eheschliessung-anmelden',
    name: 'Eheschließung anmelden',
    summary: 'Anmeldung der beabsichtigten Eheschließung beim zuständigen Standesamt.',
    leikaKeys: ['99059001104000'],
    themenfeld: 'FAMILIE_KIND',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [{ norm: 'PStG', provision: '§ 12' }],
    source: BUND.replace('/de/', '/DE/') + '99059001104000 ("Bundesportal zur Anmeldung der Eheschliessung")',
  },
  {
    slug: 'sterbeurkunde-beantragen',
    name: 'Sterbeurkunde beantragen',
    summary: 'Ausstellung einer Sterbeurkunde aus dem Sterberegister durch das Standesamt.',
    leikaKeys: ['99101004012000'],
    themenfeld: 'FAMILIE_KIND',
    maturityLevel: 3,
    sdgRelevant: false,
    legalBases: [
      { norm: 'PStG', provision: '§ 60' },
      { norm: 'PStG', provision: '§ 62' },
    ],
    source:
      'Öffentlicher kommunaler Prozesskatalog auf GitHub ("Sterbeurkunde ausstellen", leika_id \'99101004012000\', ozg_id \'10237\'; "FIM-Leistungsschlüssel 99101004012000")',
  },
  {
    slug: 'sterbefall-beurkunden',
    name: 'Sterbefall beurkunden',
    summary: 'Beurkundung eines Sterbefalls im Sterberegister nach Anzeige beim Standesamt.',
    leikaKeys: ['99101011261000'],
    themenfeld: 'FAMILIE_KIND',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [
      { norm: 'PStG', provision: '§ 28' },
      { norm: 'PStG', provision: '§ 31' },
    ],
    // single source: Hamburg routing config "Routing for Leika 99101011261000 - Sterbefallbeurkundungen"
    source: 'Öffentlicher GitHub-Code (Routing-Regel "Sterbefallbeurkundungen", Leika 99101011261000)',
  },
  {
    slug: 'wohnberechtigungsschein-beantragen',
    name: 'Wohnberechtigungsschein (WBS) beantragen',
    summary: 'Ausstellung eines Wohnberechtigungsscheins für den Bezug einer geförderten Mietwohnung.',
    leikaKeys: ['99107022012000'],
    themenfeld: 'BAUEN_WOHNEN',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [{ norm: 'WoFG', provision: '§ 27' }],
    // also DSTACK_PVOG ("Wohnberechtigungsschein (WBS) beantragen — Berlin")
    source: BUND + '99107022012000',
  },
  {
    slug: 'wohngeld-beantragen',
    name: 'Wohngeld beantragen',
    summary: 'Antrag auf Wohngeld als Mietzuschuss oder Lastenzuschuss bei der Wohngeldbehörde.',
    leikaKeys: ['99107023037000'],
    themenfeld: 'BAUEN_WOHNEN',
    maturityLevel: 4,
    maturityModel: MaturityModel.V2_0, // an illustrative 2.0 rating, see the note above
    sdgRelevant: false,
    legalBases: [{ norm: 'WoGG', provision: '§ 22' }],
    source:
      BUND.replace('/de/', '/DE/') +
      '99107023037000/herausgeber/SH-8938711/region/01 ("Bundesportal – Wohngeld beantragen", SH-Herausgeber)',
  },
  {
    slug: 'buergergeld-beantragen',
    name: 'Bürgergeld beantragen',
    summary: 'Antrag auf Bürgergeld (Grundsicherung für Arbeitsuchende) beim Jobcenter.',
    leikaKeys: ['99107108017000'],
    themenfeld: 'ARBEIT_RUHESTAND',
    maturityLevel: 3,
    sdgRelevant: false,
    legalBases: [
      { norm: 'SGB II', provision: '§ 19' },
      { norm: 'SGB II', provision: '§ 37' },
    ],
    source:
      'https://zufish-reporting-backend.zitsh.de/reports/ZuFiSH_vs_LeiKa_Typ23_kurz.htm ("Bürgergeld beantragen (99107108017000)")',
  },
  {
    slug: 'feststellung-der-schwerbehinderung-beantragen',
    name: 'Feststellung einer (Schwer-)Behinderung und Schwerbehindertenausweis beantragen',
    summary:
      'Feststellung des Grades der Behinderung und Ausstellung eines Schwerbehindertenausweises durch das Landesamt für soziale Dienste.',
    leikaKeys: ['99015004037000'],
    themenfeld: 'GESUNDHEIT',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [{ norm: 'SGB IX', provision: '§ 152' }],
    // the key is certain; the exact LeiKa title is not (the source only says "Bundesportal – Schwerbehinderung")
    source: BUND.replace('/de/', '/DE/') + '99015004037000 ("Bundesportal – Schwerbehinderung")',
  },
  // ---------------------------------------------------------------- Bildung
  {
    slug: 'bafoeg-beantragen',
    name: 'BAföG beantragen',
    summary: 'Antrag auf Ausbildungsförderung nach dem BAföG beim zuständigen Amt für Ausbildungsförderung.',
    leikaKeys: ['99022001017003'],
    themenfeld: 'BILDUNG',
    maturityLevel: 4,
    sdgRelevant: true,
    legalBases: [
      { norm: 'BAföG', provision: '§ 46' },
      { norm: 'SDG-VO', provision: 'Anhang II' },
    ],
    // a detail variant ("...003"); the base key 99022001017000 is not verified
    source: BUND + '99022001017003',
  },
  // ---------------------------------------------------------------- Bauen
  {
    slug: 'baugenehmigung-beantragen',
    name: 'Baugenehmigung beantragen',
    summary: 'Bauantrag auf Erteilung einer Baugenehmigung bei der unteren Bauaufsichtsbehörde.',
    leikaKeys: ['99012070006000'],
    themenfeld: 'BAUEN_WOHNEN',
    maturityLevel: 3,
    maturityModel: MaturityModel.V2_0, // an illustrative 2.0 rating, see the note above
    sdgRelevant: false,
    legalBases: [
      { norm: 'LBO SH', provision: '§ 67' },
      { norm: 'LBO SH', provision: '§ 69' },
    ],
    // variant 99012070006001 is also widely linked as "Baugenehmigung (verwaltung.bund.de)"
    source:
      BUND +
      '99012070006000/herausgeber/BY-1839/region/090000000000 ("Bundesportal building-permit guidance")',
  },
  // ---------------------------------------------------------------- Recht & Ordnung / Einwanderung
  {
    slug: 'fuehrungszeugnis-beantragen',
    name: 'Führungszeugnis beantragen',
    summary:
      'Beantragung eines Führungszeugnisses aus dem Bundeszentralregister über die Meldebehörde oder online.',
    leikaKeys: ['99049001001000'],
    themenfeld: 'RECHT_ORDNUNG',
    maturityLevel: 3,
    sdgRelevant: false,
    legalBases: [{ norm: 'BZRG', provision: '§ 30' }],
    source: DSTACK_PVOG + ' ("Führungszeugnis beantragen — Berlin (Bundesamt für Justiz)")',
  },
  {
    slug: 'einbuergerung-beantragen',
    name: 'Einbürgerung beantragen',
    summary: 'Antrag auf Einbürgerung in den deutschen Staatsverband bei der Einbürgerungsbehörde.',
    leikaKeys: ['99099002067003'],
    themenfeld: 'EIN_AUSWANDERUNG',
    maturityLevel: 2,
    sdgRelevant: false,
    legalBases: [{ norm: 'StAG', provision: '§ 10' }],
    // a detail variant ("...003"), cited next to gesetze-im-internet.de/stag/__10.html and einbuergerung.de
    source: BUND.replace('/de/', '/DE/') + '99099002067003/',
  },
  // ---------------------------------------------------------------- Hobby
  {
    slug: 'fischereischein-beantragen',
    name: 'Fischereischein beantragen',
    summary:
      'Ausstellung eines Fischereischeins nach bestandener Fischereischeinprüfung, in Schleswig-Holstein auch digital.',
    leikaKeys: ['99042001012000'],
    themenfeld: 'ENGAGEMENT_HOBBY',
    maturityLevel: 4,
    sdgRelevant: false,
    legalBases: [{ norm: 'LFischG SH', provision: '§ 26' }],
    source:
      'https://www.ploen.de/index.php?object=tx,3319.2&ModID=10&FID=3319.211.1 ("Fischereischein beantragen – Nr. 99042001012000")',
  },
  // ---------------------------------------------------------------- Gesundheit
  {
    slug: 'belehrung-infektionsschutzgesetz-bescheinigung',
    name: 'Belehrung nach dem Infektionsschutzgesetz (Bescheinigung)',
    summary:
      'Belehrung und Bescheinigung durch das Gesundheitsamt vor der erstmaligen Tätigkeit im Lebensmittelbereich.',
    leikaKeys: ['99003002022000'],
    themenfeld: 'GESUNDHEIT',
    maturityLevel: 3,
    sdgRelevant: false,
    legalBases: [{ norm: 'IfSG', provision: '§ 43 Abs. 1' }],
    source:
      'Öffentlicher GitHub-Code (FIM-Portal-Tool: "Verifiziertes Beispiel: LeiKa 99003002022000 (Belehrung nach dem Infektionsschutzgesetz Bescheinigung, § 43 Absatz 1 IfSG)")',
  },
  {
    slug: 'apothekenbetriebserlaubnis-beantragen',
    name: 'Erlaubnis zum Betrieb einer Apotheke beantragen',
    summary: 'Erteilung der Erlaubnis zum Betrieb einer öffentlichen Apotheke.',
    leikaKeys: ['99004002005000'],
    themenfeld: 'GESUNDHEIT',
    maturityLevel: 1,
    sdgRelevant: false,
    legalBases: [
      { norm: 'ApoG', provision: '§ 1' },
      { norm: 'ApoG', provision: '§ 2' },
    ],
    source:
      'Öffentlicher GitHub-Code: "Quelle: LeiKa 99004002005000, bundesweiter Stammtext · Zuordnung geprüft über § 1, 2, 4 · apog"',
  },
];

/*
 * ---------------------------------------------------------------------------------------
 * NOT IN THE ARRAY: candidates that are unverified or unclear
 * ---------------------------------------------------------------------------------------
 * A key was found, but the service title or variant is unclear:
 *  - 99010022020000 / 99010022020010 / 99010023020000  Aufenthaltstitel (residence permit)
 *      variants. Seen on Bundesportal links ("Aufenthaltstitel", MV/HB publishers) and a
 *      Stammtext mapped to §§ 8, 22 AufenthG. Which one is the "Aufenthaltserlaubnis
 *      beantragen" main key is unclear.
 *  - 99115005104001  a variant of "Wohnsitz anmelden" (Bundesportal, HH/BY publishers).
 *  - 99012070006001  a variant of "Baugenehmigung" (widely linked; the detail is unclear).
 *  - 99059001000000  an older key for "Anmeldung zur Eheschließung" (routing docs); the
 *      current key used is 99059001104000.
 *  - 99102015149000  linked as "schwerbehinderten_mobilitaet"; the title is unknown
 *      (perhaps a Kfz-Steuer concession).
 *  - 99057001060000  linked in a "Gewerbeschein" context; the title is unknown.
 *  - 99108018026000 etc.  REJECTED: these come from a generated LeiKa list that contradicts
 *      verified keys (it gives Hundesteuer as 99108018026000 and Personalausweis as
 *      99020001000000). Do not use.
 *  - 99064001000000  "Halteverbotszone beantragen". It appears only in an illustrative
 *      API example, so it is not trustworthy.
 *
 * No verified key found; all still open:
 *  - Elterngeld beantragen (BEEG)
 *  - Kita-Platz / Kindertagesbetreuung (KiTaG SH, SGB VIII § 24)
 *  - Fahrzeug zulassen (FZV)
 *  - Gewerbe ummelden / abmelden (GewO § 14). Abmelden is perhaps 99050012070000, by
 *      analogy with Wohnsitz abmelden 99115005070000. No source found.
 *  - Parkausweis für Menschen mit Behinderung (StVO § 46)
 *  - Aufenthaltstitel (AufenthG, see above)
 *  - Waffenbesitzkarte (WaffG § 10)
 *  - Sondernutzung öffentlicher Straßen (StrWG SH § 21)
 *  - Baumfällgenehmigung (Baumschutzsatzung / BNatSchG)
 *  - Gaststättenerlaubnis (GastG § 2). Only the Gestattung under § 12 was verified.
 *  - Unterhaltsvorschuss (UVG), Hilfe zum Lebensunterhalt (SGB XII)
 *  - Gefahrhund / Hundehaltung (HundeG SH)
 *  - Lebensmittelbetrieb registrieren (VO (EG) 852/2004 Art. 6)
 *  - Bauvorbescheid (LBO SH § 66)
 */
