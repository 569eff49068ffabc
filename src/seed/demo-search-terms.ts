/**
 * Search terms for the 35 demo services of demo-catalogue.ts: synonyms, colloquial names and
 * keywords that citizens and municipal staff type into a search box, in the sense of the
 * "Begriffe im Kontext" / Synonyme of a FIM/LeiKa service description. Keyed by the service's
 * slug.
 *
 * Where they come from
 * --------------------
 * Research in stored copies of public pages (nothing was fetched live), about 15 minutes. The FIM
 * "Begriffe im Kontext" themselves were out of reach: the two stored FIM-Portal records that were
 * found (fimportal.de/xzufi-services/...) either do not show the list, or list LeiKa categories
 * such as "Sonderregelungen der Arbeitszeit (2030700)" rather than words people type. So no term
 * here is taken from FIM. `source` names, per service, the public page that uses the terms as
 * names of the service (municipal service descriptions, a Schleswig-Holstein Zuständigkeitsfinder
 * text, glossaries, Wikipedia); "everyday usage; not from FIM" means: no page was checked, the
 * terms are the names in everyday use, by my own judgement.
 *
 * How they were chosen
 * --------------------
 *  - 3 to 6 terms per service, 1 to 3 words each, proper German spelling with umlauts and ß.
 *  - No inflection of a word already in the service's name (the name is indexed anyway);
 *    nominalisations and new compounds are allowed (Gewerbeanmeldung for Gewerbe anmelden).
 *  - Specific: a term must not describe another demo service better. So Heirat stays off
 *    reisepass-namensaenderung-heirat, Sterberegister off both Sterbe- services, H-Kennzeichen
 *    off the 07 plate, Kinderreisepass and Elternzeit off everything (other LeiKa services).
 *  - Deliberately left out, so that test/catalogue/relevance-queries.ts can test the engine's
 *    compound splitting: Hundeanmeldung, Wohngeldantrag, Reisepassantrag, Einbürgerungsantrag,
 *    Führerscheinumtausch and the like.
 */

const EVERYDAY = 'everyday usage; not from FIM';

