import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { SubscriptionWorkflowService } from '#src/subscriptions/subscription-workflow.service';
import { SubscriptionsService } from '#src/subscriptions/subscriptions.service';
import { KIEL, LUEBECK, publishRelease, registerOrganisation, registerService } from '../support/factories';
import { startTestApp, useWorld, type TestApp } from '../support/test-app';

/**
 * The subscription rules called on the services directly (real PostgreSQL, no GraphQL): the
 * transitions, the open-subscription uniqueness, the lifecycle and range rules, the check order.
 */

interface World {
  t: TestApp;
  sut: SubscriptionWorkflowService;
  reads: SubscriptionsService;
  kielAdmin: Viewer;
  luebeckAdmin: Viewer;
  maintainer: Viewer;
  operator: Viewer;
  /** A new service of dataport's (MANUAL approval) with 1.0.0 and 1.1.0 published: a test of its own. */
  freshService(slug: string): Promise<string>;
}

async function start(): Promise<World> {
  const t = await startTestApp();
  await registerOrganisation(t, { key: '010000000000', kind: 'STATE' });
  await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000' });
  await registerOrganisation(t, { key: LUEBECK, kind: 'MUNICIPALITY', parentKey: '010000000000' });
  await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
  const freshService = async (slug: string) => {
    const id = await registerService(t, { slug, ownerKey: 'dataport', lifecycle: 'ACTIVE' });
    await publishRelease(t, id, '1.0.0');
    await publishRelease(t, id, '1.1.0');
    return id;
  };
  const rows: { id: string; key: string }[] = await t.db.query(`SELECT id, key FROM organisation`);
  const org = (key: string) => ({ id: rows.find((row) => row.key === key)!.id, key });
  const viewer = (subject: string, roles: Role[], key: string | null): Viewer => ({
    subject,
    name: subject,
    roles,
    organisation: key ? org(key) : null,
  });
  return {
    t,
    sut: t.app.get(SubscriptionWorkflowService),
    reads: t.app.get(SubscriptionsService),
    freshService,
    kielAdmin: viewer('kim', [Role.MUNICIPALITY_ADMIN], KIEL),
    luebeckAdmin: viewer('lea', [Role.MUNICIPALITY_ADMIN], LUEBECK),
    maintainer: viewer('mia', [Role.MAINTAINER], 'dataport'),
    operator: viewer('olaf', [Role.OPERATOR], null),
  };
}

