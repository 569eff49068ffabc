/**
 * A relevance test set for the catalogue search (`services(filter: {search})`) over the demo
 * catalogue (src/seed/demo-catalogue.ts, 35 services, with the keywords of
 * src/seed/demo-search-terms.ts).
 *
 * How it was made
 * ---------------
 * Written by hand from the demo services' names and summaries and from what citizens and
 * municipal staff type into a service finder (Bürgerservice "Leistungen A-Z", Zuständigkeitsfinder):
 * official names, everyday names, words cut off while typing, typing errors, and umlauts typed
 * as ae/oe/ue/ss. Queries were not chosen because the engine finds them; none was run against it.
 * `expected` is the slug of the ONE demo service a person typing the query wants; a query whose best
 * answer is arguably another demo service was left out (so: no "Todesfall", "Heirat", "Anmeldung",
 * "Kennzeichen", "deutscher Pass", "Gaststätte eröffnen", "Einbürgerungstest"). A query that equals
 * one of the service's keywords (ignoring case, hyphens and spaces) carries note: 'verbatim keyword';
 * the others are no keyword, though some contain a keyword's word or are a keyword with ä/ö/ü/ß
 * transliterated. The three driving-licence queries of the issue accept either driving-licence
 * service; the one chosen is named in a note. The test accepts the expected slug in the top 3.
 * Checked by a script: every expected slug exists in demo-catalogue.ts, no query appears twice
 * (ignoring case), every service has at least 3 queries, every prefix query ends in a cut-off word
 * of at least 4 letters, every typo is 1-2 edits from its correct spelling.
 *
 * Kinds
 * -----
 *  - exact:           the official name, or words of it (or of the summary), in its spelling.
 *  - multiword:       several words as people type them ("Führerschein beantragen"), not the name.
 *  - compound:        one word compounded from words of the service's text ("Gewerbeanmeldung"
 *                     for "Gewerbe anmelden", "Wohngeldantrag").
 *  - synonym:         an official or technical other term ("Wohnsitznachweis", "Pflichtumtausch").
 *  - colloquial:      an everyday name ("Angelschein", "Hartz IV", "Gesundheitszeugnis").
 *  - prefix:          the last word cut off while typing, at least 4 letters ("Führersch", "Wohng").
 *  - typo:            one or two letters wrong, missing, doubled or swapped ("Baugenehmigumg").
 *  - transliteration: ä/ö/ü/ß typed as ae/oe/ue/ss ("Bafoeg", "Fuehrerschein").
 *
 * Counts: 160 queries, 4 or 5 per service. exact 22, multiword 16, compound 21, synonym 17,
 * colloquial 29, prefix 18, typo 22, transliteration 15. Verbatim keywords: 14 (4 more equal a
 * keyword once ä/ö/ü/ß are transliterated: Fuehrerschein, Wohnungsgeberbestaetigung,
 * Meldebestaetigung, Apotheke eroeffnen).
 */

export type RelevanceKind =
  'exact' | 'multiword' | 'compound' | 'synonym' | 'colloquial' | 'prefix' | 'typo' | 'transliteration';

export interface RelevanceQuery {
  query: string;
  expected: string;
  kind: RelevanceKind;
  note?: string;
}

const VERBATIM = 'verbatim keyword';
const DRIVING = 'any driving-licence service is right; the first licence (Klasse B) is chosen';

