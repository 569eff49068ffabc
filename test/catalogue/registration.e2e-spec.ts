import { Role } from '#src/common/auth/role';
import {
  DATAPORT,
  KOMFIT,
  KIEL,
  registerNorm,
  registerOrganisation,
  registerService,
  mapNamespace,
} from '../support/factories';
import { errorCode, startTestApp, StatementCounter, type TestApp } from '../support/test-app';

const REGISTER = `mutation($input: RegisterServiceInput!) { registerService(input: $input) {
  id slug name summary description leikaKeys ozgIds themenfeld maturityLevel sdgRelevant lifecycle reuseModel
  subscriptionApproval license repositoryUrl createdAt updatedAt owner { key }
  legalBases { norm { abbreviation jurisdiction url } provision } qaPolicy { rules { kind requiredApprovals } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) {
  name description themenfeld maturityLevel maturityModel license lifecycle legalBases { norm { abbreviation } provision } } }`;
const SET_POLICY = `mutation($id: ID!, $rules: [QaGateRuleInput!]!) { setQaPolicy(serviceId: $id, rules: $rules) { qaPolicy { rules { kind requiredApprovals } } } }`;

/** Registering and updating services, who may do so, QA policies and legal norms. */
describe('service catalogue: registering and maintaining services', () => {
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
    await mapNamespace(t, 'example', DATAPORT);
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
      ['maturity level in model 1.1', { maturityLevel: 5, maturityModel: 'V1_1' }, 'input.maturityLevel'],
      ['maturity level in model 2.0', { maturityLevel: 8, maturityModel: 'V2_0' }, 'input.maturityLevel'],
      ['maturity model without a level', { maturityModel: 'V2_0' }, 'input.maturityModel'],
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
        maturityModel: 'V1_1',
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

    it('keeps a Reifegrad with its model: a level without one keeps the model, or is 1.1 for an unrated service', async () => {
      const id = await registerService(t, { slug: 'reifegrad', ownerKey: DATAPORT });
      const rate = async (input: object) => {
        const result = await t.gql(UPDATE, { id, input }, maintainer);
        return result.errors ? result.errors[0] : result.data?.updateService;
      };
      // Not rated yet: a level without a model is a 1.1 rating (as older clients send it), where 6 does not exist.
      expect(await rate({ maturityLevel: 6 })).toMatchObject({
        message: 'input.maturityLevel: a Reifegrad of model 1.1 is a whole number from 0 to 4, got 6',
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_MATURITY' },
      });
      expect(await rate({ maturityLevel: 7, maturityModel: 'V2_0' })).toMatchObject({
        maturityLevel: 7,
        maturityModel: 'V2_0',
      });
      // Rated in 2.0: a new level alone stays in 2.0 (an omitted field is unchanged).
      expect(await rate({ maturityLevel: 6 })).toMatchObject({ maturityLevel: 6, maturityModel: 'V2_0' });
      expect(await rate({ name: 'Reifegrad unverändert' })).toMatchObject({
        maturityLevel: 6,
        maturityModel: 'V2_0',
      });
      expect(await rate({ maturityLevel: 3, maturityModel: 'V1_1' })).toMatchObject({
        maturityLevel: 3,
        maturityModel: 'V1_1',
      });
      expect(await rate({ maturityModel: 'V2_0' })).toMatchObject({
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'input.maturityModel',
          reason: 'MATURITY_MODEL_WITHOUT_LEVEL',
        },
      });
      // Clearing the level with a model named is contradictory: refused, nothing changed.
      expect(await rate({ maturityLevel: null, maturityModel: 'V2_0' })).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.maturityModel' },
      });
      expect(await rate({ maturityLevel: null })).toMatchObject({ maturityLevel: null, maturityModel: null });
      const [row] = await t.db.query(
        'SELECT maturity_level, maturity_model FROM online_service WHERE id = $1',
        [id],
      );
      expect(row).toEqual({ maturity_level: null, maturity_model: null });
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