export const DEMO_SEARCH_TERMS: Record<string, { terms: string[]; source: string }> = {
  // ---------------------------------------------------------------- Unternehmen
  'gewerbe-anmelden': {
    terms: ['Gewerbeanmeldung', 'Gewerbeschein', 'Gewerbeanzeige', 'Existenzgründung', 'Selbstständigkeit'],
    source:
      'https://behoerdenlotse.burscheid.de/Dienstleistungsliste.aspx?abc=G ("Gewerbeanmeldung"); SH GewAnzVwV ' +
      '(gesetze-rechtsprechung.sh.juris.de, VVSH-710.20: "Gewerbe-Anmeldung", Gewerbeanzeige); Gewerbeschein, ' +
      'Existenzgründung, Selbstständigkeit: everyday usage; not from FIM',
  },
  'bewachungsgewerbe-erlaubnis': {
    terms: ['Sicherheitsdienst', 'Wachdienst', 'Wachschutz', 'Security', '34a-Erlaubnis'],
    source: EVERYDAY,
  },
  'gaststaettengewerbe-gestattung': {
    terms: [
      'Ausschankgenehmigung',
      'Schankerlaubnis',
      'Vereinsfest',
      'Festzelt',
      'vorübergehender Ausschank',
    ],
    source: EVERYDAY,
  },
  'beschaeftigung-an-sonn-und-feiertagen-bewilligung': {
    terms: [
      'Sonntagsarbeit',
      'Feiertagsarbeit',
      'Sonn- und Feiertagsarbeit',
      'Arbeit am Sonntag',
      'Sonntagsinventur',
    ],
    source:
      'https://www.mv-serviceportal.de/leistung/?leistungId=110416826 and ' +
      'https://fimportal.de/xzufi-services/S100003/S1000030002963968 ("Ausnahme vom Verbot der Sonn- und ' +
      'Feiertagsarbeit"; its Begriffe im Kontext are LeiKa categories, not used); Arbeit am Sonntag, ' +
      'Sonntagsinventur: everyday usage; not from FIM',
  },
  'kuendigung-im-mutterschutz-zulaessigerklaerung': {
    terms: [
      'Kündigung Schwangere',
      'Kündigungsschutz Schwangerschaft',
      'Sonderkündigungsschutz',
      'Kündigungsverbot',
      'Kündigung nach Entbindung',
    ],
    source: EVERYDAY,
  },
  // ---------------------------------------------------------------- Steuern
  'hundesteuer-anmelden': {
    terms: ['Hund anmelden', 'Hundesteuermarke', 'Hundemarke', 'Steuermarke', 'Hundehalter'],
    source:
      'https://www.waltrop.de/Inhalte/Buergerinfo/Leistungen_von_A_bis_Z.asp?seite=angebot&id=19612 ' +
      '(Hundesteuermarke) and ' +
      'https://isselburg.de/Schnellnavigation/Adressen/index.php?object=tx%7C2464.2&ModID=10&FID=2464.567.1 ' +
      '(Leistungsbeschreibung Hundesteuer: Hundesteuermarken); ' +
      'Hund anmelden, Hundemarke, Steuermarke, Hundehalter: everyday usage; not from FIM',
  },
  // ---------------------------------------------------------------- Mobilität
  'bewohnerparkausweis-beantragen': {
    terms: ['Anwohnerparkausweis', 'Anwohnerparken', 'Parkvignette', 'Anwohnerplakette'],
    source: EVERYDAY,
  },
  'fahrerlaubnis-klasse-b-beantragen': {
    terms: ['Führerschein', 'Autoführerschein', 'Pkw-Führerschein', 'Führerscheinprüfung', 'Fahrschule'],
    source: EVERYDAY,
  },
  'fuehrerschein-umtauschen': {
    terms: ['Kartenführerschein', 'EU-Führerschein', 'Papierführerschein', 'grauer Lappen', 'rosa Lappen'],
    source: EVERYDAY,
  },
  'aufstellung-von-verkehrszeichen-anregen': {
    terms: ['Verkehrsschild', 'Schild aufstellen', 'Tempo 30', 'Zebrastreifen', 'Verkehrsberuhigung'],
    source: EVERYDAY,
  },
  'ausnahmegenehmigung-gurt-und-helmpflicht': {
    terms: ['Gurtpflicht', 'Helmpflicht', 'Anschnallpflicht', 'Gurtbefreiung', 'Helmbefreiung'],
    source: EVERYDAY,
  },
  'halterauskunft-fahrzeugregister': {
    terms: ['Halterabfrage', 'Kennzeichenabfrage', 'Halterermittlung', 'Fahrzeughalter ermitteln'],
    source: EVERYDAY,
  },
  'rotes-oldtimerkennzeichen-07-zuteilen': {
    terms: ['07er-Kennzeichen', 'Oldtimerkennzeichen', 'rote Nummer', 'Oldtimer'],
    source:
      'https://www.braunschweig.de/vv/produkte/II/32/32_3/32_32/kfz-kennzeichen-oldtimer-rot.php ' +
      '("07-er-Kennzeichen") and ' +
      'https://www.wismar.de/Rathaus-Politik/Stadtverwaltung/Dienstleistungen-A-Z/index.php?object=tx%7C2634.2&ModID=10&FID=2634.281.1 ' +
      '("rotes Oldtimerkennzeichen"); ' +
      'rote Nummer: https://oldtimer-veranstaltung.de/2013/05/rotes-07-kennzeichen-vorteile-und-nachteile',
  },
  // ---------------------------------------------------------------- Ausweise / Meldewesen
  'personalausweis-beantragen': {
    terms: ['Perso', 'Ausweis', 'ID-Karte', 'Online-Ausweis', 'Ausweis verlängern'],
    source: EVERYDAY,
  },
  'personalausweis-verlust-melden': {
    terms: ['Ausweis verloren', 'Perso verloren', 'Ausweis gestohlen', 'Verlustanzeige', 'Ausweis sperren'],
    source: EVERYDAY,
  },
  'reisepass-beantragen': {
    terms: ['Pass', 'Passantrag', 'Expresspass', 'Reisedokument', 'biometrischer Pass'],
    source: EVERYDAY,
  },
  'reisepass-namensaenderung-heirat': {
    terms: ['Ehename', 'neuer Nachname', 'Pass nach Hochzeit', 'Namenswechsel', 'Pass umschreiben'],
    source: EVERYDAY,
  },
  'wohnsitz-anmelden': {
    terms: ['Ummeldung', 'Umzug', 'Wohnungsanmeldung', 'Zuzug', 'Wohnungsgeberbestätigung', 'Einzug'],
    source:
      'https://www.badoldesloe.de/index.php?ModID=10&FID=2965.1361.1&object=tx%7C2965.9151&ort=2965.1 ' +
      '(SH Zuständigkeitsfinder text "Wohnort - Anmeldung der alleinigen Wohnung oder der Hauptwohnung": Umzug, ' +
      'Wohnungsgeberbestätigung) and https://www.timmendorfer-strand.org/rathaus/was-benoetige-ich-fuer ' +
      '(Ummeldung); Wohnungsanmeldung, Zuzug, Einzug: everyday usage; not from FIM',
  },
  'wohnsitz-abmelden': {
    terms: ['Abmeldung', 'Wegzug', 'Wegzug ins Ausland', 'Auswandern', 'Nebenwohnung aufgeben'],
    source:
      'https://www.timmendorfer-strand.org/rathaus/was-benoetige-ich-fuer ("Abmeldung ... wenn Sie ins Ausland ' +
      'wegziehen oder eine Nebenwohnung aufgeben"); https://www.aemter.info/wohnung-anmelden-ummelden/ ' +
      '(Auswanderung)',
  },
  'meldebescheinigung-beantragen': {
    terms: ['Meldebestätigung', 'Wohnsitzbescheinigung', 'Wohnsitzbestätigung', 'Aufenthaltsbescheinigung'],
    source: EVERYDAY,
  },
  // ---------------------------------------------------------------- Personenstand / Familie
  'geburtsurkunde-beantragen': {
    terms: ['Geburtenregister', 'Abstammungsurkunde', 'Geburtsnachweis', 'Geburtsregisterauszug'],
    source: EVERYDAY,
  },
  'eheschliessung-anmelden': {
    terms: ['Aufgebot', 'Heiraten', 'Hochzeit', 'Eheanmeldung', 'Trauung', 'standesamtliche Trauung'],
    source:
      'https://hasbergen.de/Rathaus/Verwaltung/Ansprechpartner-A-Z.htm/Dienstleistungen/Anmeldung-der-Eheschliessung-frueher-Aufgebot.html ' +
      '("Anmeldung der Eheschließung (früher: Aufgebot)"), ' +
      'https://www.ratgeberzentrale.de/familie/familienleben/formalitaeten-vor-der-hochzeit.html and ' +
      'https://greding.de/stadtverwaltung/aufgaben/eheschliessung-anmeldung ("Eheanmeldung"); Heiraten, ' +
      'Hochzeit, Trauung: everyday usage; not from FIM',
  },
  'sterbeurkunde-beantragen': {
    terms: ['Todesurkunde', 'Todesnachweis', 'Urkunde Verstorbener'],
    source: EVERYDAY,
  },
  'sterbefall-beurkunden': {
    terms: [
      'Todesfall melden',
      'Todesfall anzeigen',
      'Tod melden',
      'Sterbefallanzeige',
      'Todesfall Standesamt',
    ],
    source: EVERYDAY,
  },
  'wohnberechtigungsschein-beantragen': {
    terms: ['Sozialwohnung', 'geförderte Wohnung', 'Wohnungsberechtigungsschein', 'Sozialwohnungsschein'],
    source: EVERYDAY,
  },
  'wohngeld-beantragen': {
    terms: ['Mietzuschuss', 'Lastenzuschuss', 'Wohngeld-Plus', 'Mietbeihilfe', 'Zuschuss zur Miete'],
    source: EVERYDAY,
  },
  'buergergeld-beantragen': {
    terms: ['Hartz IV', 'Arbeitslosengeld II', 'ALG II', 'Grundsicherung', 'Sozialgeld', 'Jobcenter'],
    source:
      'https://www.betanet.de/grundsicherung-fuer-arbeitssuchende.html ("Bürgergeld, früher Arbeitslosengeld ' +
      'II und Sozialgeld (umgangssprachlich Hartz IV)") and ' +
      'https://www.sgb2.info/DE/Service/Glossar/Functions/glossar.html?cms_lv2=769992 ' +
      '("Arbeitslosengeld II (ALG II) ... Hartz IV")',
  },
  'feststellung-der-schwerbehinderung-beantragen': {
    terms: ['Behindertenausweis', 'GdB', 'Merkzeichen', 'Versorgungsamt', 'Schwerbeschädigtenausweis'],
    source: EVERYDAY,
  },
  // ---------------------------------------------------------------- Bildung
  'bafoeg-beantragen': {
    terms: ['Ausbildungsförderung', 'Studienfinanzierung', 'Studienförderung', 'Förderung Studium'],
    source: EVERYDAY,
  },
  // ---------------------------------------------------------------- Bauen
  'baugenehmigung-beantragen': {
    terms: ['Bauantrag', 'Baugesuch', 'Bauerlaubnis', 'Bauschein', 'Bauvorhaben', 'Bauaufsicht'],
    source:
      'https://construction.de/encyclop/lex/baugenehmigung.html ("in Form eines Bauscheines"); Bauantrag, ' +
      'Baugesuch, Bauerlaubnis, Bauvorhaben, Bauaufsicht: everyday usage; not from FIM',
  },
  // ---------------------------------------------------------------- Recht & Ordnung / Einwanderung
  'fuehrungszeugnis-beantragen': {
    terms: [
      'polizeiliches Führungszeugnis',
      'erweitertes Führungszeugnis',
      'Bundeszentralregister',
      'Vorstrafen',
      'Leumundszeugnis',
    ],
    source:
      'https://www.menden.de/buergerservice-rathaus/buergerservice/dienstleistungen-a-z/dienstleistung/show/' +
      'fuehrungszeugnis ("Auszug aus dem Bundeszentralregister", "landläufig auch polizeiliches ' +
      'Führungszeugnis", "erweitertes Führungszeugnis"); Vorstrafen, Leumundszeugnis: everyday usage; not from FIM',
  },
  'einbuergerung-beantragen': {
    terms: ['Staatsbürgerschaft', 'deutsche Staatsangehörigkeit', 'Einbürgerungstest', 'Deutscher werden'],
    source: EVERYDAY,
  },
  // ---------------------------------------------------------------- Hobby
  'fischereischein-beantragen': {
    terms: ['Angelschein', 'Angelerlaubnis', 'Fischerprüfung', 'Angeln', 'Fischereiabgabe'],
    source:
      'https://de.wikipedia.org/wiki/Fischereischein (read in a stored mirror, wikipedia.ddns.net, ' +
      'wikipedia_de_all_maxi_2024-04: "umgangssprachlich auch Angelschein", Fischerprüfung) and ' +
      'https://www.fischereiverein-hef.de/index.php/der-verein/neue-mitglieder/leitfaden ' +
      '(Fischereiabgabe); Angelerlaubnis, Angeln: everyday usage; not from FIM',
  },
  // ---------------------------------------------------------------- Gesundheit
  'belehrung-infektionsschutzgesetz-bescheinigung': {
    terms: ['Gesundheitszeugnis', 'Rote Karte', 'Gesundheitspass', 'Erstbelehrung', 'Hygienebelehrung'],
    source:
      'http://belehrung43.de/index.php/infektionsschutzgesetz ("Gesundheitszeugnis, Gesundheitspass und Rote ' +
      'Karte werden umgangssprachlich weiterhin als Synonym ... benutzt", Erstbelehrung); Hygienebelehrung: ' +
      'everyday usage; not from FIM',
  },
  'apothekenbetriebserlaubnis-beantragen': {
    terms: [
      'Apotheke eröffnen',
      'Apothekenkonzession',
      'Apotheke übernehmen',
      'Filialapotheke',
      'Apothekengründung',
    ],
    source: EVERYDAY,
  },
};