describe(SubscriptionWorkflowService.name, () => {
  const w = useWorld(start, (world) => world.t.close());

  it('refuses a second open subscription (the unique index), and allows a new one after termination', async () => {
    const { sut, kielAdmin } = w;
    const service = await w.freshService('unique');
    const first = await sut.request(kielAdmin, { serviceId: service, versionRange: '^1.0.0' });
    expect(first).toMatchObject({ state: 'REQUESTED', decidedAt: null });
    await expect(
      sut.request(kielAdmin, { serviceId: service, versionRange: '^1.1.0' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'The organisation has a requested, active or suspended subscription to this service already',
    });
    await sut.terminate(kielAdmin, first.id, 'no longer needed');
    expect((await sut.request(kielAdmin, { serviceId: service, versionRange: '^1.0.0' })).state).toBe(
      'REQUESTED',
    );
  });

  it('moves through the table: approve, suspend, resume, terminate; TERMINATED is final', async () => {
    const { sut, luebeckAdmin, maintainer } = w;
    const service = await w.freshService('journey');
    const sub = await sut.request(luebeckAdmin, { serviceId: service, versionRange: '^1.0.0' });
    expect(await sut.approve(maintainer, sub.id, 'NNV-1')).toMatchObject({
      state: 'ACTIVE',
      agreementReference: 'NNV-1',
    });
    expect((await sut.suspend(maintainer, sub.id, 'incident')).state).toBe('SUSPENDED');
    expect((await sut.resume(maintainer, sub.id)).state).toBe('ACTIVE');
    expect(await sut.terminate(maintainer, sub.id, 'contract ended')).toMatchObject({
      state: 'TERMINATED',
      stateReason: 'contract ended',
    });
    await expect(sut.resume(maintainer, sub.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Cannot resume the subscription: it is TERMINATED',
      details: { state: 'TERMINATED' },
    });
  });

  it('answers NOT_FOUND to those who may not see it, then FORBIDDEN, then CONFLICT naming the state', async () => {
    const { sut, kielAdmin, luebeckAdmin, maintainer } = w;
    const service = await w.freshService('check-order');
    const sub = await sut.request(kielAdmin, { serviceId: service, versionRange: '^1.0.0' });
    await expect(sut.approve(luebeckAdmin, sub.id, null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(sut.approve(kielAdmin, 'not-a-uuid', null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(sut.approve(kielAdmin, sub.id, null)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: "Only the service owner's MAINTAINERs and OPERATORs may approve this subscription",
    });
    await expect(sut.reportDeployment(maintainer, sub.id, '1.0.0')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message:
        "Only the subscriber's MUNICIPALITY_ADMINs and OPERATORs may report a deployment on this subscription",
    });
    await expect(sut.reportDeployment(kielAdmin, sub.id, '1.0.0')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Cannot report a deployment on the subscription: it is REQUESTED',
      details: { state: 'REQUESTED' },
    });
    await expect(
      sut.request(maintainer, { serviceId: service, versionRange: '^1.0.0', organisationKey: LUEBECK }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: `Only ${LUEBECK}'s MUNICIPALITY_ADMIN or an OPERATOR may subscribe for it`,
    });
  });

  it('refuses a request to a DEPRECATED service (CONFLICT)', async () => {
    const { t, sut, kielAdmin } = w;
    const old = await registerService(t, { slug: 'alt', ownerKey: 'dataport', lifecycle: 'ACTIVE' });
    await publishRelease(t, old, '1.0.0');
    const mia = await t.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia' });
    const updated = await t.gql(
      `mutation($id: ID!) { updateService(id: $id, input: { lifecycle: DEPRECATED }) { lifecycle } }`,
      { id: old },
      mia,
    );
    expect(updated.errors).toBeUndefined();
    await expect(sut.request(kielAdmin, { serviceId: old, versionRange: '^1.0.0' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Service alt is DEPRECATED and takes no new subscriptions',
      details: { lifecycle: 'DEPRECATED' },
    });
  });

  it('refuses a range without a published release (BAD_USER_INPUT), on request and on a change', async () => {
    const { sut, kielAdmin, operator } = w;
    const service = await w.freshService('ranges');
    await expect(
      sut.request(operator, { serviceId: service, versionRange: '^2.0.0', organisationKey: LUEBECK }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message:
        'input.versionRange: no published release satisfies the range "^2.0.0" (published: 1.1.0, 1.0.0)',
      details: { field: 'input.versionRange' },
    });
    const open = await sut.request(kielAdmin, { serviceId: service, versionRange: '^1.0.0' });
    await expect(sut.changeRange(kielAdmin, open.id, '~1.2.0')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'versionRange' },
    });
    expect((await sut.changeRange(kielAdmin, open.id, '~1.1.0')).versionRange).toBe('~1.1.0');
  });

  it('accepts a deployment report only for a published version inside the range (BAD_USER_INPUT)', async () => {
    const { sut, luebeckAdmin, maintainer } = w;
    const service = await w.freshService('deployments');
    const sub = await sut.request(luebeckAdmin, { serviceId: service, versionRange: '~1.0.0' });
    await sut.approve(maintainer, sub.id, null);
    await expect(sut.reportDeployment(luebeckAdmin, sub.id, '1.1.0')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'version: 1.1.0 is outside the range "~1.0.0"',
      details: { field: 'version' },
    });
    await expect(sut.reportDeployment(luebeckAdmin, sub.id, '1.0.9')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'version: 1.0.9 is not a published release of this service',
    });
    expect((await sut.reportDeployment(luebeckAdmin, sub.id, '1.0.0')).deployedVersion).toBe('1.0.0');
  });

  it(`${SubscriptionsService.name} lists a subscription to the subscriber, the owner and OPERATORs only`, async () => {
    const { sut, reads, kielAdmin, luebeckAdmin, maintainer, operator } = w;
    const service = await w.freshService('visibility');
    const sub = await sut.request(kielAdmin, { serviceId: service, versionRange: '^1.0.0' });
    const ids = async (viewer: Viewer) =>
      (await reads.list(viewer, { serviceSlug: 'visibility' }, 10, null)).edges.map((e) => e.node.id);
    expect(await ids(kielAdmin)).toEqual([sub.id]);
    expect(await ids(maintainer)).toEqual([sub.id]);
    expect(await ids(operator)).toEqual([sub.id]);
    expect(await ids(luebeckAdmin)).toEqual([]);
  });
});
