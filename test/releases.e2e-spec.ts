import { Role } from '../src/common/auth/role';
import { registerOrganisation, registerService, registerStandard } from './support/factories';
import { errorCode, startTestApp, type TestApp } from './support/test-app';

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;
const RELEASE_FIELDS = `id version state notes artifactDigest publishedAt createdBy { id name organisation { key } }
  gates { kind status requiredApprovals approvals blockedReason signOffs { reviewer { id } verdict comment outdated artifactDigest } waiver { reason ticket expiresAt expired grantedBy { id } } }
  impact { bump breaking semverConsistent affectedSubscriptions { id } added { standard { key } version direction } removed { standard { key } version direction } baseline { version } }
  deprecation { reason by { id } } withdrawal { reason by { id } }`;
const CREATE = `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { ${RELEASE_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitRelease(id: $id) { ${RELEASE_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishRelease(id: $id) { ${RELEASE_FIELDS} } }`;
const SIGN = `mutation($input: SignOffInput!) { signOff(input: $input) { kind status approvals blockedReason release { state } } }`;
const WAIVE = `mutation($input: WaiveGateInput!) { waiveGate(input: $input) { kind status blockedReason waiver { expired } } }`;
const GET = `query($id: ID!) { release(id: $id) { ${RELEASE_FIELDS} } }`;

