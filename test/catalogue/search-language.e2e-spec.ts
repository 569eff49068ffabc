import { Role } from '#src/common/auth/role';
import { DATAPORT, registerOrganisation, registerService } from '../support/factories';
import { startTestApp, StatementCounter, type TestApp } from '../support/test-app';

/**
 * What people type (docs/search.md): compounds, typos, prefixes, umlaut transliterations, several
 * words of which not all match, and suggestions while typing. A small catalogue of its own, so
 * that each expectation names the rule it tests.
 */
describe('search: compounds, typos, prefixes, transliterations, ranking, suggestions', () => {
  const sql = new StatementCounter();
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({}, { sqlLogger: sql });
    await registerOrganisation(t, { key: DATAPORT, kind: 'SERVICE_PROVIDER' });
    const services: [string, string, string, string[]?, string?][] = [
      [
        'umtausch',
        'Führerschein umtauschen',
        'Den alten Papierführerschein gegen einen Kartenführerschein tauschen',
      ],
      [
        'fahrerlaubnis',
        'Fahrerlaubnis erstmals beantragen',
        'Die erste Fahrerlaubnis',
        ['Führerschein', 'Pkw-Führerschein'],
      ],
      ['wohngeld', 'Wohngeld beantragen', 'Mietzuschuss für Haushalte mit geringem Einkommen'],
      ['gewerbe', 'Gewerbe anmelden', 'Ein Gewerbe beim Gewerbeamt anzeigen', ['Gewerbeschein']],
      ['bafoeg', 'BAföG beantragen', 'Förderung für Schüler und Studierende'],
      ['bau', 'Baugenehmigung beantragen', 'Ein Bauvorhaben genehmigen lassen'],
      ['einbuergerung', 'Einbürgerung beantragen', 'Die deutsche Staatsangehörigkeit erwerben'],
      ['hund', 'Hundesteuer anmelden', 'Einen Hund zur Steuer anmelden'],
      // "Steuer" inside a compound of the description only: the endings of compounds are looked
      // for in names and keywords, not in the running text.
      [
        'grundbesitz',
        'Grundbesitz melden',
        'Eigentum an einem Grundstück melden',
        [],
        'Mit dem Grundsteuerbescheid.',
      ],
      // "Stein" is one letter from the stopword "sein", "Dienst" begins with the stopword "die".
      ['denkmal', 'Denkmal melden', 'Einen alten Stein oder einen Dienst am Denkmal melden'],
    ];
    for (const [slug, name, summary, keywords, description] of services) {
      ids[slug] = await registerService(t, {
        slug,
        ownerKey: DATAPORT,
        name,
        summary,
        keywords,
        description,
      });
    }
  });
  afterAll(() => t.close());

  const search = async (text: string, first = 100) => {
    const result = await t.gql(
      `query($s: String, $n: Int) { services(first: $n, filter: { search: $s }) { totalCount edges { node { slug } } } }`,
      { s: text, n: first },
    );
    expect(result.errors).toBeUndefined();
    const slugs: string[] = result.data!.services.edges.map((e: { node: { slug: string } }) => e.node.slug);
    return { slugs, total: result.data!.services.totalCount as number };
  };
  const first = async (text: string) => (await search(text)).slugs[0];

  it.each([
    ['Gewerbeanmeldung', 'gewerbe'],
    ['Wohngeldantrag', 'wohngeld'],
    ['Einbürgerungsantrag', 'einbuergerung'],
    ['Hundeanmeldung', 'hund'],
  ])('splits the compound "%s" into words of the catalogue: %s first', async (text, slug) => {
    expect(await first(text)).toBe(slug);
  });

  it('finds a compound of a name by its part, but not a compound of running text', async () => {
    const { slugs } = await search('Steuer');
    expect(slugs).toContain('hund');
    expect(slugs).not.toContain('grundbesitz');
  });

  it.each([
    ['Baugenehmigumg', 'bau'],
    ['Wohngled', 'wohngeld'],
    ['Einbürgerunng', 'einbuergerung'],
  ])('corrects the typo "%s": %s first', async (text, slug) => {
    expect(await first(text)).toBe(slug);
  });

  it('corrects only words the catalogue does not know', async () => {
    // "Hund" is known: it does not also become "und" or "Bund".
    expect((await search('Hund')).slugs).toEqual(['hund']);
  });

  it('leaves stopwords alone: no corrections or completions for "sein", "die", "für"', async () => {
    expect((await search('sein')).slugs).toEqual([]);
    expect((await search('die')).slugs).toEqual([]);
    expect((await search('Stein')).slugs).toEqual(['denkmal']);
    expect(await first('Wohngeld für')).toBe('wohngeld');
  });

  it.each([
    ['Fuehrerschein', ['fahrerlaubnis', 'umtausch']],
    ['Bafoeg', ['bafoeg']],
    ['Einbuergerung', ['einbuergerung']],
  ])('reads the transliteration "%s" as the umlaut form', async (text, slugs) => {
    expect((await search(text)).slugs.sort()).toEqual([...slugs].sort());
  });

  it('reads the last word typed as a prefix', async () => {
    expect((await search('Führersch')).slugs.sort()).toEqual(['fahrerlaubnis', 'umtausch']);
    expect(await first('Wohng')).toBe('wohngeld');
    expect(await first('Baugen')).toBe('bau');
  });

  it('ranks services matching all words first, then by how rare the words they match are', async () => {
    const { slugs, total } = await search('Führerschein beantragen');
    // Both words, then the rarer one (Führerschein), then every other "beantragen".
    expect(slugs.slice(0, 2)).toEqual(['fahrerlaubnis', 'umtausch']);
    expect(slugs.slice(2).sort()).toEqual(['bafoeg', 'bau', 'einbuergerung', 'wohngeld']);
    expect(total).toBe(6);
  });

  it('pages through a ranked search of several words without skipping or repeating a service', async () => {
    const all = (await search('Führerschein beantragen anmelden')).slugs;
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const result: any = await t.gql(
        `query($a: String) { services(first: 2, after: $a, filter: { search: "Führerschein beantragen anmelden" }) {
           edges { node { slug } } pageInfo { hasNextPage endCursor } } }`,
        { a: after },
      );
      paged.push(...result.data.services.edges.map((e: { node: { slug: string } }) => e.node.slug));
      after = result.data.services.pageInfo.hasNextPage ? result.data.services.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(all);
    expect(all).toHaveLength(8);
  });

  it('excludes exact forms after a minus, and keeps quotes as phrases', async () => {
    expect((await search('Führerschein -umtauschen')).slugs).toEqual(['fahrerlaubnis']);
    expect((await search('"geringem Einkommen"')).slugs).toEqual(['wohngeld']);
    expect((await search('"Einkommen geringem"')).slugs).toEqual([]);
  });

  it('learns the words of new and renamed services at once', async () => {
    const operator = await t.token({ roles: [Role.OPERATOR] });
    const id = await registerService(t, {
      slug: 'sondernutzung',
      ownerKey: DATAPORT,
      name: 'Sondernutzungserlaubnis beantragen',
    });
    expect(await first('Sondernutzungserlaubniss')).toBe('sondernutzung');
    const renamed = await t.gql(
      `mutation($id: ID!) { updateService(id: $id, input: { name: "Straßenfest anmelden" }) { name } }`,
      { id },
      operator,
    );
    expect(renamed.errors).toBeUndefined();
    expect(await first('Strassenfest')).toBe('sondernutzung');
    expect(await suggest('strassenf')).toEqual([
      { slug: 'sondernutzung', name: 'Straßenfest anmelden', matchedKeyword: null },
    ]);
    expect(await suggest('sondernutz')).toEqual([]);
  });

  it('costs one statement more than a page without search, whatever the number of words', async () => {
    const cost = async (text: string | null) => {
      sql.count = 0;
      const result = await t.gql(
        `query($s: String) { services(first: 20, filter: { search: $s }) { totalCount edges { node { slug } } } }`,
        { s: text },
      );
      expect(result.errors).toBeUndefined();
      return sql.count;
    };
    const plain = await cost(null);
    expect(await cost('Wohngeld')).toBe(plain + 1);
    expect(await cost('Führerschein beantragen Wohngeldantrag Hunde -umtauschen "geringem Einkommen"')).toBe(
      plain + 1,
    );
  });

  it('refuses a search longer than 500 characters as BAD_USER_INPUT', async () => {
    const result = await t.gql(`query($s: String) { services(filter: { search: $s }) { totalCount } }`, {
      s: 'Wohngeld '.repeat(60),
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });

  const suggest = async (prefix: string, count?: number) => {
    const result = await t.gql(
      `query($p: String!, $n: Int) { serviceSuggestions(prefix: $p, first: $n) { slug name matchedKeyword } }`,
      { p: prefix, n: count ?? 8 },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.serviceSuggestions as { slug: string; name: string; matchedKeyword: string | null }[];
  };

  describe('serviceSuggestions', () => {
    it('suggests names first, then keywords, and says which keyword matched', async () => {
      expect(await suggest('Führersch')).toEqual([
        { slug: 'umtausch', name: 'Führerschein umtauschen', matchedKeyword: null },
        { slug: 'fahrerlaubnis', name: 'Fahrerlaubnis erstmals beantragen', matchedKeyword: 'Führerschein' },
      ]);
      expect(await suggest('fuehrersch')).toEqual(await suggest('Führersch'));
    });

    it('finds a prefix at any word of a name, several words typed, and stops at `first`', async () => {
      expect((await suggest('umt')).map((s) => s.slug)).toEqual(['umtausch']);
      expect((await suggest('Führerschein umt')).map((s) => s.slug)).toEqual(['umtausch']);
      expect((await suggest('Führerschein ')).map((s) => s.slug)).toEqual(['umtausch']);
      expect(await suggest('beantr', 2)).toHaveLength(2);
      expect(await suggest('zz')).toEqual([]);
    });

    it.each([
      ['a', 8, 'prefix'],
      ['  -', 8, 'prefix'],
      ['x'.repeat(101), 8, 'prefix'],
      ['Wo', 0, 'first'],
      ['Wo', 21, 'first'],
    ])('refuses prefix %j with first %d as BAD_USER_INPUT on %s', async (prefix, count, field) => {
      const result = await t.gql(
        `query($p: String!, $n: Int) { serviceSuggestions(prefix: $p, first: $n) { slug } }`,
        { p: prefix, n: count },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('costs one statement', async () => {
      sql.count = 0;
      await suggest('Wohn');
      expect(sql.count).toBe(1);
    });
  });
});