export const RELEVANCE_QUERIES: readonly RelevanceQuery[] = [
  // gewerbe-anmelden
  { query: 'Gewerbeanmeldung', expected: 'gewerbe-anmelden', kind: 'compound', note: VERBATIM },
  { query: 'Gewerbe anmelden', expected: 'gewerbe-anmelden', kind: 'exact' },
  { query: 'Kleingewerbe anmelden', expected: 'gewerbe-anmelden', kind: 'colloquial' },
  { query: 'Gewerbeanmledung', expected: 'gewerbe-anmelden', kind: 'typo' },

  // bewachungsgewerbe-erlaubnis
  { query: 'Bewachungserlaubnis', expected: 'bewachungsgewerbe-erlaubnis', kind: 'compound' },
  { query: 'Erlaubnis nach 34a GewO', expected: 'bewachungsgewerbe-erlaubnis', kind: 'synonym' },
  { query: 'Sicherheitsdienst Erlaubnis', expected: 'bewachungsgewerbe-erlaubnis', kind: 'multiword' },
  { query: 'Bewachungsgewebe', expected: 'bewachungsgewerbe-erlaubnis', kind: 'typo' },

  // gaststaettengewerbe-gestattung
  { query: 'Gaststättengestattung', expected: 'gaststaettengewerbe-gestattung', kind: 'compound' },
  { query: 'Ausschank Dorffest', expected: 'gaststaettengewerbe-gestattung', kind: 'colloquial' },
  {
    query: 'Ausschankgenehmigung Vereinsfest',
    expected: 'gaststaettengewerbe-gestattung',
    kind: 'multiword',
  },
  { query: 'Gaststaettengewerbe', expected: 'gaststaettengewerbe-gestattung', kind: 'transliteration' },

  // beschaeftigung-an-sonn-und-feiertagen-bewilligung
  {
    query: 'Sonntagsarbeit',
    expected: 'beschaeftigung-an-sonn-und-feiertagen-bewilligung',
    kind: 'colloquial',
    note: VERBATIM,
  },
  {
    query: 'Feiertagsbeschäftigung',
    expected: 'beschaeftigung-an-sonn-und-feiertagen-bewilligung',
    kind: 'compound',
  },
  {
    query: 'Sonntagsarbiet Genehmigung',
    expected: 'beschaeftigung-an-sonn-und-feiertagen-bewilligung',
    kind: 'typo',
  },
  {
    query: 'Beschaeftigung am Feiertag',
    expected: 'beschaeftigung-an-sonn-und-feiertagen-bewilligung',
    kind: 'transliteration',
  },

  // kuendigung-im-mutterschutz-zulaessigerklaerung
  {
    query: 'Kündigung Mutterschutz',
    expected: 'kuendigung-im-mutterschutz-zulaessigerklaerung',
    kind: 'multiword',
  },
  {
    query: 'Zulässigkeitserklärung Kündigung',
    expected: 'kuendigung-im-mutterschutz-zulaessigerklaerung',
    kind: 'synonym',
  },
  {
    query: 'Mutterschutzkündigung',
    expected: 'kuendigung-im-mutterschutz-zulaessigerklaerung',
    kind: 'compound',
  },
  {
    query: 'Schwangere kündigen',
    expected: 'kuendigung-im-mutterschutz-zulaessigerklaerung',
    kind: 'colloquial',
  },
  {
    query: 'Kuendigung waehrend Mutterschutz',
    expected: 'kuendigung-im-mutterschutz-zulaessigerklaerung',
    kind: 'transliteration',
  },

  // hundesteuer-anmelden
  { query: 'Hundesteuer', expected: 'hundesteuer-anmelden', kind: 'exact' },
  { query: 'Hundeanmeldung', expected: 'hundesteuer-anmelden', kind: 'compound' },
  { query: 'Hundemarke', expected: 'hundesteuer-anmelden', kind: 'colloquial', note: VERBATIM },
  { query: 'Hundesteur anmelden', expected: 'hundesteuer-anmelden', kind: 'typo' },

  // bewohnerparkausweis-beantragen
  { query: 'Bewohnerparkausweis', expected: 'bewohnerparkausweis-beantragen', kind: 'compound' },
  {
    query: 'Anwohnerparkausweis',
    expected: 'bewohnerparkausweis-beantragen',
    kind: 'colloquial',
    note: VERBATIM,
  },
  { query: 'Parkausweis Anwohner', expected: 'bewohnerparkausweis-beantragen', kind: 'multiword' },
  { query: 'Bewohnerpark', expected: 'bewohnerparkausweis-beantragen', kind: 'prefix' },

  // fahrerlaubnis-klasse-b-beantragen
  {
    query: 'Führerschein beantragen',
    expected: 'fahrerlaubnis-klasse-b-beantragen',
    kind: 'multiword',
    note: DRIVING,
  },
  { query: 'Führersch', expected: 'fahrerlaubnis-klasse-b-beantragen', kind: 'prefix', note: DRIVING },
  {
    query: 'Fuehrerschein',
    expected: 'fahrerlaubnis-klasse-b-beantragen',
    kind: 'transliteration',
    note: DRIVING,
  },
  { query: 'Fahrerlaubnis Klasse B', expected: 'fahrerlaubnis-klasse-b-beantragen', kind: 'exact' },
  { query: 'Ersterteilung Fahrerlaubnis', expected: 'fahrerlaubnis-klasse-b-beantragen', kind: 'exact' },

  // fuehrerschein-umtauschen
  { query: 'Führerschein umtauschen', expected: 'fuehrerschein-umtauschen', kind: 'exact' },
  { query: 'Führerscheinumtausch', expected: 'fuehrerschein-umtauschen', kind: 'compound' },
  { query: 'grauer Lappen umtauschen', expected: 'fuehrerschein-umtauschen', kind: 'colloquial' },
  { query: 'Pflichtumtausch Führerschein', expected: 'fuehrerschein-umtauschen', kind: 'synonym' },
  { query: 'Fuehrerschein umtauschen', expected: 'fuehrerschein-umtauschen', kind: 'transliteration' },

  // aufstellung-von-verkehrszeichen-anregen
  { query: 'Verkehrszeichen aufstellen', expected: 'aufstellung-von-verkehrszeichen-anregen', kind: 'exact' },
  {
    query: 'Zebrastreifen beantragen',
    expected: 'aufstellung-von-verkehrszeichen-anregen',
    kind: 'colloquial',
  },
  { query: 'Verkehrsz', expected: 'aufstellung-von-verkehrszeichen-anregen', kind: 'prefix' },
  {
    query: 'Schild an der Strasse aufstellen',
    expected: 'aufstellung-von-verkehrszeichen-anregen',
    kind: 'transliteration',
  },

  // ausnahmegenehmigung-gurt-und-helmpflicht
  { query: 'Befreiung Gurtpflicht', expected: 'ausnahmegenehmigung-gurt-und-helmpflicht', kind: 'multiword' },
  {
    query: 'Anschnallpflicht Attest',
    expected: 'ausnahmegenehmigung-gurt-und-helmpflicht',
    kind: 'colloquial',
  },
  { query: 'Gurtbefreihung', expected: 'ausnahmegenehmigung-gurt-und-helmpflicht', kind: 'typo' },
  { query: 'Helmtragepfl', expected: 'ausnahmegenehmigung-gurt-und-helmpflicht', kind: 'prefix' },

  // halterauskunft-fahrzeugregister
  { query: 'Halterauskunft', expected: 'halterauskunft-fahrzeugregister', kind: 'exact' },
  { query: 'Fahrzeugregisterauskunft', expected: 'halterauskunft-fahrzeugregister', kind: 'compound' },
  { query: 'Halter ermitteln Kennzeichen', expected: 'halterauskunft-fahrzeugregister', kind: 'colloquial' },
  { query: 'Halteraukunft', expected: 'halterauskunft-fahrzeugregister', kind: 'typo' },

  // rotes-oldtimerkennzeichen-07-zuteilen
  { query: 'rotes Kennzeichen Oldtimer', expected: 'rotes-oldtimerkennzeichen-07-zuteilen', kind: 'exact' },
  {
    query: '07er Kennzeichen',
    expected: 'rotes-oldtimerkennzeichen-07-zuteilen',
    kind: 'synonym',
    note: VERBATIM,
  },
  { query: 'rote 07 Nummer', expected: 'rotes-oldtimerkennzeichen-07-zuteilen', kind: 'colloquial' },
  { query: 'Oldtimerkennzeichen rot', expected: 'rotes-oldtimerkennzeichen-07-zuteilen', kind: 'compound' },

  // personalausweis-beantragen
  { query: 'Personalausweiss', expected: 'personalausweis-beantragen', kind: 'typo' },
  { query: 'Personalausweis beantragen', expected: 'personalausweis-beantragen', kind: 'exact' },
  { query: 'Perso beantragen', expected: 'personalausweis-beantragen', kind: 'colloquial' },
  { query: 'Personalausweisantrag', expected: 'personalausweis-beantragen', kind: 'compound' },

  // personalausweis-verlust-melden
  { query: 'Personalausweis verloren', expected: 'personalausweis-verlust-melden', kind: 'multiword' },
  { query: 'Perso gestohlen', expected: 'personalausweis-verlust-melden', kind: 'colloquial' },
  { query: 'Personalausweis Verlustmeldung', expected: 'personalausweis-verlust-melden', kind: 'compound' },
  { query: 'Personalausweis verlorn', expected: 'personalausweis-verlust-melden', kind: 'typo' },

  // reisepass-beantragen
  { query: 'Reisepassantrag', expected: 'reisepass-beantragen', kind: 'compound' },
  { query: 'Reisepass beantragen', expected: 'reisepass-beantragen', kind: 'exact' },
  { query: 'Pass beantragen', expected: 'reisepass-beantragen', kind: 'colloquial' },
  { query: 'Reispass beantragen', expected: 'reisepass-beantragen', kind: 'typo' },

  // reisepass-namensaenderung-heirat
  { query: 'Reisepass Namensänderung', expected: 'reisepass-namensaenderung-heirat', kind: 'multiword' },
  {
    query: 'Reisepass nach Hochzeit ändern',
    expected: 'reisepass-namensaenderung-heirat',
    kind: 'colloquial',
  },
  {
    query: 'Namensaenderung Reisepass',
    expected: 'reisepass-namensaenderung-heirat',
    kind: 'transliteration',
  },
  { query: 'Reisepass Namensän', expected: 'reisepass-namensaenderung-heirat', kind: 'prefix' },

  // wohnsitz-anmelden
  { query: 'Umzug', expected: 'wohnsitz-anmelden', kind: 'colloquial', note: VERBATIM },
  { query: 'Wohnsitzanmeldung', expected: 'wohnsitz-anmelden', kind: 'compound' },
  { query: 'Ummelden', expected: 'wohnsitz-anmelden', kind: 'colloquial' },
  { query: 'Wohnsitz anmelfen', expected: 'wohnsitz-anmelden', kind: 'typo' },
  { query: 'Wohnungsgeberbestaetigung', expected: 'wohnsitz-anmelden', kind: 'transliteration' },

  // wohnsitz-abmelden
  { query: 'Wohnsitzabmeldung', expected: 'wohnsitz-abmelden', kind: 'compound' },
  { query: 'Abmeldung Ausland', expected: 'wohnsitz-abmelden', kind: 'multiword' },
  { query: 'Nebenwohnung abmelden', expected: 'wohnsitz-abmelden', kind: 'multiword' },
  { query: 'Auswanderung', expected: 'wohnsitz-abmelden', kind: 'synonym' },
  { query: 'Wohnsitz abmleden', expected: 'wohnsitz-abmelden', kind: 'typo' },

  // meldebescheinigung-beantragen
  { query: 'Meldebescheinigung', expected: 'meldebescheinigung-beantragen', kind: 'exact' },
  { query: 'Wohnsitznachweis', expected: 'meldebescheinigung-beantragen', kind: 'synonym' },
  { query: 'Meldebestaetigung', expected: 'meldebescheinigung-beantragen', kind: 'transliteration' },
  { query: 'Meldebeschenigung', expected: 'meldebescheinigung-beantragen', kind: 'typo' },
  { query: 'Meldebesch', expected: 'meldebescheinigung-beantragen', kind: 'prefix' },

  // geburtsurkunde-beantragen
  { query: 'Geburtsurkunde', expected: 'geburtsurkunde-beantragen', kind: 'exact' },
  { query: 'Geburtsurkunde anfordern', expected: 'geburtsurkunde-beantragen', kind: 'multiword' },
  { query: 'Auszug Geburtenregister', expected: 'geburtsurkunde-beantragen', kind: 'synonym' },
  { query: 'Geburtsurkude', expected: 'geburtsurkunde-beantragen', kind: 'typo' },
  { query: 'Geburtsurk', expected: 'geburtsurkunde-beantragen', kind: 'prefix' },

  // eheschliessung-anmelden
  { query: 'Eheschliessung', expected: 'eheschliessung-anmelden', kind: 'transliteration' },
  { query: 'Aufgebot bestellen', expected: 'eheschliessung-anmelden', kind: 'colloquial' },
  { query: 'Hochzeit anmelden', expected: 'eheschliessung-anmelden', kind: 'multiword' },
  { query: 'Anmeldung zur Eheschließung', expected: 'eheschliessung-anmelden', kind: 'synonym' },
  { query: 'Eheschl', expected: 'eheschliessung-anmelden', kind: 'prefix' },

  // sterbeurkunde-beantragen
  { query: 'Sterbeurkunde', expected: 'sterbeurkunde-beantragen', kind: 'exact' },
  { query: 'Sterbeurkunde anfordern', expected: 'sterbeurkunde-beantragen', kind: 'multiword' },
  { query: 'Todesurkunde', expected: 'sterbeurkunde-beantragen', kind: 'colloquial', note: VERBATIM },
  { query: 'Sterburkunde', expected: 'sterbeurkunde-beantragen', kind: 'typo' },
  { query: 'Sterbeurk', expected: 'sterbeurkunde-beantragen', kind: 'prefix' },

  // sterbefall-beurkunden
  { query: 'Sterbefall beurkunden', expected: 'sterbefall-beurkunden', kind: 'exact' },
  { query: 'Sterbefall anzeigen', expected: 'sterbefall-beurkunden', kind: 'synonym' },
  { query: 'Sterbefallbeurkundung', expected: 'sterbefall-beurkunden', kind: 'compound' },
  { query: 'Tod melden Standesamt', expected: 'sterbefall-beurkunden', kind: 'colloquial' },
  { query: 'Sterbefal beurkunden', expected: 'sterbefall-beurkunden', kind: 'typo' },

  // wohnberechtigungsschein-beantragen
  { query: 'Wohnberechtigungsschein', expected: 'wohnberechtigungsschein-beantragen', kind: 'exact' },
  { query: 'WBS beantragen', expected: 'wohnberechtigungsschein-beantragen', kind: 'exact' },
  { query: 'Sozialwohnung beantragen', expected: 'wohnberechtigungsschein-beantragen', kind: 'colloquial' },
  { query: 'Wohnberechtigunsschein', expected: 'wohnberechtigungsschein-beantragen', kind: 'typo' },
  { query: 'Wohnberecht', expected: 'wohnberechtigungsschein-beantragen', kind: 'prefix' },

  // wohngeld-beantragen
  { query: 'Wohngeldantrag', expected: 'wohngeld-beantragen', kind: 'compound' },
  { query: 'Wohng', expected: 'wohngeld-beantragen', kind: 'prefix' },
  { query: 'Wohngled', expected: 'wohngeld-beantragen', kind: 'typo' },
  { query: 'Mietzuschuss beantragen', expected: 'wohngeld-beantragen', kind: 'synonym' },
  { query: 'Wohngeld Plus', expected: 'wohngeld-beantragen', kind: 'synonym', note: VERBATIM },

  // buergergeld-beantragen
  { query: 'Hartz IV', expected: 'buergergeld-beantragen', kind: 'colloquial', note: VERBATIM },
  { query: 'Hartz 4', expected: 'buergergeld-beantragen', kind: 'colloquial' },
  { query: 'Buergergeld beantragen', expected: 'buergergeld-beantragen', kind: 'transliteration' },
  { query: 'Bürgergeldantrag', expected: 'buergergeld-beantragen', kind: 'compound' },
  { query: 'Bürgergelt', expected: 'buergergeld-beantragen', kind: 'typo' },

  // feststellung-der-schwerbehinderung-beantragen
  {
    query: 'Schwerbehindertenausweis beantragen',
    expected: 'feststellung-der-schwerbehinderung-beantragen',
    kind: 'exact',
  },
  {
    query: 'Behindertenausweis',
    expected: 'feststellung-der-schwerbehinderung-beantragen',
    kind: 'colloquial',
    note: VERBATIM,
  },
  {
    query: 'Grad der Behinderung feststellen',
    expected: 'feststellung-der-schwerbehinderung-beantragen',
    kind: 'multiword',
  },
  { query: 'GdB Antrag', expected: 'feststellung-der-schwerbehinderung-beantragen', kind: 'synonym' },
  {
    query: 'Schwerbehindertenaus',
    expected: 'feststellung-der-schwerbehinderung-beantragen',
    kind: 'prefix',
  },

  // bafoeg-beantragen
  { query: 'Bafoeg', expected: 'bafoeg-beantragen', kind: 'transliteration' },
  { query: 'Bafög', expected: 'bafoeg-beantragen', kind: 'exact' },
  { query: 'Studienförderung beantragen', expected: 'bafoeg-beantragen', kind: 'synonym' },
  { query: 'Schüler-BAföG', expected: 'bafoeg-beantragen', kind: 'colloquial' },
  { query: 'Ausbildungsförd', expected: 'bafoeg-beantragen', kind: 'prefix' },

  // baugenehmigung-beantragen
  { query: 'Bauantrag', expected: 'baugenehmigung-beantragen', kind: 'synonym', note: VERBATIM },
  { query: 'Baugenehmigumg', expected: 'baugenehmigung-beantragen', kind: 'typo' },
  { query: 'Bauantrag stellen', expected: 'baugenehmigung-beantragen', kind: 'multiword' },
  { query: 'Genehmigung Hausbau', expected: 'baugenehmigung-beantragen', kind: 'colloquial' },
  { query: 'Baugenehm', expected: 'baugenehmigung-beantragen', kind: 'prefix' },

  // fuehrungszeugnis-beantragen
  { query: 'Führungszeugnis', expected: 'fuehrungszeugnis-beantragen', kind: 'exact' },
  {
    query: 'polizeiliches Führungszeugnis',
    expected: 'fuehrungszeugnis-beantragen',
    kind: 'colloquial',
    note: VERBATIM,
  },
  { query: 'Fuehrungszeugnis', expected: 'fuehrungszeugnis-beantragen', kind: 'transliteration' },
  { query: 'Führungszeugniss', expected: 'fuehrungszeugnis-beantragen', kind: 'typo' },
  { query: 'Auszug Bundeszentralregister', expected: 'fuehrungszeugnis-beantragen', kind: 'synonym' },

  // einbuergerung-beantragen
  { query: 'Einbürgerung', expected: 'einbuergerung-beantragen', kind: 'exact' },
  { query: 'Einbuergerung', expected: 'einbuergerung-beantragen', kind: 'transliteration' },
  { query: 'Einbürgerungsantrag', expected: 'einbuergerung-beantragen', kind: 'compound' },
  { query: 'deutsche Staatsbürgerschaft beantragen', expected: 'einbuergerung-beantragen', kind: 'synonym' },
  { query: 'Einbürg', expected: 'einbuergerung-beantragen', kind: 'prefix' },

  // fischereischein-beantragen
  { query: 'Angelschein', expected: 'fischereischein-beantragen', kind: 'colloquial', note: VERBATIM },
  { query: 'Fischereischein', expected: 'fischereischein-beantragen', kind: 'exact' },
  { query: 'Fischereischien', expected: 'fischereischein-beantragen', kind: 'typo' },
  { query: 'Fischereis', expected: 'fischereischein-beantragen', kind: 'prefix' },

  // belehrung-infektionsschutzgesetz-bescheinigung
  {
    query: 'Gesundheitszeugnis',
    expected: 'belehrung-infektionsschutzgesetz-bescheinigung',
    kind: 'colloquial',
    note: VERBATIM,
  },
  {
    query: 'Belehrung Infektionsschutzgesetz',
    expected: 'belehrung-infektionsschutzgesetz-bescheinigung',
    kind: 'exact',
  },
  {
    query: 'Infektionsschutzbelehrung',
    expected: 'belehrung-infektionsschutzgesetz-bescheinigung',
    kind: 'compound',
  },
  {
    query: 'Belehrung nach § 43 IfSG',
    expected: 'belehrung-infektionsschutzgesetz-bescheinigung',
    kind: 'synonym',
  },
  {
    query: 'Gesundheitsz',
    expected: 'belehrung-infektionsschutzgesetz-bescheinigung',
    kind: 'prefix',
  },

  // apothekenbetriebserlaubnis-beantragen
  {
    query: 'Apothekenbetriebserlaubnis',
    expected: 'apothekenbetriebserlaubnis-beantragen',
    kind: 'compound',
  },
  {
    query: 'Betriebserlaubnis Apotheke',
    expected: 'apothekenbetriebserlaubnis-beantragen',
    kind: 'multiword',
  },
  {
    query: 'Apotheke eroeffnen',
    expected: 'apothekenbetriebserlaubnis-beantragen',
    kind: 'transliteration',
  },
  {
    query: 'Apothekenbetriebserlaubniss',
    expected: 'apothekenbetriebserlaubnis-beantragen',
    kind: 'typo',
  },
  { query: 'Apotheke eröff', expected: 'apothekenbetriebserlaubnis-beantragen', kind: 'prefix' },
];
