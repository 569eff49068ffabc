import { Role } from '../src/common/auth/role';
import { publishRelease, registerOrganisation, registerService, registerStandard } from './support/factories';
import { errorCode, startTestApp, type TestApp } from './support/test-app';

const KIEL = '010020000000';
const LUEBECK = '010030000000';
const SUB_FIELDS = `id state versionRange agreementReference deployedVersion deployedAt stateReason upgradeAvailable targetRelease { version } organisation { key } service { slug } requestedAt decidedAt`;
const REQUEST = `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { ${SUB_FIELDS} } }`;

describe('subscriptions (Nachnutzung)', () => {
  let t: TestApp;
  let manual: string;
  let automatic: string;
  let kielAdmin: string;
  let luebeckAdmin: string;
  let maintainer: string;
  let otherMaintainer: string;
  let operator: string;
  const releases: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await registerOrganisation(t, { key: '010000000000', kind: 'STATE' });
    await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000' });
    await registerOrganisation(t, { key: LUEBECK, kind: 'MUNICIPALITY', parentKey: '010000000000' });
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    await registerStandard(t, 'xbau');
    manual = await registerService(t, { slug: 'bauantrag', ownerKey: 'dataport', lifecycle: 'ACTIVE' });
    automatic = await registerService(t, {
      slug: 'wohngeld',
      ownerKey: 'dataport',
      subscriptionApproval: 'AUTOMATIC',
    });
    const xbau = (version: string) => ({
      interfaces: [{ standard: 'xbau', version, direction: 'CONSUMES' }],
    });
    releases['1.0.0'] = await publishRelease(t, manual, '1.0.0', xbau('2.2'));
    releases['1.1.0'] = await publishRelease(t, manual, '1.1.0', xbau('2.2'));
    releases['2.0.0-rc.1'] = await publishRelease(t, manual, '2.0.0-rc.1', xbau('2.3'));
    await publishRelease(t, automatic, '3.0.0');
    kielAdmin = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: KIEL, sub: 'kim' });
    luebeckAdmin = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: LUEBECK, sub: 'lea' });
    maintainer = await t.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia' });
    otherMaintainer = await t.token({ roles: [Role.MAINTAINER], org: 'komfit', sub: 'max' });
    operator = await t.token({ roles: [Role.OPERATOR], sub: 'olaf' });
  });
  afterAll(() => t.close());

  const request = (serviceId: string, versionRange: string, token: string, organisationKey?: string) =>
    t.gql(REQUEST, { input: { serviceId, versionRange, organisationKey } }, token);

  it('takes a municipality from request through approval and deployment to an available upgrade', async () => {
    const requested = (await request(manual, '^1.0.0', kielAdmin)).data?.requestSubscription;
    expect(requested).toMatchObject({
      state: 'REQUESTED',
      versionRange: '^1.0.0',
      organisation: { key: KIEL },
      decidedAt: null,
      targetRelease: { version: '1.1.0' },
    });
    const approved = await t.gql(
      `mutation($id: ID!) { approveSubscription(id: $id, agreementReference: "NNV-2026-17") { ${SUB_FIELDS} } }`,
      { id: requested.id },
      maintainer,
    );
    expect(approved.data?.approveSubscription).toMatchObject({
      state: 'ACTIVE',
      agreementReference: 'NNV-2026-17',
      upgradeAvailable: false,
    });
    const reported = await t.gql(
      `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.0.0") { ${SUB_FIELDS} } }`,
      { id: requested.id },
      kielAdmin,
    );
    expect(reported.data?.reportDeployment).toMatchObject({
      deployedVersion: '1.0.0',
      upgradeAvailable: true,
      targetRelease: { version: '1.1.0' },
    });
    const audit = await t.gql(
      `query($id: ID!) { auditTrail(entityId: $id) { action } }`,
      { id: requested.id },
      operator,
    );
    expect(audit.data?.auditTrail.map((e: any) => e.action)).toEqual([
      'subscription.request',
      'subscription.approve',
      'subscription.reportDeployment',
    ]);
  });

  it('activates at once with AUTOMATIC approval', async () => {
    const result = (await request(automatic, '3.x', kielAdmin)).data?.requestSubscription;
    expect(result).toMatchObject({
      state: 'ACTIVE',
      decidedAt: '2026-11-28T10:00:00.000Z',
      targetRelease: { version: '3.0.0' },
    });
  });

  it('refuses a second open subscription, also when two requests race', async () => {
    expect(errorCode(await request(manual, '^1.1.0', kielAdmin))).toBe('CONFLICT');
    const racing = await Promise.all([
      request(manual, '^1.0.0', luebeckAdmin),
      request(manual, '~1.1.0', luebeckAdmin),
    ]);
    expect(racing.filter((r) => !r.errors)).toHaveLength(1);
    expect(racing.map(errorCode).filter(Boolean)).toEqual(['CONFLICT']);
  });

  it('needs a published, non-deprecated release in the range, naming the range and the versions', async () => {
    const result = await request(manual, '^5.0.0', luebeckAdmin, LUEBECK);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('^5.0.0');
    expect(result.errors?.[0].message).toContain('2.0.0-rc.1, 1.1.0, 1.0.0');
    expect(errorCode(await request(manual, 'not a range', luebeckAdmin))).toBe('BAD_USER_INPUT');
  });

  it('targets a pre-release only when the range names one of the same major.minor.patch', async () => {
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

  it('suspends with a reason, resumes, terminates, and lets the organisation subscribe again', async () => {
    const id = (
      await t.gql(
        `{ subscriptions(organisationKey: "${KIEL}", serviceSlug: "bauantrag") { edges { node { id } } } }`,
        {},
        kielAdmin,
      )
    ).data?.subscriptions.edges[0].node.id;
    const suspend = await t.gql(
      `mutation($id: ID!) { suspendSubscription(id: $id, reason: "Sicherheitsvorfall") { state stateReason } }`,
      { id },
      maintainer,
    );
    expect(suspend.data?.suspendSubscription).toEqual({
      state: 'SUSPENDED',
      stateReason: 'Sicherheitsvorfall',
    });
    expect(
      errorCode(
        await t.gql(`mutation($id: ID!) { approveSubscription(id: $id) { state } }`, { id }, maintainer),
      ),
    ).toBe('CONFLICT');
    expect(
      (await t.gql(`mutation($id: ID!) { resumeSubscription(id: $id) { state } }`, { id }, maintainer)).data
        ?.resumeSubscription.state,
    ).toBe('ACTIVE');
    const terminated = await t.gql(
      `mutation($id: ID!) { terminateSubscription(id: $id, reason: "Eigene Lösung") { state stateReason } }`,
      { id },
      kielAdmin,
    );
    expect(terminated.data?.terminateSubscription).toEqual({
      state: 'TERMINATED',
      stateReason: 'Eigene Lösung',
    });
    const again = await t.gql(
      `mutation($id: ID!) { resumeSubscription(id: $id) { state } }`,
      { id },
      maintainer,
    );
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0].message).toContain('TERMINATED');
    expect((await request(manual, '^1.0.0', kielAdmin)).data?.requestSubscription.state).toBe('REQUESTED');
  });

  it('checks deployment reports: a published version inside the range', async () => {
    const id = (
      await t.gql(`{ subscriptions(serviceSlug: "wohngeld") { edges { node { id } } } }`, {}, kielAdmin)
    ).data?.subscriptions.edges[0].node.id;
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "2.9.0") { id } }`,
          { id },
          kielAdmin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "3.0.0") { id } }`,
          { id },
          maintainer,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      (
        await t.gql(
          `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "3.0.0") { deployedVersion } }`,
          { id },
          kielAdmin,
        )
      ).data?.reportDeployment,
    ).toEqual({ deployedVersion: '3.0.0' });
  });

  it('isolates tenants: Lübeck cannot read, change, terminate or report on Kiel’s subscription', async () => {
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

  it('moves the target when the target release is deprecated, and refuses new subscriptions to a deprecated service', async () => {
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

  it('lets a municipality subscribe only for itself', async () => {
    expect(errorCode(await request(automatic, '3.x', kielAdmin, LUEBECK))).toBe('FORBIDDEN');
    expect(errorCode(await request(manual, '^1.0.0', maintainer))).toBe('FORBIDDEN');
  });

  it('rejects with a reason, and the organisation may ask again', async () => {
    const svc = await registerService(t, { slug: 'reject-me', ownerKey: 'dataport' });
    await publishRelease(t, svc, '1.0.0');
    const first = (await request(svc, '^1.0.0', kielAdmin)).data?.requestSubscription;
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { rejectSubscription(id: $id, reason: " ") { id } }`,
          { id: first.id },
          maintainer,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const rejected = await t.gql(
      `mutation($id: ID!) { rejectSubscription(id: $id, reason: "Keine Vereinbarung") { state stateReason decidedAt } }`,
      { id: first.id },
      maintainer,
    );
    expect(rejected.data?.rejectSubscription).toEqual({
      state: 'REJECTED',
      stateReason: 'Keine Vereinbarung',
      decidedAt: '2026-11-28T10:00:00.000Z',
    });
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { terminateSubscription(id: $id, reason: "x") { id } }`,
          { id: first.id },
          kielAdmin,
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { approveSubscription(id: $id) { id } }`,
          { id: first.id },
          kielAdmin,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect((await request(svc, '^1.0.0', kielAdmin)).data?.requestSubscription.state).toBe('REQUESTED');
  });

  it('applies npm range rules to pre-releases and deployments', async () => {
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

  it('lets an OPERATOR act for any organisation, refuses staff without the admin role and retired services', async () => {
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
