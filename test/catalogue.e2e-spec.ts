import { Role } from '../src/common/auth/role';
import { registerNorm, registerOrganisation, registerService } from './support/factories';
import { errorCode, startTestApp, StatementCounter, type TestApp } from './support/test-app';

const REGISTER = `mutation($input: RegisterServiceInput!) { registerService(input: $input) {
  id slug name summary description leikaKeys ozgIds themenfeld maturityLevel sdgRelevant lifecycle reuseModel
  subscriptionApproval license repositoryUrl createdAt updatedAt owner { key }
  legalBases { norm { abbreviation jurisdiction url } provision } qaPolicy { rules { kind requiredApprovals } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) {
  name description themenfeld maturityLevel license lifecycle legalBases { norm { abbreviation } provision } } }`;
const SET_POLICY = `mutation($id: ID!, $rules: [QaGateRuleInput!]!) { setQaPolicy(serviceId: $id, rules: $rules) { qaPolicy { rules { kind requiredApprovals } } } }`;

const DATAPORT = 'dataport';
const KOMFIT = 'komfit';
const KIEL = '010020000000';

describe('service catalogue', () => {
  const sql = new StatementCounter();
  let t: TestApp;
  let operator: string;
  let maintainer: string;

  beforeAll(async () => {
    t = await startTestApp({}, { sqlLogger: sql });
    operator = await t.token({ roles: [Role.OPERATOR] });
    await registerOrganisation(t, { key: DATAPORT, kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: KOMFIT, kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY' });
    maintainer = await t.token({ roles: [Role.MAINTAINER], org: DATAPORT, sub: 'mia' });
    await registerNorm(t, 'WoGG', { title: 'Wohngeldgesetz' });
    await registerNorm(t, 'GewO', { title: 'Gewerbeordnung' });
    await registerNorm(t, 'LBO SH', {
      jurisdiction: 'DE-SH',
      title: 'Landesbauordnung für das Land Schleswig-Holstein',
    });
  });
  afterAll(() => t.close());

  describe('registering and updating', () => {
    it('registers with defaults for the maintainer’s own organisation', async () => {
      const result = await t.gql(
        REGISTER,
        {
          input: {
            slug: 'wohngeld',
            name: 'Wohngeld',
            summary: 'Mietzuschuss beantragen',
            leikaKeys: ['99107023037000', '99107023037000'],
            reuseModel: 'EFA_CENTRAL',
            license: 'EUPL-1.2',
            repositoryUrl: 'https://github.com/example/wohngeld',
            legalBases: [{ norm: 'WoGG', provision: '§22  Abs.1' }, { norm: 'WoGG' }],
          },
        },
        maintainer,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.registerService).toMatchObject({
        slug: 'wohngeld',
        leikaKeys: ['99107023037000'],
        ozgIds: [],
        themenfeld: null,
        maturityLevel: null,
        sdgRelevant: false,
        lifecycle: 'DEVELOPMENT',
        subscriptionApproval: 'MANUAL',
        owner: { key: DATAPORT },
        legalBases: [
          { norm: { abbreviation: 'WoGG', jurisdiction: 'DE', url: null }, provision: '§ 22 Abs. 1' },
          { norm: { abbreviation: 'WoGG', jurisdiction: 'DE', url: null }, provision: null },
        ],
        qaPolicy: {
          rules: [
            { kind: 'USABILITY', requiredApprovals: 1 },
            { kind: 'SECURITY', requiredApprovals: 1 },
            { kind: 'INTERFACES', requiredApprovals: 1 },
          ],
        },
      });
    });

    it.each([
      ['slug', { slug: 'Wohn Geld' }, 'input.slug'],
      ['slug length', { slug: 'a'.repeat(81) }, 'input.slug'],
      ['name', { name: ' ' }, 'input.name'],
      ['LeiKa key', { leikaKeys: ['9910702303700'] }, 'input.leikaKeys[0]'],
      ['maturity level', { maturityLevel: 5 }, 'input.maturityLevel'],
      ['license', { license: 'Apache 2' }, 'input.license'],
      ['repository URL', { repositoryUrl: 'http://github.com/x/y' }, 'input.repositoryUrl'],
      ['unknown norm', { legalBases: [{ norm: 'XYZG' }] }, 'input.legalBases[0].norm'],
      ['unknown owner', { ownerKey: 'nobody' }, 'input.ownerKey'],
    ])('refuses a bad %s with BAD_USER_INPUT naming the field', async (_label, override, field) => {
      const input = {
        slug: 'ok-slug',
        name: 'Name',
        summary: 'Summary',
        reuseModel: 'EFA_CENTRAL',
        ownerKey: DATAPORT,
        ...override,
      };
      const result = await t.gql(REGISTER, { input }, operator);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions.field).toBe(field);
      if (field === 'input.legalBases[0].norm') {
        expect(result.errors?.[0].message).toContain('XYZG');
      }
    });

    it('refuses a taken slug with CONFLICT', async () => {
      await registerService(t, { slug: 'taken', ownerKey: DATAPORT });
      expect(
        errorCode(
          await t.gql(
            REGISTER,
            { input: { slug: 'taken', name: 'N', summary: 'S', reuseModel: 'EFA_CENTRAL' } },
            maintainer,
          ),
        ),
      ).toBe('CONFLICT');
    });

    it('keeps omitted fields, clears optional ones given null, refuses null for required ones, replaces legal bases', async () => {
      const id = await registerService(t, {
        slug: 'gewerbe',
        ownerKey: DATAPORT,
        description: 'Alt',
        themenfeld: 'UNTERNEHMENSFUEHRUNG_ENTWICKLUNG',
        maturityLevel: 3,
        license: 'MIT',
        legalBases: [{ norm: 'GewO', provision: '§ 14' }],
      });
      const updated = await t.gql(
        UPDATE,
        { id, input: { description: null, maturityLevel: 4, legalBases: [{ norm: 'WoGG' }] } },
        maintainer,
      );
      expect(updated.data?.updateService).toEqual({
        name: 'Service gewerbe',
        description: null,
        themenfeld: 'UNTERNEHMENSFUEHRUNG_ENTWICKLUNG',
        maturityLevel: 4,
        license: 'MIT',
        lifecycle: 'DEVELOPMENT',
        legalBases: [{ norm: { abbreviation: 'WoGG' }, provision: null }],
      });
      for (const field of ['name', 'summary', 'lifecycle', 'leikaKeys', 'legalBases']) {
        const result = await t.gql(UPDATE, { id, input: { [field]: null } }, maintainer);
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].extensions.field).toBe(`input.${field}`);
      }
      const audit = await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { action } }`, { id }, operator);
      expect(audit.data?.auditTrail.map((e: { action: string }) => e.action)).toEqual([
        'service.register',
        'service.update',
      ]);
    });
  });

  describe('who may do what', () => {
    let dataportService: string;
    beforeAll(async () => {
      dataportService = await registerService(t, { slug: 'rights', ownerKey: DATAPORT });
    });

    const callers = [
      {
        label: 'anonymous',
        roles: null,
        code: {
          register: 'UNAUTHENTICATED',
          update: 'UNAUTHENTICATED',
          policy: 'UNAUTHENTICATED',
          norm: 'UNAUTHENTICATED',
        },
      },
      {
        label: 'OPERATOR',
        roles: [Role.OPERATOR],
        org: undefined,
        code: { register: null, update: null, policy: null, norm: null },
      },
      {
        label: "owner's MAINTAINER",
        roles: [Role.MAINTAINER],
        org: DATAPORT,
        code: { register: null, update: null, policy: 'FORBIDDEN', norm: null },
      },
      {
        label: 'other MAINTAINER',
        roles: [Role.MAINTAINER],
        org: KOMFIT,
        code: { register: 'FORBIDDEN', update: 'FORBIDDEN', policy: 'FORBIDDEN', norm: null },
      },
      {
        label: 'REVIEWER_SECURITY',
        roles: [Role.REVIEWER_SECURITY],
        org: DATAPORT,
        code: { register: 'FORBIDDEN', update: 'FORBIDDEN', policy: 'FORBIDDEN', norm: 'FORBIDDEN' },
      },
      {
        label: 'MUNICIPALITY_ADMIN',
        roles: [Role.MUNICIPALITY_ADMIN],
        org: KIEL,
        code: { register: 'FORBIDDEN', update: 'FORBIDDEN', policy: 'FORBIDDEN', norm: 'FORBIDDEN' },
      },
    ];

    it.each(callers)('as $label', async ({ label, roles, org, code }) => {
      const token = roles ? await t.token({ roles, org, sub: label }) : undefined;
      const suffix = label
        .toLowerCase()
        .replace(/[^a-z]+/g, '-')
        .replace(/^-|-$/g, '');
      const register = await t.gql(
        REGISTER,
        {
          input: {
            slug: `by-${suffix}`,
            name: 'N',
            summary: 'S',
            reuseModel: 'EFA_CENTRAL',
            ownerKey: DATAPORT,
          },
        },
        token,
      );
      expect(errorCode(register) ?? null).toBe(code.register);
      const update = await t.gql(UPDATE, { id: dataportService, input: { summary: `by ${label}` } }, token);
      expect(errorCode(update) ?? null).toBe(code.update);
      const policy = await t.gql(
        SET_POLICY,
        { id: dataportService, rules: [{ kind: 'SECURITY', requiredApprovals: 2 }] },
        token,
      );
      expect(errorCode(policy) ?? null).toBe(code.policy);
      const norm = await t.gql(
        `mutation($a: String!) { registerLegalNorm(input: { abbreviation: $a, title: "T", jurisdiction: "DE" }) { abbreviation } }`,
        { a: `N-${suffix}`.slice(0, 40) },
        token,
      );
      expect(errorCode(norm) ?? null).toBe(code.norm);
      const read = await t.gql(`{ service(slug: "rights") { slug owner { key } } }`, {}, token);
      expect(read.data?.service).toEqual({ slug: 'rights', owner: { key: DATAPORT } });
    });

    it('answers NOT_FOUND for an unknown service id, also a malformed one', async () => {
      expect(
        errorCode(await t.gql(UPDATE, { id: '00000000-0000-0000-0000-000000000000', input: {} }, operator)),
      ).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(UPDATE, { id: 'nope', input: {} }, operator))).toBe('NOT_FOUND');
      expect((await t.gql(`{ service(slug: "nope") { id } }`)).data).toEqual({ service: null });
    });
  });

  describe('QA policy', () => {
    it('is set by an OPERATOR, 1-5 approvals, at least one gate, each kind once', async () => {
      const id = await registerService(t, { slug: 'policy', ownerKey: DATAPORT });
      const set = await t.gql(
        SET_POLICY,
        {
          id,
          rules: [
            { kind: 'SECURITY', requiredApprovals: 2 },
            { kind: 'USABILITY', requiredApprovals: 1 },
          ],
        },
        operator,
      );
      expect(set.data?.setQaPolicy.qaPolicy.rules).toEqual([
        { kind: 'USABILITY', requiredApprovals: 1 },
        { kind: 'SECURITY', requiredApprovals: 2 },
      ]);
      for (const rules of [
        [],
        [{ kind: 'SECURITY', requiredApprovals: 6 }],
        [{ kind: 'SECURITY', requiredApprovals: 0 }],
        [
          { kind: 'SECURITY', requiredApprovals: 1 },
          { kind: 'SECURITY', requiredApprovals: 2 },
        ],
      ]) {
        expect(errorCode(await t.gql(SET_POLICY, { id, rules }, operator))).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('legal norms', () => {
    it('keeps abbreviations unique across jurisdictions and requires the state suffix for state laws', async () => {
      const register = (input: Record<string, string>) =>
        t.gql(
          `mutation($input: RegisterLegalNormInput!) { registerLegalNorm(input: $input) { abbreviation } }`,
          { input },
          operator,
        );
      expect(errorCode(await register({ abbreviation: 'wogg', title: 'x', jurisdiction: 'DE' }))).toBe(
        'CONFLICT',
      );
      const noSuffix = await register({
        abbreviation: 'KAG',
        title: 'Kommunalabgabengesetz',
        jurisdiction: 'DE-SH',
      });
      expect(errorCode(noSuffix)).toBe('BAD_USER_INPUT');
      expect(noSuffix.errors?.[0].extensions.field).toBe('input.abbreviation');
      expect(errorCode(await register({ abbreviation: 'KAG SH', title: 'K', jurisdiction: 'DE-XX' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        errorCode(
          await register({ abbreviation: 'KAG SH', title: 'K', jurisdiction: 'DE-SH', url: 'ftp://x' }),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        (await register({ abbreviation: 'KAG SH', title: 'Kommunalabgabengesetz', jurisdiction: 'DE-SH' }))
          .data,
      ).toEqual({ registerLegalNorm: { abbreviation: 'KAG SH' } });
    });

    it('finds norms by abbreviation or title', async () => {
      const result = await t.gql(`{ legalNorms(search: "bau") { abbreviation } }`);
      expect(result.data?.legalNorms).toEqual([{ abbreviation: 'LBO SH' }]);
      const all = await t.gql(`{ legalNorms { abbreviation } }`);
      expect(all.data?.legalNorms.map((n: { abbreviation: string }) => n.abbreviation)).toEqual(
        expect.arrayContaining(['GewO', 'LBO SH', 'WoGG']),
      );
    });
  });
});

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
  ])('filters by %j', async (filter, expected) => {
    expect(await slugs(filter)).toEqual(expected);
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
