import { OrganisationKind } from './organisation-kind';
import {
  agsOf,
  arsProblem,
  checkOrganisationKey,
  kreisschluesselOf,
  parentProblem,
  type KeyRule,
} from './organisation.rules';

const { STATE, DISTRICT, AMT, MUNICIPALITY, SERVICE_PROVIDER } = OrganisationKind;

/**
 * Real keys, each as published: Schleswig-Holstein's from the registry's demo data (docs/domain.md
 * lists them), the others as the Gemeindeverzeichnis gives them and public code quotes them.
 */
const REAL: [OrganisationKind, string, string][] = [
  [STATE, '010000000000', 'Land Schleswig-Holstein'],
  [STATE, '160000000000', 'Freistaat Thüringen'],
  [MUNICIPALITY, '010020000000', 'Kiel, kreisfreie Stadt'],
  [MUNICIPALITY, '010030000000', 'Lübeck, kreisfreie Stadt'],
  [DISTRICT, '010580000000', 'Kreis Rendsburg-Eckernförde'],
  [DISTRICT, '010620000000', 'Kreis Stormarn'],
  [AMT, '010585890', 'Amt Hüttener Berge'],
  [MUNICIPALITY, '010585890008', 'Ascheffel, in the Amt Hüttener Berge'],
  [MUNICIPALITY, '010580005005', 'Altenholz, amtsfrei'],
  [MUNICIPALITY, '010600063063', 'Norderstedt, amtsfrei'],
  [MUNICIPALITY, '020000000000', 'Hamburg, a city-state'],
  [MUNICIPALITY, '110000000000', 'Berlin, a city-state'],
  [MUNICIPALITY, '073150000000', 'Mainz (Rheinland-Pfalz, former Regierungsbezirk Rheinhessen-Pfalz 3)'],
  [MUNICIPALITY, '040110000000', 'Bremen, one of the two Gemeinden of the Land Bremen'],
  [MUNICIPALITY, '032410001001', 'Hannover, Region Hannover (Niedersachsen, former Regierungsbezirk 2)'],
  [MUNICIPALITY, '051110000000', 'Düsseldorf (Nordrhein-Westfalen, Regierungsbezirk 1)'],
  [MUNICIPALITY, '053150000000', 'Köln (Regierungsbezirk 3)'],
  [MUNICIPALITY, '064120000000', 'Frankfurt am Main (Hessen, Regierungsbezirk Darmstadt 4)'],
  [MUNICIPALITY, '081110000000', 'Stuttgart (Baden-Württemberg, Regierungsbezirk 1)'],
  [MUNICIPALITY, '083110000000', 'Freiburg im Breisgau (Regierungsbezirk 3)'],
  [MUNICIPALITY, '091620000000', 'München (Bayern, Oberbayern 1)'],
  [MUNICIPALITY, '146120000000', 'Dresden (Sachsen, 6)'],
  [MUNICIPALITY, '147300110110', 'Eilenburg, Landkreis Nordsachsen, verbandsfrei'],
  [MUNICIPALITY, '147305601140', 'Jesewitz, in a Verwaltungsverband'],
];

