import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { UserRef } from '#src/common/auth/user-ref';
import { QaGateHold, QaGateStatus, Verdict } from './qa-enums';
import { QaGateKind } from './qa-policy.rules';
import { waiverExpired, type GateEvidence, type GateView } from './qa.rules';

/** The GraphQL types of QA: gates, sign-offs and waivers, and how a gate as read becomes one. */

registerEnumType(QaGateStatus, { name: 'QaGateStatus' });
registerEnumType(Verdict, { name: 'Verdict' });
registerEnumType(QaGateHold, {
  name: 'QaGateHold',
  valuesMap: {
    SEMVER_INCONSISTENT: {
      description:
        'The release is breaking without a major version: approvals are recorded, but the INTERFACES gate stays PENDING until the version is corrected (a new release) or the gate is waived',
    },
  },
});

@ObjectType()
export class Waiver {
  @Field()
  reason!: string;

  @Field()
  ticket!: string;

  @Field()
  expiresAt!: Date;

  @Field()
  expired!: boolean;

  grantedByUser!: UserRef;
}

@ObjectType()
export class SignOff {
  @Field(() => ID)
  id!: string;

  reviewerUser!: UserRef;

  @Field(() => Verdict)
  verdict!: Verdict;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => String, { nullable: true })
  evidenceUrl!: string | null;

  @Field({ description: 'The digest that was reviewed' })
  artifactDigest!: string;

  @Field({ description: "The release's artifact changed after this sign-off" })
  outdated!: boolean;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class QaGate {
  @Field(() => ID)
  id!: string;

  /** The releases module resolves the `release` field from it. */
  releaseId!: string;

  @Field(() => QaGateKind)
  kind!: QaGateKind;

  @Field(() => QaGateStatus)
  status!: QaGateStatus;

  @Field(() => Int)
  requiredApprovals!: number;

  @Field(() => Int, { description: 'Current, non-outdated APPROVE sign-offs' })
  approvals!: number;

  @Field(() => [SignOff])
  signOffs!: SignOff[];

  @Field(() => Waiver, { nullable: true })
  waiver!: Waiver | null;

  @Field(() => String, {
    nullable: true,
    description: 'What is missing, in words, when it is neither PASSED nor WAIVED',
  })
  blockedReason!: string | null;

  @Field(() => QaGateHold, {
    nullable: true,
    description: "What holds the gate's status whatever reviewers sign; null when sign-offs decide it",
  })
  hold!: QaGateHold | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Since when a PENDING gate of a release in review has waited: its submission; null otherwise',
  })
  pendingSince!: Date | null;
}

@ObjectType({
  description:
    "The public QA evidence of one gate of a PUBLISHED release: what anyone may read. The reviewers' names and comments stay in Release.gates, for those who may read them",
})
export class QaEvidence {
  @Field(() => QaGateKind)
  kind!: QaGateKind;

  @Field(() => QaGateStatus, {
    description: 'The status the gate had when the release was published: PASSED or WAIVED',
  })
  status!: QaGateStatus;

  @Field(() => Int, { description: "The approvals the gate needed (the service's QA policy at submission)" })
  requiredApprovals!: number;

  @Field(() => Int, { description: 'Current, non-outdated APPROVE sign-offs' })
  approvals!: number;

  @Field(() => Date, { nullable: true, description: "The waiver's expiry, for a WAIVED gate" })
  waiverExpiresAt!: Date | null;

  @Field({ description: 'A waiver exists and its expiry has passed (now, not at publication)' })
  waiverExpired!: boolean;
}

/** A gate's public evidence as the API shows it at `now`. */
export function toEvidence(evidence: GateEvidence, now: Date): QaEvidence {
  return {
    ...evidence,
    waiverExpired: evidence.waiverExpiresAt !== null && evidence.waiverExpiresAt.getTime() <= now.getTime(),
  };
}

/** A gate as read (with its derived outcome) as the API shows it at `now`. */
export function toGate(view: GateView, now: Date): QaGate {
  const { gate, outcome } = view;
  return {
    id: gate.id,
    releaseId: gate.releaseId,
    kind: gate.kind,
    status: outcome.status,
    requiredApprovals: gate.requiredApprovals,
    approvals: outcome.approvals,
    blockedReason: outcome.blockedReason,
    hold: outcome.hold,
    pendingSince: view.pendingSince ?? null,
    signOffs: view.signOffs.map((s) => ({
      id: s.id,
      reviewerUser: s.reviewer,
      verdict: s.verdict,
      comment: s.comment,
      evidenceUrl: s.evidenceUrl,
      artifactDigest: s.artifactDigest,
      outdated: s.outdated,
      createdAt: s.createdAt,
    })),
    waiver: gate.waiver
      ? {
          reason: gate.waiver.reason,
          ticket: gate.waiver.ticket,
          expiresAt: new Date(gate.waiver.expiresAt),
          expired: waiverExpired(gate.waiver, now),
          grantedByUser: gate.waiver.grantedBy,
        }
      : null,
  };
}
