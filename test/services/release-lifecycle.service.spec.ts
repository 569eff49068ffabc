import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { Transactions } from '#src/database/transactions';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import { ReleaseState, Verdict } from '#src/releases/release-enums';
import { ReleaseLifecycleService } from '#src/releases/release-lifecycle.service';
import { ReleaseRepository } from '#src/releases/release.repository';
import { ReleaseReviewService } from '#src/releases/release-review.service';
import { registerOrganisation, registerService } from '../support/factories';
import { startTestApp, useWorld, type TestApp } from '../support/test-app';
import { person } from '../support/viewers';

/**
 * The lifecycle's rules on the service itself (real PostgreSQL): a retired service takes no
 * release, only the owner changes a release, and only a QA-passed release is published and
 * adoptable.
 */

const DIGEST = `sha256:${'e'.repeat(64)}`;

interface World {
  t: TestApp;
  sut: ReleaseLifecycleService;
  serviceId: string;
  retiredId: string;
  mia: Viewer;
  max: Viewer;
}

async function startWorld(): Promise<World> {
  const t = await startTestApp();
  await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
  await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
  const orgs: { id: string; key: string }[] = await t.db.query(`SELECT id, key FROM organisation`);
  const org = (key: string) => orgs.find((o) => o.key === key)!;
  return {
    t,
    sut: t.app.get(ReleaseLifecycleService),
    serviceId: await registerService(t, { slug: 'bauantrag', ownerKey: 'dataport' }),
    retiredId: await registerService(t, { slug: 'altantrag', ownerKey: 'dataport', lifecycle: 'RETIRED' }),
    mia: person('mia', [Role.MAINTAINER], org('dataport')),
    max: person('max', [Role.MAINTAINER], org('komfit')),
  };
}

describe(ReleaseLifecycleService.name, () => {
  const w = useWorld(startWorld, (world) => world.t.close());

  it('refuses a release of a retired service, by hand or imported', async () => {
    await expect(
      w.sut.create(w.mia, { serviceId: w.retiredId, version: '1.0.0', artifactDigest: DIGEST }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Service altantrag is RETIRED and takes no new releases',
      details: { lifecycle: 'RETIRED' },
    });
    const imported = await w.t.app.get(Transactions).run({ kind: 'system', subject: 'github' }, (tx) =>
      w.sut.createImported(tx, w.retiredId, {
        version: '1.0.0',
        notes: null,
        artifactDigest: DIGEST,
        artifactUrl: null,
        sender: 'octocat',
        source: { delivery: 'd-1', url: null, sender: 'octocat' },
      }),
    );
    expect(imported).toEqual({ skipped: 'altantrag is RETIRED and takes no new releases' });
  });

  it('lets only the owner’s MAINTAINERs change a release: others get FORBIDDEN, or NOT_FOUND when they cannot see it', async () => {
    const release = await w.sut.create(w.mia, {
      serviceId: w.serviceId,
      version: '1.0.0',
      artifactDigest: DIGEST,
    });
    await expect(
      w.sut.create(w.max, { serviceId: w.serviceId, version: '1.0.1', artifactDigest: DIGEST }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: "Only the owner's MAINTAINERs and OPERATORs may create releases",
    });
    await expect(w.sut.submit(w.max, release.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const reviewer = person('sina', [Role.REVIEWER_SECURITY]);
    await expect(w.sut.submit(reviewer, release.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: "Only the owner's MAINTAINERs and OPERATORs may change a release",
    });
    expect((await w.sut.submit(w.mia, release.id)).state).toBe(ReleaseState.IN_REVIEW);
    await expect(w.sut.submit(w.mia, release.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Cannot submit release 1.0.0: it is IN_REVIEW',
    });
  });

  it('publishes only an APPROVED release, and only then is it adoptable', async () => {
    const { id } = await w.sut.create(w.mia, {
      serviceId: w.serviceId,
      version: '2.0.0',
      artifactDigest: DIGEST,
    });
    await w.sut.submit(w.mia, id);
    await expect(w.sut.publish(w.mia, id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'Cannot publish release 2.0.0: it is IN_REVIEW (USABILITY: needs 1 more USABILITY approval; SECURITY: needs 1 more SECURITY approval; INTERFACES: needs 1 more INTERFACES approval)',
      details: { state: ReleaseState.IN_REVIEW },
    });
    const repository = w.t.app.get(ReleaseRepository);
    expect((await repository.adoptableOf([w.serviceId])).get(w.serviceId)).toEqual([]);
    const review = w.t.app.get(ReleaseReviewService);
    for (const kind of Object.values(QaGateKind)) {
      const role = {
        USABILITY: Role.REVIEWER_USABILITY,
        SECURITY: Role.REVIEWER_SECURITY,
        INTERFACES: Role.REVIEWER_INTERFACES,
      }[kind];
      await review.signOff(person(`r-${kind}`, [role]), { releaseId: id, kind, verdict: Verdict.APPROVE });
    }
    expect((await w.sut.publish(w.mia, id)).state).toBe(ReleaseState.PUBLISHED);
    expect((await repository.adoptableOf([w.serviceId])).get(w.serviceId)!.map((r) => r.version)).toEqual([
      '2.0.0',
    ]);
    await w.sut.deprecate(w.mia, id, 'Sicherheitslücke');
    expect((await repository.adoptableOf([w.serviceId])).get(w.serviceId)).toEqual([]);
  });
});