/** Malformed keys, each with the rule that refuses it. */
const WRONG: [OrganisationKind, string, KeyRule, string][] = [
  [MUNICIPALITY, '01002000000A', 'ARS_DIGITS', 'digits only'],
  [MUNICIPALITY, '01002000000', 'ARS_LENGTH', 'has 12 digits, got 11'],
  [AMT, '010585890008', 'ARS_LENGTH', 'has 9 digits, got 12'],
  [MUNICIPALITY, '170020000000', 'LAND_CODE', 'Land code 17'],
  [MUNICIPALITY, '000020000000', 'LAND_CODE', 'Land code 00'],
  [STATE, '010020000000', 'LAND_KEY', 'ten zeros'],
  [MUNICIPALITY, '011020000000', 'REGIERUNGSBEZIRK', 'Schleswig-Holstein has no Regierungsbezirke'],
  [DISTRICT, '011580000000', 'REGIERUNGSBEZIRK', 'the third digit is 0, got 1'],
  [MUNICIPALITY, '090620000000', 'REGIERUNGSBEZIRK', 'Bayern is one of 1, 2, 3, 4, 5, 6, 7, got 0'],
  [MUNICIPALITY, '052110000000', 'REGIERUNGSBEZIRK', 'Nordrhein-Westfalen is one of 1, 3, 5, 7, 9, got 2'],
  [MUNICIPALITY, '141120000000', 'REGIERUNGSBEZIRK', 'Sachsen is one of 5, 6, 7, got 1'],
  [MUNICIPALITY, '020000001001', 'CITY_STATE', 'its municipality is 020000000000'],
  [DISTRICT, '020010000000', 'CITY_STATE', 'Hamburg is one Gemeinde'],
  [AMT, '110015001', 'CITY_STATE', 'no Kreise or Ämter'],
  [AMT, '010025001', 'AMT_IN_KREIS', '01002 is a kreisfreie Stadt'],
  [DISTRICT, '010000000000', 'KREIS_PART', 'digits 4-5 are not 00'],
  [AMT, '010005890', 'KREIS_PART', 'digits 4-5 are not 00'],
  [MUNICIPALITY, '010000000000', 'KREIS_PART', 'digits 4-5 are not 00'],
  [DISTRICT, '010585890008', 'KREIS_KEY', 'followed by seven zeros'],
  [DISTRICT, '010520000000', 'KREIS_NUMBER', 'no Kreis or kreisfreie Stadt 01052'],
  [MUNICIPALITY, '010630001001', 'KREIS_NUMBER', 'no Kreis or kreisfreie Stadt 01063'],
  [DISTRICT, '010020000000', 'KREISFREIE_STADT_AS_KREIS', 'register it as a MUNICIPALITY'],
  [MUNICIPALITY, '010580000000', 'KREIS_KEY_AS_MUNICIPALITY', 'register it as a DISTRICT'],
  [AMT, '010580005', 'AMT_VERBAND_DIGIT', 'starts with 5, got 0005'],
  [AMT, '010581890', 'AMT_VERBAND_DIGIT', 'starts with 5, got 1890'],
  [MUNICIPALITY, '010580005006', 'AMTSFREIE_GEMEINDE', 'its Gemeinde number (0006), got 0005'],
  [MUNICIPALITY, '010580000005', 'AMTSFREIE_GEMEINDE', 'got 0000'],
  [MUNICIPALITY, '010585890000', 'AMTSANGEHOERIGE_GEMEINDE', 'got 000'],
  [MUNICIPALITY, '010589890008', 'VERBAND_DIGIT', 'starts with 0 (amtsfrei) or 5 (in an Amt), got 9890'],
];

