import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { MaturityModel, ReuseModel, ServiceLifecycle, Themenfeld } from '#src/catalogue/catalogue-enums';
import { InterfaceKind } from '#src/organisations/organisation-kind';
import { graphemes, readPubliccode, type PubliccodeFile } from './publiccode-reader';
import {
  importPlan,
  LICENSE_NOT_RECORDED,
  PubliccodeSkipReason,
  shorten,
  THEMENFELD_DE,
  updateOf,
  writePubliccode,
  type ExportFacts,
  type ServiceFacts,
} from './publiccode.rules';

const PUBLIC_URL = 'https://registry.example.org';

const SERVICE: ServiceFacts = {
  slug: 'wohngeld-beantragen',
  name: 'Wohngeld beantragen',
  summary: 'Antrag auf Wohngeld als Mietzuschuss oder Lastenzuschuss.',
  description: null,
  leikaKeys: ['99107023037000'],
  themenfeld: Themenfeld.BAUEN_WOHNEN,
  maturityLevel: 3,
  maturityModel: MaturityModel.V1_1,
  sdgRelevant: false,
  lifecycle: ServiceLifecycle.ACTIVE,
  reuseModel: ReuseModel.EFA_CENTRAL,
  license: null,
  repositoryUrl: null,
};

const facts = (service: Partial<ServiceFacts> = {}, extra: Partial<ExportFacts> = {}): ExportFacts => ({
  service: { ...SERVICE, ...service },
  ownerName: 'Dataport',
  latest: {
    version: '2.1.0',
    publishedAt: new Date('2026-10-01T22:30:00Z'),
    interfaces: [
      { name: 'ePayment', kind: InterfaceKind.PORTAL_COMPONENT, version: '2.0' },
      { name: 'XWohngeld', kind: InterfaceKind.XOEV_STANDARD, version: '1.2' },
    ],
  },
  normUrls: ['https://www.gesetze-im-internet.de/wogg/'],
  publicUrl: PUBLIC_URL,
  ...extra,
});

/** The file, read back by the reader (the standard's rules) and as plain YAML. */
function exported(input: ExportFacts) {
  const text = writePubliccode(input);
  const read = readPubliccode(text);
  if (read.kind !== 'read') {
    throw new Error(`the export does not read back: ${JSON.stringify(read)}\n${text}`);
  }
  return { text, read, plain: parse(text) as Record<string, any> };
}

const VARIANTS: [string, ExportFacts][] = [
  ['the plain service', facts()],
  ['a summary of 500 characters', facts({ summary: `${'Ein langer Satz über Wohngeld. '.repeat(16)}Ende.` })],
  ['a summary over lines', facts({ summary: 'Erste Zeile,\nzweite   Zeile.' })],
  [
    'a description of 20,000 characters',
    facts({ description: `${'Absatz über Wohngeld. '.repeat(909)}Ende` }),
  ],
  ['a short description', facts({ description: 'Kurz.' })],
  ['a description of 150 characters exactly', facts({ description: 'ß'.repeat(150) })],
  [
    'a licence and a repository',
    facts({ license: 'EUPL-1.2', repositoryUrl: 'https://github.com/Dataport/Wohngeld' }),
  ],
  [
    'no release, no Themenfeld, no rating, no norm',
    facts({ themenfeld: null, maturityLevel: null, maturityModel: null }, { latest: null, normUrls: [] }),
  ],
  ['a RETIRED service', facts({ lifecycle: ServiceLifecycle.RETIRED })],
  [
    'a service rated in 2.0, SDG-relevant',
    facts({ maturityLevel: 6, maturityModel: MaturityModel.V2_0, sdgRelevant: true }),
  ],
];

