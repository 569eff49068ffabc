import { Role } from '#src/common/auth/role';
import { registerOrganisation, registerStandard } from './support/factories';
import { errorCode, startTestApp, type GqlResult, type TestApp } from './support/test-app';

const KIEL = '010020000000';
const LUEBECK = '010030000000';
const REGISTER = `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id key kind ars ags parent { key } } }`;
const SET_CAPABILITIES = `mutation($key: String!, $caps: [InterfaceCapabilityInput!]!) {
  setCapabilities(organisationKey: $key, capabilities: $caps) { key capabilities { standard { key kind } versions } } }`;
const REGISTER_STANDARD = `mutation($input: InterfaceStandardInput!) { registerInterfaceStandard(input: $input) { key name kind } }`;

type Caller = { label: string; roles: Role[]; org?: string } | { label: 'anonymous' };
const CALLERS: Caller[] = [
  { label: 'anonymous' },
  { label: 'OPERATOR', roles: [Role.OPERATOR] },
  { label: 'MAINTAINER', roles: [Role.MAINTAINER], org: 'dataport' },
  { label: 'REVIEWER_USABILITY', roles: [Role.REVIEWER_USABILITY], org: 'dataport' },
  { label: 'REVIEWER_SECURITY', roles: [Role.REVIEWER_SECURITY], org: 'dataport' },
  { label: 'REVIEWER_INTERFACES', roles: [Role.REVIEWER_INTERFACES], org: 'dataport' },
  { label: 'MUNICIPALITY_ADMIN of Kiel', roles: [Role.MUNICIPALITY_ADMIN], org: KIEL },
  { label: 'MUNICIPALITY_ADMIN of Lübeck', roles: [Role.MUNICIPALITY_ADMIN], org: LUEBECK },
];

