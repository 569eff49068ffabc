import { Role } from '#src/common/auth/role';
import { publishRelease, registerOrganisation, registerService } from '../support/factories';
import { KIEL, LUEBECK, useSubscriptionWorld } from '../support/subscriptions';
import { errorCode } from '../support/test-app';

/** What a version range admits (npm rules, pre-releases), and which release a subscription targets. */
describe('subscriptions (Nachnutzung): version ranges and target releases', () => {
  const w = useSubscriptionWorld();
  beforeAll(async () => {
    // Kiel's ACTIVE subscription to bauantrag, whose target moves when its target is deprecated.
    const { t, manual, kielAdmin, maintainer, request } = w;
    const { id } = (await request(manual, '^1.0.0', kielAdmin)).data!.requestSubscription;
    await t.gql(`mutation($id: ID!) { approveSubscription(id: $id) { id } }`, { id }, maintainer);
  });

  it('needs a published, non-deprecated release in the range, naming the range and the versions', async () => {
    const { manual, luebeckAdmin, request } = w;
    const result = await request(manual, '^5.0.0', luebeckAdmin, LUEBECK);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('^5.0.0');
    expect(result.errors?.[0].message).toContain('2.0.0-rc.1, 1.1.0, 1.0.0');
    expect(errorCode(await request(manual, 'not a range', luebeckAdmin))).toBe('BAD_USER_INPUT');
  });

  it('targets a pre-release only when the range names one of the same major.minor.patch', async () => {
    const { t, manual, request } = w;
    const state = await registerOrganisation(t, {
      key: '010010000000',
      kind: 'MUNICIPALITY',
      parentKey: '010000000000',
    });
    const flensburg = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: state, sub: 'fie' });
    expect(errorCode(await request(manual, '^2.0.0', flensburg))).toBe('BAD_USER_INPUT');
    const rc = (await request(manual, '>=2.0.0-rc.1 <3.0.0', flensburg)).data?.requestSubscription;
    expect(rc).toMatchObject({ targetRelease: { version: '2.0.0-rc.1' } });
    const broad = await t.gql(
      `mutation($id: ID!) { changeSubscriptionRange(id: $id, versionRange: ">=1.0.0") { versionRange targetRelease { version } } }`,
      { id: rc.id },
      flensburg,
    );
    expect(broad.data?.changeSubscriptionRange).toEqual({
      versionRange: '>=1.0.0',
      targetRelease: { version: '1.1.0' },
    });
  });

  it('applies npm range rules to pre-releases and deployments', async () => {
    const { t, kielAdmin, operator, request } = w;
    const svc = await registerService(t, {
      slug: 'prerelease-rules',
      ownerKey: 'dataport',
      subscriptionApproval: 'AUTOMATIC',
    });
    await publishRelease(t, svc, '1.0.0');
    await publishRelease(t, svc, '1.1.0');
    await publishRelease(t, svc, '2.0.0-rc.1');
    const draft = await t.gql(
      `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`,
      { input: { serviceId: svc, version: '1.2.0', artifactDigest: `sha256:${'d'.repeat(64)}` } },
      operator,
    );
    expect(draft.errors).toBeUndefined();
    const sub = (await request(svc, '>=1.0.0-rc.1', kielAdmin)).data?.requestSubscription;
    expect(sub.targetRelease).toEqual({ version: '1.1.0' }); // a pre-release of another major.minor.patch is no target
    const report = (version: string) =>
      t.gql(
        `mutation($id: ID!, $v: SemVer!) { reportDeployment(subscriptionId: $id, version: $v) { deployedVersion } }`,
        { id: sub.id, v: version },
        kielAdmin,
      );
    expect(errorCode(await report('2.0.0-rc.1'))).toBe('BAD_USER_INPUT'); // outside the range for npm
    expect(errorCode(await report('1.2.0'))).toBe('BAD_USER_INPUT'); // not published
    const unsatisfiable = await t.gql(
      `mutation($id: ID!) { changeSubscriptionRange(id: $id, versionRange: "^3.0.0") { id } }`,
      { id: sub.id },
      kielAdmin,
    );
    expect(errorCode(unsatisfiable)).toBe('BAD_USER_INPUT');
  });

  it('moves the target when the target release is deprecated, and refuses new subscriptions to a deprecated service', async () => {
    const { t, automatic, kielAdmin, luebeckAdmin, maintainer, releases, request } = w;
    const sub = (
      await t.gql(
        `{ subscriptions(organisationKey: "${KIEL}", serviceSlug: "bauantrag", state: ACTIVE) { edges { node { id targetRelease { version } } } } }`,
        {},
        kielAdmin,
      )
    ).data?.subscriptions.edges[0].node;
    expect(sub.targetRelease.version).toBe('1.1.0');
    await t.gql(
      `mutation($id: ID!) { deprecateRelease(id: $id, reason: "Lücke") { id } }`,
      { id: releases['1.1.0'] },
      maintainer,
    );
    const moved = await t.gql(
      `query { subscriptions(organisationKey: "${KIEL}", serviceSlug: "bauantrag", state: ACTIVE) { edges { node { targetRelease { version } } } } }`,
      {},
      kielAdmin,
    );
    expect(moved.data?.subscriptions.edges[0].node.targetRelease.version).toBe('1.0.0');
    await t.gql(
      `mutation($id: ID!) { updateService(id: $id, input: { lifecycle: DEPRECATED }) { lifecycle } }`,
      { id: automatic },
      maintainer,
    );
    const refused = await request(automatic, '3.x', luebeckAdmin);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('DEPRECATED');
  });
});
