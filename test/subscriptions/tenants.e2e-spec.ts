import { Role } from '#src/common/auth/role';
import { publishRelease, registerOrganisation, registerService } from '../support/factories';
import { KIEL, LUEBECK, useSubscriptionWorld } from '../support/subscriptions';
import { errorCode } from '../support/test-app';

/** Each organisation sees and changes its own subscriptions; the owner sees its fleet; an OPERATOR acts for anyone. */
describe('subscriptions (Nachnutzung): tenants, the fleet and who acts for whom', () => {
  const w = useSubscriptionWorld();
  beforeAll(async () => {
    // Kiel subscribes to both services; Lübeck and Flensburg ask for bauantrag.
    const { t, manual, automatic, kielAdmin, luebeckAdmin, request } = w;
    await registerOrganisation(t, { key: '010010000000', kind: 'MUNICIPALITY', parentKey: '010000000000' });
    const flensburg = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: '010010000000', sub: 'fie' });
    for (const [serviceId, range, token] of [
      [manual, '^1.0.0', kielAdmin],
      [automatic, '3.x', kielAdmin],
      [manual, '^1.0.0', luebeckAdmin],
      [manual, '>=1.0.0', flensburg],
    ]) {
      expect((await request(serviceId, range, token)).errors).toBeUndefined();
    }
  });

  it('isolates tenants: Lübeck cannot read, change, terminate or report on Kiel’s subscription', async () => {
    const { t, kielAdmin, luebeckAdmin, maintainer, otherMaintainer } = w;
    const kielSub = (
      await t.gql(`{ subscriptions(organisationKey: "${KIEL}") { edges { node { id } } } }`, {}, kielAdmin)
    ).data?.subscriptions.edges[0].node.id;
    const mutations = [
      `mutation($id: ID!) { approveSubscription(id: $id) { id } }`,
      `mutation($id: ID!) { rejectSubscription(id: $id, reason: "x") { id } }`,
      `mutation($id: ID!) { suspendSubscription(id: $id, reason: "x") { id } }`,
      `mutation($id: ID!) { resumeSubscription(id: $id) { id } }`,
      `mutation($id: ID!) { changeSubscriptionRange(id: $id, versionRange: "*") { id } }`,
      `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.0.0") { id } }`,
      `mutation($id: ID!) { terminateSubscription(id: $id, reason: "x") { id } }`,
    ];
    for (const mutation of mutations) {
      expect(errorCode(await t.gql(mutation, { id: kielSub }, luebeckAdmin))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(mutation, { id: kielSub }, otherMaintainer))).toBe('NOT_FOUND');
    }
    const lists = await t.gql(
      `{ subscriptions(organisationKey: "${KIEL}") { totalCount } organisation(key: "${KIEL}") { subscriptions { totalCount } } }`,
      {},
      luebeckAdmin,
    );
    expect(lists.data).toEqual({
      subscriptions: { totalCount: 0 },
      organisation: { subscriptions: { totalCount: 0 } },
    });
    const own = await t.gql(
      `{ organisation(key: "${KIEL}") { subscriptions { totalCount } } }`,
      {},
      kielAdmin,
    );
    expect(own.data?.organisation.subscriptions.totalCount).toBeGreaterThanOrEqual(2);
    const owner = await t.gql(`{ subscriptions(serviceSlug: "bauantrag") { totalCount } }`, {}, maintainer);
    expect(owner.data?.subscriptions.totalCount).toBeGreaterThanOrEqual(3);
    expect(
      (await t.gql(`{ subscriptions(serviceSlug: "bauantrag") { totalCount } }`, {}, otherMaintainer)).data
        ?.subscriptions.totalCount,
    ).toBe(0);
    expect(errorCode(await t.gql(`{ subscriptions { totalCount } }`))).toBe('UNAUTHENTICATED');
  });

  it('counts ACTIVE subscriptions publicly and shows the fleet to the owner only', async () => {
    const { t, luebeckAdmin, maintainer, otherMaintainer } = w;
    const requested = (
      await t.gql(
        `{ subscriptions(serviceSlug: "bauantrag", state: REQUESTED) { edges { node { id organisation { key } } } } }`,
        {},
        maintainer,
      )
    ).data?.subscriptions.edges.map((e: any) => e.node);
    for (const { id } of requested) {
      await t.gql(`mutation($id: ID!) { approveSubscription(id: $id) { id } }`, { id }, maintainer);
    }
    const lubeck = requested.find((s: any) => s.organisation.key === LUEBECK);
    await t.gql(
      `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.0.0") { id } }`,
      { id: lubeck.id },
      luebeckAdmin,
    );
    const query = `{ service(slug: "bauantrag") { subscriptionCount fleet { active notReported deployments { version subscribers } } } }`;
    const anonymous = (await t.gql(query)).data?.service;
    expect(anonymous.fleet).toBeNull();
    expect(anonymous.subscriptionCount).toBeGreaterThanOrEqual(1);
    expect((await t.gql(query, {}, otherMaintainer)).data?.service.fleet).toBeNull();
    const fleet = (await t.gql(query, {}, maintainer)).data?.service.fleet;
    expect(fleet.active).toBe(anonymous.subscriptionCount);
    expect(fleet.active).toBe(
      fleet.notReported + fleet.deployments.reduce((n: number, d: any) => n + d.subscribers, 0),
    );
  });

  it('flags subscribers whose systems lack the version a release uses, as far as the viewer may see', async () => {
    const { t, kielAdmin, luebeckAdmin, maintainer, releases } = w;
    // Lübeck subscribes and declares xbau 2.2 only; the release 2.0.0-rc.1 consumes xbau 2.3.
    const lub = (
      await t.gql(
        `{ subscriptions(organisationKey: "${LUEBECK}", serviceSlug: "bauantrag") { edges { node { id state } } } }`,
        {},
        luebeckAdmin,
      )
    ).data?.subscriptions.edges[0].node;
    if (lub.state === 'REQUESTED') {
      await t.gql(`mutation($id: ID!) { approveSubscription(id: $id) { id } }`, { id: lub.id }, maintainer);
    }
    await t.gql(
      `mutation { setCapabilities(organisationKey: "${LUEBECK}", capabilities: [{ standard: "xbau", versions: ["2.2"] }]) { key } }`,
      {},
      luebeckAdmin,
    );
    const impact = (id: string, token: string) =>
      t.gql(
        `query($id: ID!) { release(id: $id) { impact { affectedSubscriptions { organisation { key } } } } }`,
        { id },
        token,
      );
    expect(
      (await impact(releases['2.0.0-rc.1'], maintainer)).data?.release.impact.affectedSubscriptions,
    ).toEqual([{ organisation: { key: LUEBECK } }]);
    expect((await impact(releases['1.1.0'], maintainer)).data?.release.impact.affectedSubscriptions).toEqual(
      [],
    );
    expect(
      (await impact(releases['2.0.0-rc.1'], kielAdmin)).data?.release.impact.affectedSubscriptions,
    ).toEqual([]);
  });

  it('lets a municipality subscribe only for itself', async () => {
    const { manual, automatic, kielAdmin, maintainer, request } = w;
    expect(errorCode(await request(automatic, '3.x', kielAdmin, LUEBECK))).toBe('FORBIDDEN');
    expect(errorCode(await request(manual, '^1.0.0', maintainer))).toBe('FORBIDDEN');
  });

  it('lets an OPERATOR act for any organisation, refuses staff without the admin role and retired services', async () => {
    const { t, kielAdmin, luebeckAdmin, maintainer, operator, request } = w;
    const svc = await registerService(t, { slug: 'operator-acts', ownerKey: 'dataport' });
    await publishRelease(t, svc, '1.0.0');
    const sub = (await request(svc, '^1.0.0', operator, LUEBECK)).data?.requestSubscription;
    expect(sub).toMatchObject({ state: 'REQUESTED', organisation: { key: LUEBECK } });
    const staff = await t.token({ roles: [Role.REVIEWER_USABILITY], org: LUEBECK, sub: 'lubeck-staff' });
    expect(
      (await t.gql(`{ subscriptions(serviceSlug: "operator-acts") { totalCount } }`, {}, staff)).data
        ?.subscriptions.totalCount,
    ).toBe(1);
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { changeSubscriptionRange(id: $id, versionRange: "*") { id } }`,
          { id: sub.id },
          staff,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.0.0") { id } }`,
          { id: sub.id },
          luebeckAdmin,
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      (await t.gql(`mutation($id: ID!) { approveSubscription(id: $id) { state } }`, { id: sub.id }, operator))
        .data?.approveSubscription.state,
    ).toBe('ACTIVE');
    const retired = await registerService(t, { slug: 'retired-subs', ownerKey: 'dataport' });
    await publishRelease(t, retired, '1.0.0');
    await t.gql(
      `mutation($id: ID!) { updateService(id: $id, input: { lifecycle: RETIRED }) { id } }`,
      { id: retired },
      maintainer,
    );
    expect(errorCode(await request(retired, '^1.0.0', kielAdmin))).toBe('CONFLICT');
  });
});
