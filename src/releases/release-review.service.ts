import { Injectable } from '@nestjs/common';
import { userOf } from '#src/common/auth/user-ref';
import { actorOf, isOperator, type Viewer } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import { isUuid } from '#src/common/ids';
import { Transactions, type Tx } from '#src/database/transactions';
import type { QaGateEntity } from '#src/qa/qa-gate.entity';
import type { QaGateKind } from '#src/qa/qa-policy.rules';
import { awaitsSignOffBy } from '#src/qa/qa.access';
import { QaRepository } from '#src/qa/qa.repository';
import {
  assertFourEyes,
  assertMayReview,
  assertRejectGivesReason,
  checkWaiverExpiry,
  reviewerKinds,
  waiverOf,
  type GateView,
} from '#src/qa/qa.rules';
import type { SignOffInput, WaiveGateInput } from './dto/release.inputs';
import type { ReleaseEntity } from './release.entity';
import { ReleaseEvaluation } from './release-evaluation';
import { ReleaseRepository } from './release.repository';
import { checkRelease, type ReleaseCapacity } from './release.rules';

const REVIEWER: ReadonlySet<ReleaseCapacity> = new Set(['reviewer']);

/**
 * The review of a release in its QA gates (domain.md, "QA gates"): sign-offs, waivers and the
 * review queue. Each change locks the release through the repository, applies the QA module's
 * rules and writes through its repository, then settles the release's state.
 */
@Injectable()
export class ReleaseReviewService {
  constructor(
    private readonly releases: ReleaseRepository,
    private readonly qa: QaRepository,
    private readonly evaluation: ReleaseEvaluation,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** PENDING gates the viewer may sign: its reviewer kinds, not its own releases, not yet signed by it; oldest first. */
  async reviewQueue(viewer: Viewer, kind: QaGateKind | null): Promise<GateView[]> {
    const kinds = reviewerKinds(viewer, kind);
    if (kinds.length === 0) {
      return [];
    }
    const releases = await this.releases.reviewCandidates(kinds, viewer.subject);
    const evaluations = await this.evaluation.evaluate(releases);
    return evaluations.flatMap((evaluation) =>
      evaluation.gates.filter((view) => awaitsSignOffBy(view, viewer, kinds)),
    );
  }

  async signOff(
    viewer: Viewer,
    input: SignOffInput,
  ): Promise<{ release: ReleaseEntity; gate: QaGateEntity }> {
    assertMayReview(viewer, input.kind);
    assertRejectGivesReason(input);
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lock(tx, input.releaseId);
      assertFourEyes(release.authorSubject, viewer);
      checkRelease('signOff', release, REVIEWER);
      const before = await this.evaluation.currentState(tx, release);
      const gate = await this.gateOf(tx, release, input.kind);
      await this.qa.replaceSignOff(tx, {
        gateId: gate.id,
        reviewer: userOf(viewer),
        reviewerSubject: viewer.subject,
        verdict: input.verdict,
        comment: input.comment ?? null,
        evidenceUrl: input.evidenceUrl ?? null,
        artifactDigest: release.artifactDigest,
      });
      tx.audit('release.signOff', 'Release', release.id, {
        gate: input.kind,
        verdict: input.verdict,
        comment: input.comment ?? null,
        artifactDigest: release.artifactDigest,
      });
      await this.evaluation.settle(tx, release, before);
      return { release, gate };
    });
  }

  async waive(
    viewer: Viewer,
    input: WaiveGateInput,
  ): Promise<{ release: ReleaseEntity; gate: QaGateEntity }> {
    checkWaiverExpiry(input.expiresAt, this.clock.now());
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lock(tx, input.releaseId);
      checkRelease('waive', release, new Set<ReleaseCapacity>(isOperator(viewer) ? ['operator'] : []));
      const before = await this.evaluation.currentState(tx, release);
      const gate = await this.gateOf(tx, release, input.kind);
      gate.waiver = waiverOf(input, userOf(viewer), tx.now);
      await this.qa.setWaiver(tx.manager, gate.id, gate.waiver);
      tx.audit('release.waiveGate', 'Release', release.id, {
        gate: input.kind,
        reason: input.reason,
        ticket: input.ticket,
        expiresAt: gate.waiver.expiresAt,
      });
      await this.evaluation.settle(tx, release, before);
      return { release, gate };
    });
  }

  /** Locks the release (FOR UPDATE): the review of one release takes turns. Reviewers and OPERATORs see every release. */
  private async lock(tx: Tx, id: string): Promise<ReleaseEntity> {
    const release = isUuid(id) ? await this.releases.lock(tx, id) : null;
    if (!release) {
      throw DomainError.notFound('Release', id);
    }
    return release;
  }

  private async gateOf(tx: Tx, release: ReleaseEntity, kind: QaGateKind): Promise<QaGateEntity> {
    const gate = await this.qa.gateOf(tx.manager, release.id, kind);
    if (!gate) {
      throw DomainError.badInput('input.kind', 'NO_SUCH_GATE', { version: release.version, kind });
    }
    return gate;
  }
}