describe('releases and QA gates', () => {
  let t: TestApp;
  let serviceId: string;
  let maintainer: string;
  let otherMaintainer: string;
  let operator: string;
  const reviewer: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: '010020000000', kind: 'MUNICIPALITY' });
    await registerStandard(t, 'xbau');
    await registerStandard(t, 'fit-connect', 'TRANSPORT');
    serviceId = await registerService(t, { slug: 'bauantrag', ownerKey: 'dataport' });
    maintainer = await t.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia', name: 'Mia' });
    otherMaintainer = await t.token({ roles: [Role.MAINTAINER], org: 'komfit', sub: 'max', name: 'Max' });
    operator = await t.token({ roles: [Role.OPERATOR], sub: 'olaf', name: 'Olaf' });
    reviewer.USABILITY = await t.token({
      roles: [Role.REVIEWER_USABILITY],
      org: 'komfit',
      sub: 'uwe',
      name: 'Uwe',
    });
    reviewer.SECURITY = await t.token({
      roles: [Role.REVIEWER_SECURITY],
      org: 'komfit',
      sub: 'sina',
      name: 'Sina',
    });
    reviewer.INTERFACES = await t.token({
      roles: [Role.REVIEWER_INTERFACES],
      org: 'komfit',
      sub: 'ingo',
      name: 'Ingo',
    });
  });
  afterAll(() => t.close());

  const create = async (version: string, extra: Record<string, unknown> = {}, token = maintainer) => {
    const result = await t.gql(
      CREATE,
      { input: { serviceId, version, artifactDigest: DIGEST_A, ...extra } },
      token,
    );
    if (result.errors) {
      throw new Error(JSON.stringify(result.errors));
    }
    return result.data!.createRelease.id as string;
  };
  const sign = (id: string, kind: string, verdict = 'APPROVE', token = reviewer[kind], comment?: string) =>
    t.gql(SIGN, { input: { releaseId: id, kind, verdict, comment } }, token);
  const approveAll = async (id: string) => {
    for (const kind of ['USABILITY', 'SECURITY', 'INTERFACES']) {
      expect((await sign(id, kind)).errors).toBeUndefined();
    }
  };
  const release = async (id: string, token = operator) => (await t.gql(GET, { id }, token)).data?.release;

  it('takes a release from draft to published: maintainer, three reviewers, gates from the policy', async () => {
    const id = await create('1.0.0', {
      notes: 'Erste Version',
      interfaces: [{ standard: 'xbau', version: '2.2', direction: 'CONSUMES' }],
    });
    const draft = await release(id);
    expect(draft).toMatchObject({
      state: 'DRAFT',
      gates: [],
      createdBy: { id: 'mia', name: 'Mia', organisation: { key: 'dataport' } },
    });

    const submitted = (await t.gql(SUBMIT, { id }, maintainer)).data?.submitRelease;
    expect(submitted.state).toBe('IN_REVIEW');
    expect(submitted.gates.map((g: any) => [g.kind, g.status, g.blockedReason])).toEqual([
      ['USABILITY', 'PENDING', 'needs 1 more USABILITY approval'],
      ['SECURITY', 'PENDING', 'needs 1 more SECURITY approval'],
      ['INTERFACES', 'PENDING', 'needs 1 more INTERFACES approval'],
    ]);
    expect(errorCode(await t.gql(PUBLISH, { id }, maintainer))).toBe('CONFLICT');

    expect((await sign(id, 'USABILITY')).data?.signOff).toMatchObject({
      status: 'PASSED',
      approvals: 1,
      release: { state: 'IN_REVIEW' },
    });
    await sign(id, 'SECURITY');
    expect((await sign(id, 'INTERFACES')).data?.signOff.release.state).toBe('APPROVED');

    const published = (await t.gql(PUBLISH, { id }, maintainer)).data?.publishRelease;
    expect(published).toMatchObject({
      state: 'PUBLISHED',
      publishedAt: '2026-11-28T10:00:00.000Z',
      impact: { bump: 'INITIAL', baseline: null },
    });
    const audit = await t.gql(
      `query($id: ID!) { auditTrail(entityId: $id) { action actor } }`,
      { id },
      operator,
    );
    expect(audit.data?.auditTrail.map((e: any) => e.action)).toEqual([
      'release.create',
      'release.submit',
      'release.signOff',
      'release.signOff',
      'release.signOff',
      'release.approve',
      'release.publish',
    ]);
    const latest = await t.gql(`{ service(slug: "bauantrag") { latestRelease { version } } }`);
    expect(latest.data?.service.latestRelease).toEqual({ version: '1.0.0' });
  });

  it('refuses the creator’s own sign-off, the wrong reviewer kind, operators and maintainers', async () => {
    const id = await create('1.0.1');
    await t.gql(SUBMIT, { id }, maintainer);
    const selfReviewer = await t.token({
      roles: [Role.MAINTAINER, Role.REVIEWER_SECURITY],
      org: 'dataport',
      sub: 'mia',
    });
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE', selfReviewer))).toBe('FORBIDDEN');
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE', reviewer.USABILITY))).toBe('FORBIDDEN');
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE', operator))).toBe('FORBIDDEN');
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE', maintainer))).toBe('FORBIDDEN');
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE'))).toBeUndefined();
  });

  it('lets a late REJECT turn APPROVED into REJECTED and a replacing APPROVE bring it back', async () => {
    const id = await create('1.0.2', {
      interfaces: [{ standard: 'xbau', version: '2.2', direction: 'CONSUMES' }],
    });
    await t.gql(SUBMIT, { id }, maintainer);
    await approveAll(id);
    expect((await release(id)).state).toBe('APPROVED');
    const rejected = await sign(id, 'SECURITY', 'REJECT', reviewer.SECURITY, 'XSS im Formular');
    expect(rejected.data?.signOff).toMatchObject({
      status: 'FAILED',
      blockedReason: 'rejected by Sina: XSS im Formular',
      release: { state: 'REJECTED' },
    });
    expect(errorCode(await t.gql(PUBLISH, { id }, maintainer))).toBe('CONFLICT');
    const back = await sign(id, 'SECURITY', 'APPROVE');
    expect(back.data?.signOff).toMatchObject({
      status: 'PASSED',
      approvals: 1,
      release: { state: 'APPROVED' },
    });
    const gate = (await release(id)).gates.find((g: any) => g.kind === 'SECURITY');
    expect(gate.signOffs).toEqual([
      expect.objectContaining({ reviewer: { id: 'sina' }, verdict: 'APPROVE' }),
    ]); // one current sign-off per reviewer
  });

  it('outdates sign-offs on a new artifact, keeps waivers, and sends the release back to review', async () => {
    const id = await create('1.0.3');
    await t.gql(SUBMIT, { id }, maintainer);
    await sign(id, 'USABILITY');
    await sign(id, 'SECURITY');
    await t.gql(
      WAIVE,
      {
        input: {
          releaseId: id,
          kind: 'INTERFACES',
          reason: 'Schnittstelle unverändert',
          ticket: 'OPS-17',
          expiresAt: '2027-01-31T00:00:00Z',
        },
      },
      operator,
    );
    expect((await release(id)).state).toBe('APPROVED');
    const updated = await t.gql(
      `mutation($id: ID!, $d: String!) { updateReleaseArtifact(id: $id, artifactDigest: $d) { state artifactDigest } }`,
      { id, d: DIGEST_B },
      maintainer,
    );
    expect(updated.data?.updateReleaseArtifact).toEqual({ state: 'IN_REVIEW', artifactDigest: DIGEST_B });
    const after = await release(id);
    expect(after.gates.map((g: any) => [g.kind, g.status, g.approvals])).toEqual([
      ['USABILITY', 'PENDING', 0],
      ['SECURITY', 'PENDING', 0],
      ['INTERFACES', 'WAIVED', 0],
    ]);
    expect(after.gates[0].signOffs).toEqual([
      expect.objectContaining({ outdated: true, artifactDigest: DIGEST_A }),
    ]);
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { updateReleaseArtifact(id: $id, artifactDigest: "sha256:XYZ") { id } }`,
          { id },
          maintainer,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('lets a waiver expire with the clock: the gate shows its own status and publishing is refused', async () => {
    const id = await create('1.0.4');
    await t.gql(SUBMIT, { id }, maintainer);
    await sign(id, 'USABILITY');
    await sign(id, 'INTERFACES');
    const waived = await t.gql(
      WAIVE,
      {
        input: {
          releaseId: id,
          kind: 'SECURITY',
          reason: 'Pentest folgt',
          ticket: 'SEC-1',
          expiresAt: '2026-12-01T00:00:00Z',
        },
      },
      operator,
    );
    expect(waived.data?.waiveGate).toEqual({
      kind: 'SECURITY',
      status: 'WAIVED',
      blockedReason: null,
      waiver: { expired: false },
    });
    t.clock.set('2026-12-02T08:00:00Z');
    try {
      const gate = (await release(id)).gates.find((g: any) => g.kind === 'SECURITY');
      expect(gate).toMatchObject({
        status: 'PENDING',
        waiver: { expired: true },
        blockedReason: 'needs 1 more SECURITY approval; waiver expired on 2026-12-01',
      });
      const refused = await t.gql(PUBLISH, { id }, maintainer);
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0].message).toContain('expired on 2026-12-01');
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
  });

  it('checks waivers: OPERATOR only, reason, ticket, expiry in the future and at most 366 days ahead', async () => {
    const id = await create('1.0.5');
    await t.gql(SUBMIT, { id }, maintainer);
    const input = {
      releaseId: id,
      kind: 'SECURITY',
      reason: 'r',
      ticket: 't',
      expiresAt: '2027-01-01T00:00:00Z',
    };
    expect(errorCode(await t.gql(WAIVE, { input }, maintainer))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(WAIVE, { input }, reviewer.SECURITY))).toBe('FORBIDDEN');
    expect(
      errorCode(await t.gql(WAIVE, { input: { ...input, expiresAt: '2026-11-27T00:00:00Z' } }, operator)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await t.gql(WAIVE, { input: { ...input, expiresAt: '2027-12-31T00:00:00Z' } }, operator)),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(WAIVE, { input: { ...input, ticket: ' ' } }, operator))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await t.gql(WAIVE, { input }, operator)).data?.waiveGate.status).toBe('WAIVED');
  });

  it('holds a breaking MINOR release at the INTERFACES gate until waived', async () => {
    // 1.0.0 (published above) consumes xbau 2.2.
    const id = await create('1.1.0', {
      interfaces: [{ standard: 'xbau', version: '2.3', direction: 'CONSUMES' }],
    });
    await t.gql(SUBMIT, { id }, maintainer);
    await approveAll(id);
    const r = await release(id);
    expect(r.impact).toMatchObject({
      bump: 'MINOR',
      breaking: true,
      semverConsistent: false,
      baseline: { version: '1.0.0' },
    });
    expect(r.impact.removed).toEqual([{ standard: { key: 'xbau' }, version: '2.2', direction: 'CONSUMES' }]);
    const gate = r.gates.find((g: any) => g.kind === 'INTERFACES');
    expect(gate).toMatchObject({
      status: 'PENDING',
      approvals: 1,
      blockedReason: 'removes xbau 2.2 without a major version',
    });
    expect(r.state).toBe('IN_REVIEW');
    await t.gql(
      WAIVE,
      {
        input: {
          releaseId: id,
          kind: 'INTERFACES',
          reason: 'Alle Abnehmer haben 2.3',
          ticket: 'IF-9',
          expiresAt: '2026-12-31T00:00:00Z',
        },
      },
      operator,
    );
    expect((await t.gql(PUBLISH, { id }, maintainer)).data?.publishRelease.state).toBe('PUBLISHED');
  });

  it('refuses to publish an inconsistent release when the policy has no INTERFACES gate', async () => {
    const other = await registerService(t, { slug: 'no-interfaces-gate', ownerKey: 'dataport' });
    await t.gql(
      `mutation($id: ID!) { setQaPolicy(serviceId: $id, rules: [{ kind: SECURITY, requiredApprovals: 1 }]) { id } }`,
      { id: other },
      operator,
    );
    const make = async (version: string, extra = {}) => {
      const result = await t.gql(
        CREATE,
        { input: { serviceId: other, version, artifactDigest: DIGEST_A, ...extra } },
        maintainer,
      );
      const id = result.data!.createRelease.id;
      await t.gql(SUBMIT, { id }, maintainer);
      await sign(id, 'SECURITY');
      return id;
    };
    expect((await t.gql(PUBLISH, { id: await make('1.0.0') }, maintainer)).data?.publishRelease.state).toBe(
      'PUBLISHED',
    );
    const breaking = await make('1.0.1', { changes: [{ type: 'BREAKING', description: 'Neue Felder' }] });
    const refused = await t.gql(PUBLISH, { id: breaking }, maintainer);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('has a BREAKING change without a major version');
  });

  it('never moves latest backwards, skips pre-releases and deprecated ones', async () => {
    const svc = await registerService(t, { slug: 'latest', ownerKey: 'dataport' });
    const publishOn = async (version: string) => {
      const id = (
        await t.gql(CREATE, { input: { serviceId: svc, version, artifactDigest: DIGEST_A } }, maintainer)
      ).data!.createRelease.id;
      await t.gql(SUBMIT, { id }, maintainer);
      await approveAll(id);
      expect((await t.gql(PUBLISH, { id }, maintainer)).errors).toBeUndefined();
      return id;
    };
    const latest = async () =>
      (await t.gql(`{ service(slug: "latest") { latestRelease { version } } }`)).data?.service.latestRelease
        ?.version;
    await publishOn('2.0.0');
    const lower = await publishOn('1.4.2');
    expect(await latest()).toBe('2.0.0');
    expect((await release(lower)).impact).toMatchObject({ bump: 'INITIAL', baseline: null });
    const rc = await publishOn('3.0.0-rc.1');
    expect(await latest()).toBe('2.0.0');
    expect((await release(rc)).impact).toMatchObject({ bump: 'PRERELEASE', baseline: { version: '2.0.0' } });
    const two = (
      await t.gql(`{ service(slug: "latest") { releases { edges { node { id version } } } } }`)
    ).data?.service.releases.edges.find((e: any) => e.node.version === '2.0.0').node.id;
    const deprecated = await t.gql(
      `mutation($id: ID!) { deprecateRelease(id: $id, reason: "Sicherheitslücke") { deprecation { reason by { id } } } }`,
      { id: two },
      maintainer,
    );
    expect(deprecated.data?.deprecateRelease.deprecation).toEqual({
      reason: 'Sicherheitslücke',
      by: { id: 'mia' },
    });
    expect(await latest()).toBe('1.4.2');
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { deprecateRelease(id: $id, reason: "again") { id } }`,
          { id: two },
          maintainer,
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('keeps versions unique and never reusable, and names the state on illegal transitions', async () => {
    const id = await create('0.9.0');
    const withdrawn = await t.gql(
      `mutation($id: ID!) { withdrawRelease(id: $id, reason: "Falscher Build") { state withdrawal { reason by { id } } } }`,
      { id },
      maintainer,
    );
    expect(withdrawn.data?.withdrawRelease).toEqual({
      state: 'WITHDRAWN',
      withdrawal: { reason: 'Falscher Build', by: { id: 'mia' } },
    });
    const again = await t.gql(
      CREATE,
      { input: { serviceId, version: '0.9.0', artifactDigest: DIGEST_A } },
      maintainer,
    );
    expect(errorCode(again)).toBe('CONFLICT');
    const submit = await t.gql(SUBMIT, { id }, maintainer);
    expect(errorCode(submit)).toBe('CONFLICT');
    expect(submit.errors?.[0].message).toContain('WITHDRAWN');
    expect(submit.errors?.[0].extensions.state).toBe('WITHDRAWN');
  });

  it('validates input with BAD_USER_INPUT naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ version: '1.0' }, ''],
      [{ artifactDigest: 'sha256:ABC' }, 'input.artifactDigest'],
      [{ artifactUrl: 'http://example.org/a.zip' }, 'input.artifactUrl'],
      [
        { interfaces: [{ standard: 'xfoo', version: '1', direction: 'PROVIDES' }] },
        'input.interfaces[0].standard',
      ],
      [{ changes: [{ type: 'FIXED', description: ' ' }] }, 'input.changes[0].description'],
      [{ fulfils: ['00000000-0000-0000-0000-000000000000'] }, 'input.fulfils[0]'],
    ];
    for (const [override, field] of cases) {
      const result = await t.gql(
        CREATE,
        { input: { serviceId, version: '5.0.0', artifactDigest: DIGEST_A, ...override } },
        maintainer,
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      if (field) {
        expect(result.errors?.[0].extensions.field).toBe(field);
      }
    }
  });

  it('edits notes until publication, changes and interfaces in DRAFT only', async () => {
    const id = await create('1.2.0');
    const UPDATE = `mutation($id: ID!, $input: UpdateReleaseInput!) { updateRelease(id: $id, input: $input) { notes } }`;
    expect(
      (
        await t.gql(
          UPDATE,
          { id, input: { notes: 'Neu', changes: [{ type: 'ADDED', description: 'Feld' }] } },
          maintainer,
        )
      ).errors,
    ).toBeUndefined();
    await t.gql(SUBMIT, { id }, maintainer);
    expect(
      (await t.gql(UPDATE, { id, input: { notes: 'Im Review' } }, maintainer)).data?.updateRelease,
    ).toEqual({ notes: 'Im Review' });
    expect(errorCode(await t.gql(UPDATE, { id, input: { changes: [] } }, maintainer))).toBe('CONFLICT');
  });

  it('shows releases that are not PUBLISHED only to the owner’s maintainers, reviewers and operators', async () => {
    const id = await create('1.3.0');
    const admin = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: '010020000000' });
    expect((await t.gql(GET, { id })).data?.release).toBeNull();
    expect((await t.gql(GET, { id }, admin)).data?.release).toBeNull();
    expect((await t.gql(GET, { id }, otherMaintainer)).data?.release).toBeNull();
    expect((await t.gql(GET, { id }, maintainer)).data?.release.version).toBe('1.3.0');
    expect((await t.gql(GET, { id }, reviewer.SECURITY)).data?.release.version).toBe('1.3.0');
    expect(errorCode(await t.gql(SUBMIT, { id }, otherMaintainer))).toBe('NOT_FOUND');
    const list = `{ service(slug: "bauantrag") { releases(first: 50) { edges { node { version state } } } } }`;
    const anonymous = (await t.gql(list)).data?.service.releases.edges.map((e: any) => e.node.state);
    expect(new Set(anonymous)).toEqual(new Set(['PUBLISHED']));
    const own = (await t.gql(list, {}, maintainer)).data?.service.releases.edges.map(
      (e: any) => e.node.version,
    );
    expect(own).toContain('1.3.0');
    // A published release is visible to all; its QA gates only to the owner's maintainers, reviewers and operators.
    const gatesOf = async (token?: string) =>
      (await t.gql(`{ service(slug: "bauantrag") { latestRelease { version gates { kind } } } }`, {}, token))
        .data?.service.latestRelease;
    expect(await gatesOf()).toEqual({ version: '1.1.0', gates: [] });
    expect(await gatesOf(admin)).toEqual({ version: '1.1.0', gates: [] });
    expect(await gatesOf(otherMaintainer)).toEqual({ version: '1.1.0', gates: [] });
    expect((await gatesOf(maintainer)).gates).toHaveLength(3);
    expect((await gatesOf(reviewer.USABILITY)).gates).toHaveLength(3);
    // ... and only its owner may change it.
    const latestId = (await t.gql(`{ service(slug: "bauantrag") { latestRelease { id } } }`)).data?.service
      .latestRelease.id;
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { deprecateRelease(id: $id, reason: "x") { id } }`,
          { id: latestId },
          otherMaintainer,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('lists the PENDING gates a reviewer may sign, oldest first, never its own releases', async () => {
    const queue = async (token: string, kind?: string) =>
      (
        await t.gql(
          `query($k: QaGateKind) { reviewQueue(kind: $k) { kind status release { version } } }`,
          { k: kind ?? null },
          token,
        )
      ).data?.reviewQueue;
    const security = await queue(reviewer.SECURITY);
    expect(security.every((g: any) => g.kind === 'SECURITY' && g.status === 'PENDING')).toBe(true);
    expect(security.map((g: any) => g.release.version)).toContain('1.2.0');
    expect(await queue(reviewer.SECURITY, 'USABILITY')).toEqual([]);
    expect(await queue(operator)).toEqual([]);
    expect(errorCode(await t.gql(`{ reviewQueue { kind } }`))).toBe('UNAUTHENTICATED');
  });

  it('counts 20 concurrent approvals exactly and approves once; 10 concurrent publications give one success', async () => {
    const svc = await registerService(t, { slug: 'concurrency', ownerKey: 'dataport' });
    await t.gql(
      `mutation($id: ID!) { setQaPolicy(serviceId: $id, rules: [{ kind: SECURITY, requiredApprovals: 2 }]) { id } }`,
      { id: svc },
      operator,
    );
    const id = (
      await t.gql(
        CREATE,
        { input: { serviceId: svc, version: '1.0.0', artifactDigest: DIGEST_A } },
        maintainer,
      )
    ).data!.createRelease.id;
    await t.gql(SUBMIT, { id }, maintainer);
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.token({ roles: [Role.REVIEWER_SECURITY], org: 'komfit', sub: `sec-${i}` }),
      ),
    );
    const results = await Promise.all(tokens.map((token) => sign(id, 'SECURITY', 'APPROVE', token)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const after = await release(id);
    expect(after.state).toBe('APPROVED');
    expect(after.gates[0]).toMatchObject({ status: 'PASSED', approvals: 20 });
    expect(after.gates[0].signOffs).toHaveLength(20);
    const audit = (await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { action } }`, { id }, operator))
      .data?.auditTrail;
    expect(audit.filter((e: any) => e.action === 'release.approve')).toHaveLength(1);

    const publications = await Promise.all(
      Array.from({ length: 10 }, () => t.gql(PUBLISH, { id }, maintainer)),
    );
    expect(publications.filter((r) => !r.errors)).toHaveLength(1);
    expect(publications.map(errorCode).filter((c) => c === 'CONFLICT')).toHaveLength(9);
  });

  it('filters the catalogue by the latest release’s interface standard and by published releases', async () => {
    const filter = async (f: Record<string, unknown>) =>
      (
        await t.gql(`query($f: ServiceFilter) { services(filter: $f) { edges { node { slug } } } }`, { f })
      ).data?.services.edges.map((e: any) => e.node.slug);
    expect(await filter({ interfaceStandard: 'xbau' })).toEqual(['bauantrag']); // its latest, 1.1.0, consumes xbau 2.3
    expect(await filter({ interfaceStandard: 'fit-connect' })).toEqual([]);
    expect(await filter({ hasPublishedRelease: true })).toEqual(
      expect.arrayContaining(['bauantrag', 'latest', 'concurrency']),
    );
    expect(await filter({ hasPublishedRelease: false })).not.toContain('bauantrag');
  });

  it('refuses a reviewer token that also names OPERATOR: an operator is never a reviewer', async () => {
    const id = await create('1.6.0', {
      interfaces: [{ standard: 'xbau', version: '2.3', direction: 'CONSUMES' }],
    });
    await t.gql(SUBMIT, { id }, maintainer);
    const both = await t.token({ roles: [Role.OPERATOR, Role.REVIEWER_SECURITY], sub: 'olga' });
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE', both))).toBe('FORBIDDEN');
    expect((await t.gql(`{ reviewQueue { kind } }`, {}, both)).data?.reviewQueue).toEqual([]);
  });

  it('names the state for sign-offs on a draft, withdrawing a published release and creating on a retired service', async () => {
    const draft = await create('1.7.0');
    const onDraft = await sign(draft, 'SECURITY');
    expect(errorCode(onDraft)).toBe('CONFLICT');
    expect(onDraft.errors?.[0].message).toContain('DRAFT');
    const publishedId = (await t.gql(`{ service(slug: "bauantrag") { latestRelease { id } } }`)).data?.service
      .latestRelease.id;
    const withdraw = await t.gql(
      `mutation($id: ID!) { withdrawRelease(id: $id, reason: "x") { id } }`,
      { id: publishedId },
      maintainer,
    );
    expect(errorCode(withdraw)).toBe('CONFLICT');
    expect(withdraw.errors?.[0].extensions.state).toBe('PUBLISHED');
    const artifact = await t.gql(
      `mutation($id: ID!) { updateReleaseArtifact(id: $id, artifactDigest: "${DIGEST_B}") { id } }`,
      { id: publishedId },
      maintainer,
    );
    expect(errorCode(artifact)).toBe('CONFLICT');
    const retired = await registerService(t, { slug: 'retired', ownerKey: 'dataport', lifecycle: 'RETIRED' });
    const refused = await t.gql(
      CREATE,
      { input: { serviceId: retired, version: '1.0.0', artifactDigest: DIGEST_A } },
      maintainer,
    );
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('RETIRED');
  });

  it('keeps the gates of a submitted release when the policy changes later', async () => {
    const svc = await registerService(t, { slug: 'snapshot', ownerKey: 'dataport' });
    const id = (
      await t.gql(
        CREATE,
        { input: { serviceId: svc, version: '1.0.0', artifactDigest: DIGEST_A } },
        maintainer,
      )
    ).data!.createRelease.id;
    await t.gql(SUBMIT, { id }, maintainer);
    await t.gql(
      `mutation($id: ID!) { setQaPolicy(serviceId: $id, rules: [{ kind: SECURITY, requiredApprovals: 5 }]) { id } }`,
      { id: svc },
      operator,
    );
    expect((await release(id)).gates.map((g: any) => [g.kind, g.requiredApprovals])).toEqual([
      ['USABILITY', 1],
      ['SECURITY', 1],
      ['INTERFACES', 1],
    ]);
  });

  it('audits a return to APPROVED after a waiver expired, and a repeated digest outdates nothing', async () => {
    const id = await create('1.8.0', {
      interfaces: [{ standard: 'xbau', version: '2.3', direction: 'CONSUMES' }],
    });
    await t.gql(SUBMIT, { id }, maintainer);
    await sign(id, 'USABILITY');
    await sign(id, 'INTERFACES');
    await t.gql(
      WAIVE,
      {
        input: {
          releaseId: id,
          kind: 'SECURITY',
          reason: 'r',
          ticket: 't',
          expiresAt: '2026-11-29T00:00:00Z',
        },
      },
      operator,
    );
    const same = await t.gql(
      `mutation($id: ID!) { updateReleaseArtifact(id: $id, artifactDigest: "${DIGEST_A}") { state } }`,
      { id },
      maintainer,
    );
    expect(same.data?.updateReleaseArtifact.state).toBe('APPROVED');
    expect((await release(id)).gates[0].signOffs[0].outdated).toBe(false);
    t.clock.set('2026-11-30T10:00:00Z');
    try {
      expect((await release(id)).state).toBe('IN_REVIEW');
      await sign(id, 'SECURITY');
      expect((await release(id)).state).toBe('APPROVED');
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
    const audit = (await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { action } }`, { id }, operator))
      .data?.auditTrail;
    expect(audit.filter((e: any) => e.action === 'release.approve')).toHaveLength(2); // by the waiver, then by the approval
    const empty = await t.gql(
      `mutation($id: ID!) { updateRelease(id: $id, input: {}) { version } }`,
      { id },
      maintainer,
    );
    expect(empty.data?.updateRelease).toEqual({ version: '1.8.0' });
  });

  it('orders versions by SemVer precedence in SQL', async () => {
    const svc = await registerService(t, { slug: 'ordering', ownerKey: 'dataport' });
    const versions = [
      '1.0.0',
      '1.0.0-rc.1',
      '1.0.0-alpha.10',
      '1.0.0-alpha.2',
      '1.0.0-alpha',
      '0.9.0',
      '1.10.0',
      '1.2.0',
      '1.0.0-beta',
    ];
    for (const version of versions) {
      const result = await t.gql(
        CREATE,
        { input: { serviceId: svc, version, artifactDigest: DIGEST_A } },
        maintainer,
      );
      expect(result.errors).toBeUndefined();
    }
    const rows = await t.db.query(
      `SELECT version FROM release WHERE service_id = $1 ORDER BY major, minor, patch, (prerelease IS NULL), prerelease`,
      [svc],
    );
    expect(rows.map((r: { version: string }) => r.version)).toEqual([
      '0.9.0',
      '1.0.0-alpha',
      '1.0.0-alpha.2',
      '1.0.0-alpha.10',
      '1.0.0-beta',
      '1.0.0-rc.1',
      '1.0.0',
      '1.2.0',
      '1.10.0',
    ]);
    const build = await t.gql(
      CREATE,
      { input: { serviceId: svc, version: '2.0.0+build.7', artifactDigest: DIGEST_A } },
      maintainer,
    );
    expect(errorCode(build)).toBe('BAD_USER_INPUT');
  });

  it('withdraws from APPROVED and REJECTED, and a new digest brings a REJECTED release back to review', async () => {
    const keep = { interfaces: [{ standard: 'xbau', version: '2.3', direction: 'CONSUMES' }] };
    const approved = await create('1.9.0', keep);
    await t.gql(SUBMIT, { id: approved }, maintainer);
    await approveAll(approved);
    const withdraw = (id: string) =>
      t.gql(
        `mutation($id: ID!) { withdrawRelease(id: $id, reason: "Zurückgezogen") { state } }`,
        { id },
        maintainer,
      );
    expect((await withdraw(approved)).data?.withdrawRelease.state).toBe('WITHDRAWN');

    const rejected = await create('1.9.1', keep);
    await t.gql(SUBMIT, { id: rejected }, maintainer);
    await sign(rejected, 'SECURITY', 'REJECT', reviewer.SECURITY, 'Nein');
    expect((await release(rejected)).state).toBe('REJECTED');
    const reopened = await t.gql(
      `mutation($id: ID!) { updateReleaseArtifact(id: $id, artifactDigest: "${DIGEST_B}") { state } }`,
      { id: rejected },
      maintainer,
    );
    expect(reopened.data?.updateReleaseArtifact.state).toBe('IN_REVIEW');
    await sign(rejected, 'SECURITY', 'REJECT', reviewer.SECURITY, 'Immer noch nein');
    expect((await withdraw(rejected)).data?.withdrawRelease.state).toBe('WITHDRAWN');
  });

  it('counts a deprecated release as a baseline', async () => {
    const svc = await registerService(t, { slug: 'deprecated-baseline', ownerKey: 'dataport' });
    const make = async (version: string) => {
      const id = (
        await t.gql(CREATE, { input: { serviceId: svc, version, artifactDigest: DIGEST_A } }, maintainer)
      ).data!.createRelease.id;
      await t.gql(SUBMIT, { id }, maintainer);
      await approveAll(id);
      return id;
    };
    const one = await make('1.0.0');
    await t.gql(PUBLISH, { id: one }, maintainer);
    await t.gql(
      `mutation($id: ID!) { deprecateRelease(id: $id, reason: "alt") { id } }`,
      { id: one },
      maintainer,
    );
    const next = await make('1.1.0');
    expect((await release(next)).impact).toMatchObject({ bump: 'MINOR', baseline: { version: '1.0.0' } });
  });

  it('lists the review queue oldest first and never a reviewer’s own releases', async () => {
    const svc = await registerService(t, { slug: 'queue-order', ownerKey: 'dataport' });
    const both = await t.token({
      roles: [Role.MAINTAINER, Role.REVIEWER_USABILITY],
      org: 'dataport',
      sub: 'rhea',
      name: 'Rhea',
    });
    const submitAt = async (version: string, at: string, token: string) => {
      t.clock.set(at);
      const id = (
        await t.gql(CREATE, { input: { serviceId: svc, version, artifactDigest: DIGEST_A } }, token)
      ).data!.createRelease.id;
      await t.gql(SUBMIT, { id }, token);
      return id;
    };
    try {
      await submitAt('3.0.0', '2026-11-28T12:00:00Z', maintainer);
      await submitAt('2.0.0', '2026-11-28T11:00:00Z', maintainer);
      await submitAt('4.0.0', '2026-11-28T13:00:00Z', both); // Rhea's own
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
    const queue = (
      await t.gql(`{ reviewQueue(kind: USABILITY) { release { version service { slug } } } }`, {}, both)
    ).data?.reviewQueue;
    const mine = queue
      .filter((g: any) => g.release.service.slug === 'queue-order')
      .map((g: any) => g.release.version);
    expect(mine).toEqual(['2.0.0', '3.0.0']);
  });
});
