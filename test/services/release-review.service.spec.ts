import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import { ReleaseState, Verdict } from '#src/releases/release-enums';
import { ReleaseLifecycleService } from '#src/releases/release-lifecycle.service';
import { ReleaseReviewService } from '#src/releases/release-review.service';
import { registerOrganisation, registerService } from '../support/factories';
import { startTestApp, useWorld, type TestApp } from '../support/test-app';
import { person } from '../support/viewers';

/**
 * The review's rules, asserted on the service itself (real PostgreSQL, no GraphQL): the
 * four-eyes principle, operators never review, a replacing sign-off, the waiver's limits and
 * the review queue.
 */

const DIGEST = `sha256:${'d'.repeat(64)}`;
const DAY = 86_400_000;

interface World {
  t: TestApp;
  sut: ReleaseReviewService;
  lifecycle: ReleaseLifecycleService;
  serviceId: string;
  /** Mia, MAINTAINER at Dataport (the owner), who also holds the SECURITY reviewer role. */
  mia: Viewer;
  reviewers: Record<QaGateKind, Viewer>;
  operator: Viewer;
}

async function startWorld(): Promise<World> {
  const t = await startTestApp();
  await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
  const [dataport]: { id: string }[] = await t.db.query(`SELECT id FROM organisation WHERE key = 'dataport'`);
  const serviceId = await registerService(t, { slug: 'bauantrag', ownerKey: 'dataport' });
  return {
    t,
    sut: t.app.get(ReleaseReviewService),
    lifecycle: t.app.get(ReleaseLifecycleService),
    serviceId,
    mia: person('mia', [Role.MAINTAINER, Role.REVIEWER_SECURITY], { id: dataport.id, key: 'dataport' }),
    reviewers: {
      [QaGateKind.USABILITY]: person('uwe', [Role.REVIEWER_USABILITY]),
      [QaGateKind.SECURITY]: person('sina', [Role.REVIEWER_SECURITY]),
      [QaGateKind.INTERFACES]: person('ingo', [Role.REVIEWER_INTERFACES]),
    },
    operator: person('olaf', [Role.OPERATOR]),
  };
}

describe(ReleaseReviewService.name, () => {
  const w = useWorld(startWorld, (world) => world.t.close());

  /** A release of "bauantrag" created and submitted by Mia; its id. */
  async function submitted(version: string): Promise<string> {
    const release = await w.lifecycle.create(w.mia, {
      serviceId: w.serviceId,
      version,
      artifactDigest: DIGEST,
    });
    await w.lifecycle.submit(w.mia, release.id);
    return release.id;
  }

  const sign = (viewer: Viewer, releaseId: string, kind: QaGateKind, verdict = Verdict.APPROVE) =>
    w.sut.signOff(viewer, { releaseId, kind, verdict, comment: verdict === Verdict.REJECT ? 'Nein' : null });

  it('refuses the creator’s own sign-off (the four-eyes principle)', async () => {
    const id = await submitted('1.0.0');
    await expect(sign(w.mia, id, QaGateKind.SECURITY)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'The four-eyes principle: you cannot sign off a release you created',
    });
  });

  it('refuses an operator, even one whose token names the reviewer role', async () => {
    const id = await submitted('1.0.1');
    const olga = person('olga', [Role.OPERATOR, Role.REVIEWER_SECURITY]);
    await expect(sign(olga, id, QaGateKind.SECURITY)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'An OPERATOR is never a reviewer, whatever other roles the token names',
    });
    await expect(sign(w.reviewers.USABILITY, id, QaGateKind.SECURITY)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Signing off a SECURITY gate needs the role REVIEWER_SECURITY',
    });
    expect(await w.sut.reviewQueue(olga, null)).toEqual([]);
  });

  it('lets a REJECT and then an APPROVE by the same reviewer bring the release back to APPROVED', async () => {
    const id = await submitted('1.1.0');
    for (const kind of Object.values(QaGateKind)) {
      await sign(w.reviewers[kind], id, kind);
    }
    const rejected = await sign(w.reviewers.SECURITY, id, QaGateKind.SECURITY, Verdict.REJECT);
    expect(rejected.release.state).toBe(ReleaseState.REJECTED);
    const back = await sign(w.reviewers.SECURITY, id, QaGateKind.SECURITY);
    expect(back.release.state).toBe(ReleaseState.APPROVED);
    const actions: { action: string }[] = await w.t.db.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 AND action IN ('release.approve', 'release.reject') ORDER BY seq`,
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual(['release.approve', 'release.reject', 'release.approve']);
  });

  it('refuses a sign-off on a release that is not in review, naming its state', async () => {
    const draft = await w.lifecycle.create(w.mia, {
      serviceId: w.serviceId,
      version: '1.2.0',
      artifactDigest: DIGEST,
    });
    await expect(sign(w.reviewers.SECURITY, draft.id, QaGateKind.SECURITY)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Cannot sign off release 1.2.0: it is DRAFT',
      details: { state: ReleaseState.DRAFT },
    });
  });

  it('takes a waiver only with an expiry in the future and at most 366 days ahead', async () => {
    const id = await submitted('1.3.0');
    const now = w.t.clock.now().getTime();
    const waive = (expiresAt: Date) =>
      w.sut.waive(w.operator, {
        releaseId: id,
        kind: QaGateKind.USABILITY,
        reason: 'Test',
        ticket: 'T-1',
        expiresAt,
      });
    await expect(waive(new Date(now - DAY))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'input.expiresAt' },
    });
    await expect(waive(new Date(now + 367 * DAY))).rejects.toMatchObject({
      message: 'input.expiresAt: must lie at most 366 days ahead',
    });
    const { gate } = await waive(new Date(now + 30 * DAY));
    expect(gate.waiver).toMatchObject({ reason: 'Test', ticket: 'T-1', grantedBy: { subject: 'olaf' } });
  });

  it('queues the gates of a reviewer’s kinds, not its own releases, until it has signed them', async () => {
    const id = await submitted('1.4.0');
    const queued = (viewer: Viewer) =>
      w.sut.reviewQueue(viewer, null).then((views) => views.filter((v) => v.gate.releaseId === id));
    expect((await queued(w.reviewers.SECURITY)).map((v) => v.gate.kind)).toEqual([QaGateKind.SECURITY]);
    expect(await queued(w.mia)).toEqual([]);
    await sign(w.reviewers.SECURITY, id, QaGateKind.SECURITY);
    expect(await queued(w.reviewers.SECURITY)).toEqual([]);
  });
});
