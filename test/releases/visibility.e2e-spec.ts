import { Role } from '#src/common/auth/role';
import { registerService } from '../support/factories';
import { GET, PUBLISH, SUBMIT, useReleaseWorld } from '../support/releases';
import { errorCode } from '../support/test-app';

/**
 * Which release is the latest, who sees releases that are not published and their gates, that
 * concurrent publications publish once, and how the catalogue filters by published releases.
 */
describe('release visibility: the latest release, unpublished ones, concurrent publishing', () => {
  // The latest release of "bauantrag": 1.1.0, consuming xbau 2.3.
  const w = useReleaseWorld({ published: { version: '1.1.0', consumesXbau: '2.3' } });

  it('never moves latest backwards, skips pre-releases and deprecated ones', async () => {
    const { t, maintainer, create, approveAll, release } = w;
    const svc = await registerService(t, { slug: 'latest', ownerKey: 'dataport' });
    const publishOn = async (version: string) => {
      const id = await create(version, { serviceId: svc });
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

  it('shows releases that are not PUBLISHED only to the owner’s maintainers, reviewers and operators', async () => {
    const { t, maintainer, otherMaintainer, reviewer, create } = w;
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

  it('counts 20 concurrent approvals exactly and approves once; 10 concurrent publications give one success', async () => {
    const { t, maintainer, operator, create, sign, release } = w;
    const svc = await registerService(t, { slug: 'concurrency', ownerKey: 'dataport' });
    await t.gql(
      `mutation($id: ID!) { setQaPolicy(serviceId: $id, rules: [{ kind: SECURITY, requiredApprovals: 2 }]) { id } }`,
      { id: svc },
      operator,
    );
    const id = await create('1.0.0', { serviceId: svc });
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
    const { t } = w;
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
});
