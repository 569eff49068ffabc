import { registerService } from '../support/factories';
import { CREATE, DIGEST_A, PUBLISH, SUBMIT, WAIVE, useReleaseWorld } from '../support/releases';
import { errorCode } from '../support/test-app';

/**
 * What a release changes in the interfaces against its baseline (the latest published release
 * below it), and what a breaking change without a major version may not do.
 */
describe('interface impact: breaking changes against the baseline', () => {
  // The baseline of what follows: 1.0.0 consumes xbau 2.2.
  const w = useReleaseWorld({ published: { version: '1.0.0', consumesXbau: '2.2' } });

  it('holds a breaking MINOR release at the INTERFACES gate until waived', async () => {
    const { t, maintainer, operator, create, approveAll, release } = w;
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
    const { t, maintainer, operator, sign } = w;
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

  it('counts a deprecated release as a baseline', async () => {
    const { t, maintainer, create, approveAll, release } = w;
    const svc = await registerService(t, { slug: 'deprecated-baseline', ownerKey: 'dataport' });
    const make = async (version: string) => {
      const id = await create(version, { serviceId: svc });
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
});