describe('the export', () => {
  it.each(VARIANTS)('of %s is valid by the standard and within its limits', (_what, input) => {
    const { plain } = exported(input);
    // Every key the standard (as its reference parser) requires, checked without the reader.
    for (const key of [
      'publiccodeYmlVersion',
      'name',
      'url',
      'platforms',
      'developmentStatus',
      'softwareType',
      'description',
      'legal',
      'maintenance',
      'localisation',
    ]) {
      expect(plain[key]).toBeDefined();
    }
    expect(plain.publiccodeYmlVersion).toBe('0.7');
    const de = plain.description.de;
    expect(graphemes(de.shortDescription)).toBeLessThanOrEqual(150);
    expect(de.shortDescription).not.toContain('\n');
    expect(graphemes(de.longDescription)).toBeGreaterThanOrEqual(150);
    expect(graphemes(de.longDescription)).toBeLessThanOrEqual(10_000);
    expect(de.features.length).toBeGreaterThan(0);
    expect(plain.legal.license).toMatch(/^(EUPL-1\.2|LicenseRef-[A-Za-z0-9.-]+)$/);
    expect(typeof plain.localisation.localisationReady).toBe('boolean');
    expect(plain.localisation.availableLanguages).toEqual(['de']);
    if (['internal', 'community'].includes(plain.maintenance.type)) {
      expect(plain.maintenance.contacts[0].name).toBeTruthy();
    }
  });

  it('writes the service as the standard names it', () => {
    const { plain } = exported(facts());
    expect(plain).toMatchObject({
      name: 'Wohngeld beantragen',
      url: `${PUBLIC_URL}/leistungen/wohngeld-beantragen`,
      landingURL: `${PUBLIC_URL}/leistungen/wohngeld-beantragen`,
      softwareVersion: '2.1.0',
      releaseDate: '2026-10-01',
      platforms: ['web'],
      categories: ['digital-citizenship'],
      developmentStatus: 'stable',
      softwareType: 'standalone/web',
      supports: [{ id: 'https://www.gesetze-im-internet.de/wogg/' }],
      intendedAudience: { countries: ['DE'] },
      legal: { license: LICENSE_NOT_RECORDED, mainCopyrightOwner: 'Dataport' },
      maintenance: { type: 'internal', contacts: [{ name: 'Dataport', affiliation: 'Dataport' }] },
      localisation: { localisationReady: false, availableLanguages: ['de'] },
      dependsOn: { proprietary: [{ name: 'ePayment', version: '2.0' }] },
    });
    expect(plain.description.de.features).toEqual([
      'Nachnutzung nach „Einer für Alle“: eine Verwaltung betreibt die Leistung zentral, andere schließen sich an',
      'OZG-Reifegrad 3 (Online-Leistung) nach dem Reifegradmodell 1.1',
      'Leistungsschlüssel (LeiKa) 99107023037000',
      'Anbindung an ePayment 2.0',
      'Datenaustausch nach XWohngeld 1.2',
    ]);
    expect(plain.description.de.longDescription).toContain('im Themenfeld Bauen & Wohnen');
  });

  it("names the cited norms' own pages as supports, not a law portal's root", () => {
    const { plain } = exported(
      facts(
        {},
        {
          normUrls: [
            'https://www.gesetze-rechtsprechung.sh.juris.de/',
            'https://www.gesetze-im-internet.de/wogg/',
            'https://www.gesetze-im-internet.de/wogg/',
          ],
        },
      ),
    );
    expect(plain.supports).toEqual([{ id: 'https://www.gesetze-im-internet.de/wogg/' }]);
  });

  it('quotes versions and dates, so that no YAML 1.1 reader takes them for numbers or timestamps', () => {
    const { text } = exported(facts());
    expect(text).toContain('publiccodeYmlVersion: "0.7"');
    expect(text).toContain('softwareVersion: "2.1.0"');
    expect(text).toContain('releaseDate: "2026-10-01"');
  });

  it.each([
    [ServiceLifecycle.CONCEPT, 'concept', 'internal'],
    [ServiceLifecycle.DEVELOPMENT, 'development', 'internal'],
    [ServiceLifecycle.ACTIVE, 'stable', 'internal'],
    [ServiceLifecycle.DEPRECATED, 'obsolete', 'internal'],
    [ServiceLifecycle.RETIRED, 'obsolete', 'none'],
  ])('writes a %s service as %s, maintained %s', (lifecycle, status, maintenance) => {
    const { plain } = exported(facts({ lifecycle }));
    expect(plain.developmentStatus).toBe(status);
    expect(plain.maintenance.type).toBe(maintenance);
    expect('contacts' in plain.maintenance).toBe(maintenance === 'internal');
  });

  it.each([
    [Themenfeld.FORSCHUNG_FOERDERUNG, ['digital-citizenship', 'grant-management'], ['research']],
    [Themenfeld.STEUERN_ZOLL, ['digital-citizenship', 'taxes-management'], undefined],
    [Themenfeld.GESUNDHEIT, ['digital-citizenship'], ['healthcare']],
  ])('maps the Themenfeld %s to categories %j and scope %j', (themenfeld, categories, scope) => {
    const { plain } = exported(facts({ themenfeld }));
    expect(plain.categories).toEqual(categories);
    expect(plain.intendedAudience.scope).toEqual(scope);
  });

  it('names the Themenfelder as the console does', () => {
    const labels = readFileSync(join(__dirname, '../../web/src/ui/labels.ts'), 'utf8');
    const block = /export const THEMENFELD[^{]*\{([^}]*)\}/.exec(labels)![1];
    const console = Object.fromEntries([...block.matchAll(/(\w+): '([^']*)'/g)].map((m) => [m[1], m[2]]));
    expect(THEMENFELD_DE).toEqual(console);
  });

  it('shortens at a word, with an ellipsis, to at most the limit', () => {
    expect(shorten('Wohngeld beantragen', 50)).toBe('Wohngeld beantragen');
    expect(shorten('Wohngeld online beantragen', 20)).toBe('Wohngeld online…');
    expect(shorten('Donaudampfschifffahrtsgesellschaft', 10)).toBe('Donaudamp…');
  });
});

describe('the import', () => {
  it.each(VARIANTS)('of the export of %s changes nothing', (_what, input) => {
    const { read } = exported(input);
    expect(importPlan(read.file, read.placeOf, input.service, PUBLIC_URL)).toEqual({
      changes: [],
      skipped: [],
      problems: [],
    });
  });

  /** The export of the plain service with some of its values replaced. */
  function edited(change: (file: PubliccodeFile) => void) {
    const { read } = exported(facts());
    change(read.file);
    return importPlan(read.file, read.placeOf, SERVICE, PUBLIC_URL);
  }

  it('takes name, summary, description, licence and repository, and nothing else', () => {
    const plan = edited((file) => {
      file.name = 'Wohngeld digital';
      file.description.de.shortDescription = 'Wohngeld digital beantragen.\n';
      file.description.de.longDescription = `${'Neue Beschreibung. '.repeat(10)}\n`;
      file.legal.license = 'EUPL-1.2';
      file.url = 'https://github.com/Dataport/Wohngeld.git';
      file.developmentStatus = 'obsolete';
      file.legal.mainCopyrightOwner = 'Jemand anderes';
      (file as Record<string, unknown>).categories = ['crm'];
    });
    expect(plan.problems).toEqual([]);
    expect(plan.changes).toEqual([
      { field: 'name', key: 'name', before: 'Wohngeld beantragen', after: 'Wohngeld digital' },
      {
        field: 'summary',
        key: 'description.de.shortDescription',
        before: SERVICE.summary,
        after: 'Wohngeld digital beantragen.',
      },
      {
        field: 'description',
        key: 'description.de.longDescription',
        before: null,
        after: 'Neue Beschreibung. '.repeat(10).trim(),
      },
      { field: 'license', key: 'legal.license', before: null, after: 'EUPL-1.2' },
      { field: 'repositoryUrl', key: 'url', before: null, after: 'https://github.com/Dataport/Wohngeld.git' },
    ]);
    expect(updateOf(plan.changes)).toEqual({
      name: 'Wohngeld digital',
      summary: 'Wohngeld digital beantragen.',
      description: 'Neue Beschreibung. '.repeat(10).trim(),
      license: 'EUPL-1.2',
      repositoryUrl: 'https://github.com/Dataport/Wohngeld.git',
    });
  });

  it('leaves out what the registry cannot keep, and says why', () => {
    const plan = edited((file) => {
      file.legal.license = 'EUPL-1.2 OR AGPL-3.0-or-later';
      file.url = 'http://git.example.org/wohngeld.git';
      file.description = { en: file.description.de };
    });
    expect(plan.changes).toEqual([]);
    expect(plan.skipped.map(({ key, reason }) => [key, reason])).toEqual([
      ['description', PubliccodeSkipReason.NO_GERMAN_DESCRIPTION],
      ['legal.license', PubliccodeSkipReason.LICENSE_EXPRESSION],
      ['url', PubliccodeSkipReason.URL_NOT_HTTPS],
    ]);
  });

  it("never takes this registry's page for the repository: a file exported before the repository was linked", () => {
    const { read } = exported(facts());
    const linked = { ...SERVICE, repositoryUrl: 'https://github.com/Dataport/Wohngeld' };
    expect(importPlan(read.file, read.placeOf, linked, PUBLIC_URL).changes).toEqual([]);
  });

  it('takes a German description under de-DE where there is no de', () => {
    const plan = edited((file) => {
      file.description = { 'de-DE': { ...file.description.de, shortDescription: 'Neu.' } };
    });
    expect(plan.changes).toEqual([
      { field: 'summary', key: 'description.de-DE.shortDescription', before: SERVICE.summary, after: 'Neu.' },
    ]);
  });

  it('refuses a name longer than the registry keeps, naming its line', () => {
    const plan = edited((file) => {
      file.name = 'N'.repeat(201);
    });
    expect(plan.problems).toEqual([
      { rule: 'REGISTRY_TOO_LONG', max: 200, line: 5, column: 7, field: 'name' },
    ]);
  });
});
