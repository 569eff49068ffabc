import { Role } from '#src/common/auth/role';
import { DATAPORT, KOMFIT, registerNorm, registerOrganisation, registerService } from '../support/factories';
import { startTestApp, StatementCounter, type TestApp } from '../support/test-app';

/** Full-text search in German, filters, keyset paging, and what a page costs in SQL statements. */
describe('catalogue search, filters and paging', () => {
  const sql = new StatementCounter();
  let t: TestApp;
  let operator: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({}, { sqlLogger: sql });
    operator = await t.token({ roles: [Role.OPERATOR] });
    await registerOrganisation(t, { key: DATAPORT, kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: KOMFIT, kind: 'SERVICE_PROVIDER' });
    await registerNorm(t, 'WoGG');
    await registerNorm(t, 'BauGB');
    ids.antrag = await registerService(t, {
      slug: 'bauantrag',
      ownerKey: DATAPORT,
      name: 'Antrag auf Baugenehmigung',
      summary: 'Ein Bauvorhaben genehmigen lassen',
      themenfeld: 'BAUEN_WOHNEN',
      lifecycle: 'ACTIVE',
      leikaKeys: ['99095001001000'],
      maturityLevel: 3,
      legalBases: [{ norm: 'BauGB' }],
    });
    ids.wohngeld = await registerService(t, {
      slug: 'wohngeld',
      ownerKey: KOMFIT,
      name: 'Wohngeld',
      summary: 'Mietzuschuss für Haushalte mit geringem Einkommen',
      description: 'Der Antrag wird online gestellt und digital beschieden.',
      themenfeld: 'BAUEN_WOHNEN',
      leikaKeys: ['99107023037000'],
      maturityLevel: 4,
      legalBases: [{ norm: 'WoGG', provision: '§ 22' }],
    });
    ids.hund = await registerService(t, {
      slug: 'hundesteuer',
      ownerKey: DATAPORT,
      name: 'Hundesteuer anmelden',
      summary: 'Einen Hund zur Steuer anmelden',
      themenfeld: 'STEUERN_ZOLL',
      lifecycle: 'ACTIVE',
      leikaKeys: ['99102013104000'],
    });
  });
  afterAll(() => t.close());

  const slugs = async (filter: Record<string, unknown>) => {
    const result = await t.gql(
      `query($f: ServiceFilter) { services(filter: $f) { totalCount edges { node { slug } } } }`,
      { f: filter },
    );
    expect(result.errors).toBeUndefined();
    const found = result.data!.services.edges.map((e: { node: { slug: string } }) => e.node.slug);
    expect(result.data!.services.totalCount).toBe(found.length);
    return found;
  };

  it('ranks a name match above a description match', async () => {
    expect(await slugs({ search: 'Antrag' })).toEqual(['bauantrag', 'wohngeld']);
  });

  it('stems German words: "Anträge" finds "Antrag", "Hunde" finds "Hund"', async () => {
    expect(await slugs({ search: 'Anträge' })).toContain('bauantrag');
    expect(await slugs({ search: 'Hunde' })).toEqual(['hundesteuer']);
  });

  it('understands web search syntax: quotes, OR, -word', async () => {
    expect(await slugs({ search: '"geringem Einkommen"' })).toEqual(['wohngeld']);
    expect(await slugs({ search: 'Hund OR Mietzuschuss' })).toEqual(
      expect.arrayContaining(['hundesteuer', 'wohngeld']),
    );
    expect(await slugs({ search: 'Antrag -Baugenehmigung' })).toEqual(['wohngeld']);
    expect(await slugs({ search: 'Anmeldung OR Einkommen' })).toEqual(expect.arrayContaining(['wohngeld']));
  });

  it('orders by name without a search', async () => {
    expect(await slugs({})).toEqual(['bauantrag', 'hundesteuer', 'wohngeld']);
  });

  it.each([
    [{ themenfeld: 'BAUEN_WOHNEN' }, ['bauantrag', 'wohngeld']],
    [{ leikaKey: '99102013104000' }, ['hundesteuer']],
    [{ legalNorm: 'WoGG' }, ['wohngeld']],
    [{ ownerKey: DATAPORT }, ['bauantrag', 'hundesteuer']],
    [{ lifecycle: 'ACTIVE' }, ['bauantrag', 'hundesteuer']],
    [{ hasPublishedRelease: false }, ['bauantrag', 'hundesteuer', 'wohngeld']],
    [{ hasPublishedRelease: true }, []],
    [{ interfaceStandard: 'xbau' }, []],
    [
      { themenfeld: 'BAUEN_WOHNEN', ownerKey: DATAPORT, lifecycle: 'ACTIVE', search: 'Antrag' },
      ['bauantrag'],
    ],
    [{ themenfeld: 'STEUERN_ZOLL', legalNorm: 'WoGG' }, []],
    // Reifegrad: bauantrag 3, wohngeld 4, hundesteuer none (never matches a Reifegrad filter).
    [{ maturityLevel: 3 }, ['bauantrag']],
    [{ maturityLevel: 4 }, ['wohngeld']],
    [{ maturityLevel: 0 }, []],
    [{ minMaturityLevel: 3 }, ['bauantrag', 'wohngeld']],
    [{ minMaturityLevel: 4 }, ['wohngeld']],
    [{ minMaturityLevel: 0 }, ['bauantrag', 'wohngeld']],
    [{ minMaturityLevel: 3, maturityLevel: 4 }, ['wohngeld']],
    [{ maturityLevel: 3, ownerKey: KOMFIT }, []],
    [{ minMaturityLevel: 3, search: 'Antrag' }, ['bauantrag', 'wohngeld']],
  ])('filters by %j', async (filter, expected) => {
    expect(await slugs(filter)).toEqual(expected);
  });

  it.each([
    ['maturityLevel', 5],
    ['maturityLevel', -1],
    ['minMaturityLevel', 7],
  ])(
    'refuses a Reifegrad filter %s: %d outside 0 to 4 (model 1.1) as BAD_USER_INPUT naming it',
    async (field, level) => {
      const result = await t.gql(`query($f: ServiceFilter) { services(filter: $f) { totalCount } }`, {
        f: { [field]: level },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: `filter.${field}`,
      });
      expect(result.errors?.[0]?.message).toContain('model 1.1 is a whole number from 0 to 4');
    },
  );

  it('compares a Reifegrad within its model only: a 2.0 rating is not a 1.1 one', async () => {
    const maintainer = await t.token({ roles: [Role.MAINTAINER], org: DATAPORT });
    const rate = (input: object) =>
      t.gql(
        `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { maturityLevel maturityModel } }`,
        { id: ids.hund, input },
        maintainer,
      );
    expect((await rate({ maturityLevel: 6, maturityModel: 'V2_0' })).data?.updateService).toEqual({
      maturityLevel: 6,
      maturityModel: 'V2_0',
    });
    try {
      expect(await slugs({ maturityModel: 'V2_0' })).toEqual(['hundesteuer']);
      expect(await slugs({ maturityModel: 'V2_0', minMaturityLevel: 5 })).toEqual(['hundesteuer']);
      expect(await slugs({ maturityModel: 'V2_0', maturityLevel: 7 })).toEqual([]);
      expect(await slugs({ maturityModel: 'V1_1' })).toEqual(['bauantrag', 'wohngeld']);
      expect(await slugs({ minMaturityLevel: 0 })).toEqual(['bauantrag', 'wohngeld']); // 1.1 when no model
      const tooHigh = await t.gql(
        `{ services(filter: { maturityModel: V2_0, maturityLevel: 8 }) { totalCount } }`,
      );
      expect(tooHigh.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.maturityLevel',
      });
      expect(tooHigh.errors?.[0]?.message).toContain('model 2.0 is a whole number from 0 to 7, got 8');
    } finally {
      expect((await rate({ maturityLevel: null })).data?.updateService).toEqual({
        maturityLevel: null,
        maturityModel: null,
      });
    }
  });

  it('refuses a Reifegrad filter that is not a whole number (GraphQL Int)', async () => {
    const result = await t.gql(`{ services(filter: { maturityLevel: 2.5 }) { totalCount } }`);
    expect(result.errors?.[0]?.extensions.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(result.data).toBeNull();
  });

  it('pages with keyset cursors: inserts while paging neither skip nor repeat a row', async () => {
    for (let i = 0; i < 4; i++) {
      await registerService(t, { slug: `mmm-${i}`, ownerKey: DATAPORT, name: `MMM ${i}` });
    }
    const seen: string[] = [];
    const insertedAhead: string[] = [];
    let after: string | null = null;
    for (let round = 0; ; round++) {
      const result: any = await t.gql(
        `query($after: String) { services(first: 2, after: $after) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const page = result.data.services;
      seen.push(...page.edges.map((e: { node: { slug: string } }) => e.node.slug));
      if (!page.pageInfo.hasNextPage) {
        break;
      }
      after = page.pageInfo.endCursor;
      // Rows inserted behind the cursor ("AAA") and ahead of it ("ZZZ") while paging.
      await Promise.all([
        registerService(t, { slug: `aaa-${round}`, ownerKey: DATAPORT, name: `AAA ${round}` }),
        registerService(t, { slug: `zzz-${round}`, ownerKey: DATAPORT, name: `ZZZ ${round}` }),
      ]);
      insertedAhead.push(`zzz-${round}`);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(
      expect.arrayContaining(['bauantrag', 'hundesteuer', 'wohngeld', 'mmm-0', 'mmm-3', ...insertedAhead]),
    );
    expect(insertedAhead.length).toBeGreaterThanOrEqual(3);
    expect(seen.some((slug) => slug.startsWith('aaa-'))).toBe(false);
  });

  it('pages through ranked search results', async () => {
    const first = await t.gql(
      `{ services(filter: { search: "Antrag" }, first: 1) { edges { node { slug } } pageInfo { endCursor hasNextPage } } }`,
    );
    expect(first.data?.services.edges).toEqual([{ node: { slug: 'bauantrag' } }]);
    const next = await t.gql(
      `query($a: String) { services(filter: { search: "Antrag" }, first: 1, after: $a) { edges { node { slug } } pageInfo { hasNextPage } } }`,
      {
        a: first.data?.services.pageInfo.endCursor,
      },
    );
    expect(next.data?.services).toEqual({
      edges: [{ node: { slug: 'wohngeld' } }],
      pageInfo: { hasNextPage: false },
    });
  });

  it('costs the same number of SQL statements for 5 and for 50 services', async () => {
    for (let i = 0; i < 50; i++) {
      await registerService(t, {
        slug: `bulk-${i}`,
        ownerKey: i % 2 ? DATAPORT : KOMFIT,
        legalBases: [{ norm: 'WoGG' }, { norm: 'BauGB', provision: `§ ${i}` }],
      });
    }
    const page = (n: number) =>
      `{ services(first: ${n}) { totalCount edges { node { slug owner { key name } legalBases { provision norm { abbreviation title } } qaPolicy { rules { kind } } latestRelease { version } subscriptionCount fleet { active notReported } } } } }`;
    const cost = async (n: number) => {
      sql.count = 0;
      const result = await t.gql(page(n), {}, operator);
      expect(result.data?.services.edges).toHaveLength(n);
      return sql.count;
    };
    const five = await cost(5);
    const fifty = await cost(50);
    expect(fifty).toBe(five);
    // The count, the page with its owners and legal bases as one planned statement, the latest
    // releases, the subscription counts and the fleets.
    expect(five).toBe(5);
    // Without totalCount, and with the relations behind a fragment, it still holds together.
    sql.count = 0;
    const viaFragment = await t.gql(
      `fragment Row on OnlineService { slug owner { key } legalBases { norm { abbreviation } } }
       { services(first: 50) { edges { node { ...Row } } } }`,
    );
    expect(viaFragment.data?.services.edges).toHaveLength(50);
    expect(viaFragment.data?.services.edges[0].node.owner.key).toMatch(/dataport|komfit/);
    expect(sql.count).toBe(1);
    // The prefetched relations equal what the DataLoaders load for a single service.
    const row = viaFragment.data?.services.edges.find((e: any) => e.node.slug.startsWith('bulk-')).node;
    const single = await t.gql(
      `query($slug: String!) { service(slug: $slug) { slug owner { key } legalBases { norm { abbreviation } } } }`,
      {
        slug: row.slug,
      },
    );
    expect(row).toEqual(single.data?.service);
    expect(row.legalBases).toEqual([{ norm: { abbreviation: 'WoGG' } }, { norm: { abbreviation: 'BauGB' } }]);
  });
});