describe('organisations and interface standards', () => {
  let t: TestApp;
  let operator: string;
  const tokenOf = (caller: Caller) =>
    'roles' in caller ? t.token({ roles: caller.roles, org: caller.org }) : Promise.resolve(undefined);

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.token({ roles: [Role.OPERATOR] });
    await registerOrganisation(t, { key: '010000000000', kind: 'STATE', name: 'Land Schleswig-Holstein' });
    await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000' });
    await registerOrganisation(t, { key: LUEBECK, kind: 'MUNICIPALITY', parentKey: '010000000000' });
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerStandard(t, 'xbau');
    await registerStandard(t, 'fit-connect', 'TRANSPORT');
  });
  afterAll(() => t.close());

  describe('who may do what', () => {
    const expected = (caller: Caller, allowedLabels: string[]) =>
      allowedLabels.includes(caller.label)
        ? null
        : caller.label === 'anonymous'
          ? 'UNAUTHENTICATED'
          : 'FORBIDDEN';

    it.each(CALLERS)('registerOrganisation as $label', async (caller) => {
      const key = `org-${caller.label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
      const result = await t.gql(
        REGISTER,
        { input: { key, name: 'X', kind: 'OTHER' } },
        await tokenOf(caller),
      );
      const code = expected(caller, ['OPERATOR']);
      const [{ count }] = await t.db.query('SELECT count(*)::int AS count FROM organisation WHERE key = $1', [
        key,
      ]);
      if (code) {
        expect(errorCode(result)).toBe(code);
        expect(count).toBe(0); // nothing written
      } else {
        expect(result.data?.registerOrganisation.key).toBe(key);
        expect(count).toBe(1);
      }
    });

    it.each(CALLERS)('registerInterfaceStandard as $label', async (caller) => {
      const key = `std-${caller.label.toLowerCase().replace(/[^a-z]+/g, '-')}`.slice(0, 40).replace(/-$/, '');
      const result = await t.gql(
        REGISTER_STANDARD,
        { input: { key, name: 'X', kind: 'OTHER' } },
        await tokenOf(caller),
      );
      const code = expected(caller, ['OPERATOR']);
      if (code) {
        expect(errorCode(result)).toBe(code);
      } else {
        expect(result.data?.registerInterfaceStandard.key).toBe(key);
      }
    });

    it.each(CALLERS)('setCapabilities of Kiel as $label', async (caller) => {
      const result = await t.gql(
        SET_CAPABILITIES,
        { key: KIEL, caps: [{ standard: 'xbau', versions: ['2.3'] }] },
        await tokenOf(caller),
      );
      const code = expected(caller, ['OPERATOR', 'MUNICIPALITY_ADMIN of Kiel']);
      if (code) {
        expect(errorCode(result)).toBe(code);
      } else {
        expect(result.data?.setCapabilities.capabilities).toEqual([
          { standard: { key: 'xbau', kind: 'XOEV_STANDARD' }, versions: ['2.3'] },
        ]);
      }
    });

    it.each(CALLERS)('reading organisations and standards as $label', async (caller) => {
      const result = await t.gql(
        `{ organisation(key: "${KIEL}") { key ags } organisations(first: 2) { totalCount } interfaceStandards { key } }`,
        {},
        await tokenOf(caller),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.organisation).toEqual({ key: KIEL, ags: '01002000' });
    });
  });

  describe('registering', () => {
    it('keys a public body by its ARS, derives the AGS and links the parent', async () => {
      await registerOrganisation(t, { key: '010580000000', kind: 'DISTRICT', parentKey: '010000000000' });
      await registerOrganisation(t, { key: '010585890', kind: 'AMT', parentKey: '010580000000' });
      const result = await t.gql(
        REGISTER,
        { input: { key: '010585890008', name: 'Ascheffel', kind: 'MUNICIPALITY', parentKey: '010585890' } },
        operator,
      );
      expect(result.data?.registerOrganisation).toMatchObject({
        key: '010585890008',
        ars: '010585890008',
        ags: '01058008',
        parent: { key: '010585890' },
      });
      const amt = await t.gql(`{ organisation(key: "010585890") { ars ags kind } }`);
      expect(amt.data?.organisation).toEqual({ ars: '010585890', ags: null, kind: 'AMT' });
    });

    it('gives a Kreis its Kreisschlüssel and no AGS (01058000 would read as a kreisfreie Stadt)', async () => {
      const result = await t.gql(
        `{ kreis: organisation(key: "010580000000") { ags kreisschluessel }
           amt: organisation(key: "010585890") { ags kreisschluessel }
           kiel: organisation(key: "${KIEL}") { ags kreisschluessel }
           land: organisation(key: "010000000000") { ags kreisschluessel } }`,
      );
      expect(result.data).toEqual({
        kreis: { ags: null, kreisschluessel: '01058' },
        amt: { ags: null, kreisschluessel: '01058' },
        kiel: { ags: '01002000', kreisschluessel: '01002' },
        land: { ags: null, kreisschluessel: null },
      });
    });

    it.each([
      [
        'an Amt whose Verband part does not start with 5',
        { key: '010580005', kind: 'AMT' },
        'AMT_VERBAND_DIGIT',
      ],
      [
        'an amtsfreie Gemeinde whose Verband part is not 0 and its number',
        { key: '010580005006', kind: 'MUNICIPALITY', parentKey: '010580000000' },
        'AMTSFREIE_GEMEINDE',
      ],
      [
        'a Kreis key as a municipality',
        { key: '010580000000', kind: 'MUNICIPALITY' },
        'KREIS_KEY_AS_MUNICIPALITY',
      ],
      [
        'a Regierungsbezirk Schleswig-Holstein does not have',
        { key: '011020000000', kind: 'MUNICIPALITY' },
        'REGIERUNGSBEZIRK',
      ],
      [
        'an amtsangehörige Gemeinde attached directly to its Kreis',
        { key: '010585890009', kind: 'MUNICIPALITY', parentKey: '010580000000' },
        'PARENT_IS_AMT',
      ],
    ])(
      'refuses %s, naming the rule in English and German, and stores nothing',
      async (_label, input, rule) => {
        const variables = { input: { name: 'Somewhere', ...input } };
        const english = await t.gql(REGISTER, variables, operator);
        expect(errorCode(english)).toBe('BAD_USER_INPUT');
        expect(english.errors?.[0].extensions).toMatchObject({
          rule,
          field: rule.startsWith('PARENT_') ? 'input.parentKey' : 'input.key',
        });
        const response = await t.app
          .getHttpAdapter()
          .getInstance()
          .inject({
            method: 'POST',
            url: '/graphql',
            headers: {
              'content-type': 'application/json',
              'accept-language': 'de',
              authorization: `Bearer ${operator}`,
            },
            payload: JSON.stringify({ query: REGISTER, variables }),
          });
        const german = response.json<GqlResult>();
        expect(german.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule });
        expect(german.errors?.[0].message).not.toBe(english.errors?.[0].message);
        const rows = await t.db.query('SELECT 1 FROM organisation WHERE key = $1 AND name = $2', [
          input.key,
          'Somewhere',
        ]);
        expect(rows).toHaveLength(0);
      },
    );

    it.each([
      ['11 digits', { key: '01002000000', kind: 'MUNICIPALITY' }, 'input.key'],
      ['letters', { key: '01002000000A', kind: 'MUNICIPALITY' }, 'input.key'],
      ['state code 17', { key: '170020000000', kind: 'MUNICIPALITY' }, 'input.key'],
      ['state code 00', { key: '000020000000', kind: 'MUNICIPALITY' }, 'input.key'],
      ['an Amt with 12 digits', { key: '010585890000', kind: 'AMT' }, 'input.key'],
      [
        'a district that is not five digits and zeros',
        { key: '010580005005', kind: 'DISTRICT' },
        'input.key',
      ],
      [
        'an ARS that differs from the key',
        { key: '010040000000', ars: '010010000000', kind: 'MUNICIPALITY' },
        'input.key',
      ],
      ['a slug with capitals', { key: 'Dataport-2', kind: 'SERVICE_PROVIDER' }, 'input.key'],
      [
        'an ARS on a service provider',
        { key: 'provider-x', ars: '010020000000', kind: 'SERVICE_PROVIDER' },
        'input.ars',
      ],
      ['an empty name', { key: 'provider-y', kind: 'SERVICE_PROVIDER', name: '  ' }, 'input.name'],
      [
        'an unknown parent',
        { key: '010040000000', kind: 'MUNICIPALITY', parentKey: '010990000000' },
        'input.parentKey',
      ],
      [
        'a parent that does not contain it',
        { key: '010510044044', kind: 'MUNICIPALITY', parentKey: '010580000000' },
        'input.parentKey',
      ],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, input, field) => {
      const result = await t.gql(REGISTER, { input: { name: 'Somewhere', ...input } }, operator);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions.field).toBe(field);
      expect(result.errors?.[0].message).toContain(field);
    });

    it('refuses a duplicate key with CONFLICT, also when two requests race', async () => {
      const input = { key: 'komfit', name: 'KomFIT', kind: 'SERVICE_PROVIDER' };
      const results = await Promise.all([
        t.gql(REGISTER, { input }, operator),
        t.gql(REGISTER, { input }, operator),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.map(errorCode).filter(Boolean)).toEqual(['CONFLICT']);
      expect(errorCode(await t.gql(REGISTER, { input }, operator))).toBe('CONFLICT');
    });

    it('refuses a duplicate interface standard with CONFLICT and a bad key with BAD_USER_INPUT', async () => {
      const dup = await t.gql(
        REGISTER_STANDARD,
        { input: { key: 'xbau', name: 'XBau', kind: 'XOEV_STANDARD' } },
        operator,
      );
      expect(errorCode(dup)).toBe('CONFLICT');
      const bad = await t.gql(
        REGISTER_STANDARD,
        { input: { key: 'X Bau', name: 'XBau', kind: 'XOEV_STANDARD' } },
        operator,
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    });
  });

  describe('capabilities', () => {
    it('replaces the whole set', async () => {
      const admin = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: LUEBECK });
      await t.gql(
        SET_CAPABILITIES,
        { key: LUEBECK, caps: [{ standard: 'xbau', versions: ['2.2', '2.3'] }] },
        admin,
      );
      const result = await t.gql(
        SET_CAPABILITIES,
        { key: LUEBECK, caps: [{ standard: 'fit-connect', versions: ['1.0'] }] },
        admin,
      );
      expect(result.data?.setCapabilities.capabilities).toEqual([
        { standard: { key: 'fit-connect', kind: 'TRANSPORT' }, versions: ['1.0'] },
      ]);
    });

    it('refuses an unknown standard, a standard listed twice and an empty version list', async () => {
      const cases = [
        [{ standard: 'xfoo', versions: ['1'] }],
        [
          { standard: 'xbau', versions: ['2.2'] },
          { standard: 'xbau', versions: ['2.3'] },
        ],
        [{ standard: 'xbau', versions: [] }],
      ];
      for (const caps of cases) {
        const result = await t.gql(SET_CAPABILITIES, { key: LUEBECK, caps }, operator);
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].extensions.field).toMatch(/^capabilities\[\d]\./);
      }
    });

    it('answers NOT_FOUND for an unknown organisation', async () => {
      expect(errorCode(await t.gql(SET_CAPABILITIES, { key: '010990000000', caps: [] }, operator))).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('reading', () => {
    it('answers null for an unknown key', async () => {
      expect((await t.gql(`{ organisation(key: "nobody") { key } }`)).data).toEqual({ organisation: null });
    });

    it('pages through organisations by key with opaque cursors and filters by kind', async () => {
      const keys: string[] = [];
      let after: string | null = null;
      for (;;) {
        const result: GqlResult = await t.gql(
          `query($after: String) { organisations(first: 3, after: $after) { totalCount edges { cursor node { key } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        const page = result.data!.organisations;
        keys.push(...page.edges.map((e: { node: { key: string } }) => e.node.key));
        if (!page.pageInfo.hasNextPage) {
          expect(keys).toHaveLength(page.totalCount);
          break;
        }
        after = page.pageInfo.endCursor;
      }
      expect(keys).toEqual([...keys].sort());
      const municipalities = await t.gql(
        `{ organisations(kind: MUNICIPALITY) { totalCount edges { node { kind } } } }`,
      );
      expect(
        municipalities.data?.organisations.edges.every(
          (e: { node: { kind: string } }) => e.node.kind === 'MUNICIPALITY',
        ),
      ).toBe(true);
    });

    it('refuses first over 100 and a cursor it did not hand out', async () => {
      expect(errorCode(await t.gql(`{ organisations(first: 101) { totalCount } }`))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(`{ organisations(first: -1) { totalCount } }`))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(`{ organisations(after: "garbage") { totalCount } }`))).toBe(
        'BAD_USER_INPUT',
      );
    });
  });
});