describe('organisation keys', () => {
  it.each(REAL)('accepts %s %s (%s)', (kind, ars) => {
    expect(arsProblem(kind, ars)).toBeNull();
  });

  it.each(WRONG)('refuses %s %s by %s', (kind, ars, rule, words) => {
    const problem = arsProblem(kind, ars);
    expect(problem?.rule).toBe(rule);
    expect(problem?.message).toContain(words);
  });

  it('derives an AGS for Gemeinden and kreisfreie Städte only', () => {
    expect(agsOf(MUNICIPALITY, '010020000000')).toBe('01002000'); // Kiel
    expect(agsOf(MUNICIPALITY, '010585890008')).toBe('01058008'); // Ascheffel
    expect(agsOf(DISTRICT, '010580000000')).toBeNull(); // not "01058000", which reads as a city
    expect(agsOf(STATE, '010000000000')).toBeNull();
    expect(agsOf(AMT, '010585890')).toBeNull();
    expect(agsOf(SERVICE_PROVIDER, null)).toBeNull();
  });

  it('gives the Kreisschlüssel of the Kreis a body is or lies in', () => {
    expect(kreisschluesselOf(DISTRICT, '010580000000')).toBe('01058');
    expect(kreisschluesselOf(AMT, '010585890')).toBe('01058');
    expect(kreisschluesselOf(MUNICIPALITY, '010585890008')).toBe('01058');
    expect(kreisschluesselOf(MUNICIPALITY, '010020000000')).toBe('01002');
    expect(kreisschluesselOf(STATE, '010000000000')).toBeNull();
    expect(kreisschluesselOf(MUNICIPALITY, '020000000000')).toBeNull(); // Hamburg has no Kreis
    expect(kreisschluesselOf(SERVICE_PROVIDER, null)).toBeNull();
  });

  it('keys public bodies by ARS and others by slug', () => {
    expect(checkOrganisationKey({ key: '010020000000', kind: MUNICIPALITY })).toEqual({
      ars: '010020000000',
      problems: [],
    });
    expect(checkOrganisationKey({ key: 'dataport', kind: SERVICE_PROVIDER })).toEqual({
      ars: null,
      problems: [],
    });
    expect(checkOrganisationKey({ key: 'data_port', kind: SERVICE_PROVIDER }).problems[0]).toMatchObject({
      field: 'key',
      rule: 'SLUG',
    });
    expect(
      checkOrganisationKey({ key: 'dataport', ars: '010020000000', kind: SERVICE_PROVIDER }).problems[0],
    ).toMatchObject({ field: 'ars', rule: 'NO_ARS' });
    expect(
      checkOrganisationKey({ key: '010020000000', ars: '010030000000', kind: MUNICIPALITY }).problems[0],
    ).toMatchObject({ field: 'key', rule: 'KEY_IS_ARS' });
    expect(checkOrganisationKey({ key: '011020000000', kind: MUNICIPALITY }).problems[0]).toMatchObject({
      field: 'key',
      rule: 'REGIERUNGSBEZIRK',
    });
  });

  const land = { kind: STATE, ars: '010000000000', key: '010000000000' };
  const kreis = { kind: DISTRICT, ars: '010580000000', key: '010580000000' };
  const otherKreis = { kind: DISTRICT, ars: '010510000000', key: '010510000000' };
  const amt = { kind: AMT, ars: '010585890', key: '010585890' };
  const kiel = { kind: MUNICIPALITY, ars: '010020000000', key: '010020000000' };
  const provider = { kind: SERVICE_PROVIDER, ars: null, key: 'dataport' };

  type Body = { kind: OrganisationKind; ars: string | null; key: string };
  const PARENTS: [string, Omit<Body, 'key'>, Body, KeyRule | null][] = [
    ['Ascheffel in its Amt', { kind: MUNICIPALITY, ars: '010585890008' }, amt, null],
    ['an Amt in its Kreis', { kind: AMT, ars: '010585890' }, kreis, null],
    ['Altenholz (amtsfrei) in its Kreis', { kind: MUNICIPALITY, ars: '010580005005' }, kreis, null],
    ['Kiel (kreisfrei) in its Land', { kind: MUNICIPALITY, ars: '010020000000' }, land, null],
    ['a Kreis in its Land', { kind: DISTRICT, ars: '010580000000' }, land, null],
    ['a provider anywhere', { kind: SERVICE_PROVIDER, ars: null }, kreis, null],
    ['Ascheffel directly in its Kreis', { kind: MUNICIPALITY, ars: '010585890008' }, kreis, 'PARENT_IS_AMT'],
    ['Ascheffel directly in its Land', { kind: MUNICIPALITY, ars: '010585890008' }, land, 'PARENT_IS_AMT'],
    ['Altenholz in the Land', { kind: MUNICIPALITY, ars: '010580005005' }, land, 'PARENT_IS_KREIS'],
    ['Kiel under a Kreis', { kind: MUNICIPALITY, ars: '010020000000' }, otherKreis, 'PARENT_CONTAINS'],
    ['Heide in the wrong Kreis', { kind: MUNICIPALITY, ars: '010510044044' }, kreis, 'PARENT_CONTAINS'],
    ['a municipality under a municipality', { kind: MUNICIPALITY, ars: '010020000001' }, kiel, 'PARENT_KIND'],
    ['a Kreis under an Amt', { kind: DISTRICT, ars: '010580000000' }, amt, 'PARENT_KIND'],
    ['a municipality under a provider', { kind: MUNICIPALITY, ars: '010020000000' }, provider, 'PARENT_KIND'],
    ['a Land under anything', { kind: STATE, ars: '010000000000' }, land, 'PARENT_KIND'],
  ];

  it.each(PARENTS)('%s', (_, child, parent, rule) => {
    expect(parentProblem(child, parent)?.rule ?? null).toBe(rule);
  });

  it('places a kreisfreie Stadt under its Land only: no Kreis or Amt contains its key', () => {
    const bayern = { kind: STATE, ars: '090000000000', key: '090000000000' };
    expect(parentProblem({ kind: MUNICIPALITY, ars: '091620000000' }, bayern)).toBeNull(); // München
    const sameKey = { kind: DISTRICT, ars: '091620000000', key: '091620000000' };
    expect(parentProblem({ kind: MUNICIPALITY, ars: '091620000000' }, sameKey)?.rule).toBe('PARENT_CONTAINS');
  });
});
