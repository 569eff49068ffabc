import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '#src/common/clock';
import type { Tx } from '#src/database/transactions';
import { QaRepository } from '#src/qa/qa.repository';
import { QaGateStatus } from '#src/qa/qa-enums';
import { gateOutcome, stateFromGates, type GateView } from '#src/qa/qa.rules';
import { ReleaseState } from './release-enums';
import type { ReleaseEntity } from './release.entity';
import { ReleaseRepository } from './release.repository';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import { impactOf, releaseStateOf, REVIEW_STATES, type Impact, type PublicationFacts } from './release.rules';

/** Everything derived about a release at one moment: its baseline, impact, gates and state. */
export interface Evaluation {
  release: ReleaseEntity;
  baseline: ReleaseEntity | null;
  impact: Impact;
  gates: GateView[];
  state: ReleaseState;
}

const SETTLED_ACTION: Partial<Record<ReleaseState, string>> = {
  [ReleaseState.APPROVED]: 'release.approve',
  [ReleaseState.REJECTED]: 'release.reject',
  [ReleaseState.IN_REVIEW]: 'release.reopen',
};

/**
 * Derives a batch of releases (domain.md, "Releases and QA gates"): baseline, impact, each gate's
 * outcome and the state, in three statements (gates, their sign-offs, baselines); and settles
 * the stored state of a release in review after a change.
 */
@Injectable()
export class ReleaseEvaluation {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly releases: ReleaseRepository,
    private readonly qa: QaRepository,
    private readonly clock: Clock,
  ) {}

  /** Inside `tx` (its manager and its moment) or, without one, outside any transaction and now. */
  async evaluate(releases: readonly ReleaseEntity[], tx?: Tx): Promise<Evaluation[]> {
    if (releases.length === 0) {
      return [];
    }
    const manager = tx?.manager ?? this.db.manager;
    const now = tx?.now ?? this.clock.now();
    const ids = releases.map((r) => r.id);
    const gates = await this.qa.gatesOf(manager, ids);
    const signOffs = await this.qa.signOffsOf(
      manager,
      gates.map((g) => g.id),
    );
    const baselineFor = await this.releases.baselines(manager, ids);
    return releases.map((release) => {
      const baseline = baselineFor.get(release.id) ?? null;
      const impact = impactOf(release, baseline);
      const views = gates
        .filter((g) => g.releaseId === release.id)
        .map((gate) => {
          const gateSignOffs = signOffs.filter((s) => s.gateId === gate.id);
          const outcome = gateOutcome(
            {
              kind: gate.kind,
              requiredApprovals: gate.requiredApprovals,
              signOffs: gateSignOffs.map((s) => ({
                verdict: s.verdict,
                reviewerName: s.reviewer.name ?? s.reviewer.subject,
                comment: s.comment,
                outdated: s.outdated,
              })),
              waiverExpiresAt: gate.waiver ? new Date(gate.waiver.expiresAt) : null,
              inconsistency: impact.inconsistency,
            },
            now,
          );
          const view: GateView = { gate, signOffs: gateSignOffs, outcome };
          return view;
        });
      const inReview = REVIEW_STATES.includes(release.state);
      const state = inReview
        ? releaseStateOf(stateFromGates(views.map((v) => v.outcome.status)))
        : release.state;
      for (const view of views) {
        view.pendingSince =
          inReview && view.outcome.status === QaGateStatus.PENDING ? release.submittedAt : null;
      }
      return { release, baseline, impact, gates: views, state };
    });
  }

  /** The state a release shows now (derived from its gates and the clock while in review). */
  async currentState(tx: Tx, release: ReleaseEntity): Promise<ReleaseState> {
    if (!REVIEW_STATES.includes(release.state)) {
      return release.state;
    }
    return (await this.evaluate([release], tx))[0].state;
  }

  /**
   * After a change in review: the stored state follows the gates, and a transition (from the state
   * the release showed before the change) is audited once: the release row is locked, so
   * concurrent sign-offs see each other's work.
   */
  async settle(tx: Tx, release: ReleaseEntity, before: ReleaseState): Promise<void> {
    if (!REVIEW_STATES.includes(release.state)) {
      return;
    }
    const [evaluation] = await this.evaluate([release], tx);
    const after = evaluation.state;
    if (after !== release.state) {
      await this.releases.update(tx.manager, release.id, { state: after });
    }
    if (after !== before) {
      tx.audit(SETTLED_ACTION[after] ?? 'release.state', 'Release', release.id, { from: before, to: after });
    }
    release.state = after;
  }
}

/** What `assertPublishable` checks, from an evaluation: publishRelease and `Release.actions` share it. */
export function publicationFactsOf(evaluation: Evaluation): PublicationFacts {
  return {
    version: evaluation.release.version,
    state: evaluation.state,
    expiredWaivers: evaluation.gates
      .filter((view) => view.outcome.waiverExpired)
      .map((view) => ({ kind: view.gate.kind, expiresAt: view.gate.waiver!.expiresAt })),
    inconsistency: evaluation.impact.inconsistency,
    hasInterfacesGate: evaluation.gates.some((view) => view.gate.kind === QaGateKind.INTERFACES),
    blocked: evaluation.gates
      .filter((view) => view.outcome.blockedReason)
      .map((view) => `${view.gate.kind}: ${view.outcome.blockedReason}`),
  };
}
