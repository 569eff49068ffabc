import { publishRelease, registerService } from '../support/factories';
import { KIEL, SUB_FIELDS, useSubscriptionWorld } from '../support/subscriptions';
import { errorCode } from '../support/test-app';

/** A municipality asks for a service, the owner decides, deployments are reported; suspended, terminated, rejected. */
describe('subscriptions (Nachnutzung): from request to termination', () => {
  const w = useSubscriptionWorld();

  it('takes a municipality from request through approval and deployment to an available upgrade', async () => {
    const { t, manual, kielAdmin, maintainer, operator, request } = w;
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
    const { automatic, kielAdmin, request } = w;
    const result = (await request(automatic, '3.x', kielAdmin)).data?.requestSubscription;
    expect(result).toMatchObject({
      state: 'ACTIVE',
      decidedAt: '2026-11-28T10:00:00.000Z',
      targetRelease: { version: '3.0.0' },
    });
  });

  it('refuses a second open subscription, also when two requests race', async () => {
    const { manual, kielAdmin, luebeckAdmin, request } = w;
    expect(errorCode(await request(manual, '^1.1.0', kielAdmin))).toBe('CONFLICT');
    const racing = await Promise.all([
      request(manual, '^1.0.0', luebeckAdmin),
      request(manual, '~1.1.0', luebeckAdmin),
    ]);
    expect(racing.filter((r) => !r.errors)).toHaveLength(1);
    expect(racing.map(errorCode).filter(Boolean)).toEqual(['CONFLICT']);
  });

  it('suspends with a reason, resumes, terminates, and lets the organisation subscribe again', async () => {
    const { t, manual, kielAdmin, maintainer, request } = w;
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
    const { t, kielAdmin, maintainer } = w;
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

  it('rejects with a reason, and the organisation may ask again', async () => {
    const { t, kielAdmin, maintainer, request } = w;
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
});
