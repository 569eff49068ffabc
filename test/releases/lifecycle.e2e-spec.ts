import { registerService } from '../support/factories';
import { CREATE, DIGEST_A, DIGEST_B, PUBLISH, SUBMIT, useReleaseWorld } from '../support/releases';
import { errorCode } from '../support/test-app';

/** A release from draft to published, unique versions in SemVer order, and the states each step needs. */
describe('release lifecycle: from draft to published, versions and states', () => {
  const w = useReleaseWorld();

  it('takes a release from draft to published: maintainer, three reviewers, gates from the policy', async () => {
    const { t, maintainer, operator, create, sign, release } = w;
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

  it('keeps versions unique and never reusable, and names the state on illegal transitions', async () => {
    const { t, serviceId, maintainer, create } = w;
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
    const { t, serviceId, maintainer } = w;
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

  it('names the state for sign-offs on a draft, withdrawing a published release and creating on a retired service', async () => {
    const { t, maintainer, create, sign } = w;
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

  it('orders versions by SemVer precedence in SQL', async () => {
    const { t, maintainer } = w;
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
});
