import type { UserRef } from '#src/common/auth/user-ref';
import { Role } from '#src/common/auth/role';
import { hasRole, isOperator, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { QaGateHold, QaGateStatus, Verdict } from './qa-enums';
import type { GateWaiver, QaGateEntity, SignOffEntity } from './qa-gate.entity';
import { QaGateKind } from './qa-policy.rules';

/**
 * The rules of QA gates (domain.md, "QA gates"): who may review which gate, the four-eyes
 * principle, how a gate's status and the review's outcome are derived, and the limits of a
 * waiver. Pure functions of the facts: no framework, no database.
 */

/** The reviewer role of each gate kind, in the policy's order: USABILITY, SECURITY, INTERFACES. */
export const GATE_KIND_ROLE = {
  [QaGateKind.USABILITY]: 'REVIEWER_USABILITY',
  [QaGateKind.SECURITY]: 'REVIEWER_SECURITY',
  [QaGateKind.INTERFACES]: 'REVIEWER_INTERFACES',
} as const;

/** The gate kinds in the policy's order. */
export const GATE_KINDS = Object.keys(GATE_KIND_ROLE) as QaGateKind[];

export const REVIEWER_ROLES: Role[] = [
  Role.REVIEWER_USABILITY,
  Role.REVIEWER_SECURITY,
  Role.REVIEWER_INTERFACES,
];

// ------------------------------------------------------------------ who reviews

/**
 * The gate kinds the viewer reviews (only `kind`, when given). Operators never review: an
 * OPERATOR token reviews nothing, whatever reviewer roles it names as well.
 */
export function reviewerKinds(viewer: Viewer | null, kind: QaGateKind | null = null): QaGateKind[] {
  if (isOperator(viewer)) {
    return [];
  }
  return GATE_KINDS.filter((k) => hasRole(viewer, GATE_KIND_ROLE[k] as Role) && (!kind || k === kind));
}

/** FORBIDDEN unless the viewer may sign off a gate of this kind: its reviewer role, and never an OPERATOR. */
export function assertMayReview(viewer: Viewer, kind: QaGateKind): void {
  if (isOperator(viewer)) {
    throw DomainError.forbidden('OPERATOR_NOT_REVIEWER');
  }
  if (!hasRole(viewer, GATE_KIND_ROLE[kind] as Role)) {
    throw DomainError.forbidden('GATE_ROLE_REQUIRED', { kind, role: GATE_KIND_ROLE[kind] });
  }
}

/** The four-eyes principle: whoever counts as the release's creator reviews none of its gates. */
export function isOwnRelease(creatorSubject: string, viewer: Pick<Viewer, 'subject'>): boolean {
  return creatorSubject === viewer.subject;
}

/** FORBIDDEN when the viewer counts as the creator of the release (the four-eyes principle). */
export function assertFourEyes(creatorSubject: string, viewer: Pick<Viewer, 'subject'>): void {
  if (isOwnRelease(creatorSubject, viewer)) {
    throw DomainError.forbidden('FOUR_EYES');
  }
}

/**
 * Who counts as the creator for the four-eyes rule once the release is submitted: its creator,
 * but for a release imported from GitHub the person who submits it (domain.md).
 */
export function fourEyesCreator(
  release: { authorSubject: string; importedFrom: unknown },
  submitter: Pick<Viewer, 'subject'>,
): string {
  return release.importedFrom ? submitter.subject : release.authorSubject;
}

/** BAD_USER_INPUT on input.comment for a REJECT without a comment: the maintainers must learn why. */
export function assertRejectGivesReason(input: { verdict: Verdict; comment?: string | null }): void {
  if (input.verdict === Verdict.REJECT && !input.comment?.trim()) {
    throw DomainError.badInput('input.comment', 'REJECT_COMMENT_REQUIRED');
  }
}

// ------------------------------------------------------------------ gate status

export interface SignOffFact {
  verdict: Verdict;
  reviewerName: string;
  comment: string | null;
  outdated: boolean;
}

export interface GateFacts {
  kind: QaGateKind;
  requiredApprovals: number;
  signOffs: SignOffFact[];
  waiverExpiresAt: Date | null;
  /** The release's semver inconsistency; it holds the INTERFACES gate PENDING unless waived. */
  inconsistency: string | null;
}

export interface GateOutcome {
  status: QaGateStatus;
  approvals: number;
  waiverExpired: boolean;
  blockedReason: string | null;
  /** Sign-offs cannot pass the gate now: the semver inconsistency holds an INTERFACES gate (unless waived). */
  hold: QaGateHold | null;
}

const plural = (n: number, word: string) => `${n} more ${word} approval${n === 1 ? '' : 's'}`;

/** A gate's status from its waiver and current sign-offs (domain.md, "QA gates"). */
export function gateOutcome(gate: GateFacts, now: Date): GateOutcome {
  const current = gate.signOffs.filter((s) => !s.outdated);
  const approvals = current.filter((s) => s.verdict === Verdict.APPROVE).length;
  const waiverExpired = gate.waiverExpiresAt !== null && gate.waiverExpiresAt.getTime() <= now.getTime();
  if (gate.waiverExpiresAt && !waiverExpired) {
    return { status: QaGateStatus.WAIVED, approvals, waiverExpired, blockedReason: null, hold: null };
  }
  const hold =
    gate.kind === QaGateKind.INTERFACES && gate.inconsistency ? QaGateHold.SEMVER_INCONSISTENT : null;

  const reasons: string[] = [];
  let status: QaGateStatus;
  const rejects = current.filter((s) => s.verdict === Verdict.REJECT);
  if (rejects.length > 0) {
    status = QaGateStatus.FAILED;
    reasons.push(...rejects.map((s) => `rejected by ${s.reviewerName}${s.comment ? `: ${s.comment}` : ''}`));
  } else if (hold) {
    status = QaGateStatus.PENDING;
    reasons.push(gate.inconsistency!);
  } else if (approvals >= gate.requiredApprovals) {
    status = QaGateStatus.PASSED;
  } else {
    status = QaGateStatus.PENDING;
    reasons.push(`needs ${plural(gate.requiredApprovals - approvals, gate.kind)}`);
  }
  if (waiverExpired && status !== QaGateStatus.PASSED) {
    reasons.push(`waiver expired on ${gate.waiverExpiresAt!.toISOString().slice(0, 10)}`);
  }
  const blockedReason = reasons.length > 0 ? reasons.join('; ') : null;
  return { status, approvals, waiverExpired, blockedReason, hold };
}

/** Just the status of `gateOutcome`. */
export function gateStatus(gate: GateFacts, now: Date): QaGateStatus {
  return gateOutcome(gate, now).status;
}

/** The outcome of a review, named like the release states it becomes. */
export type ReviewState = 'IN_REVIEW' | 'APPROVED' | 'REJECTED';

/** Until publication the release follows its gates: any FAILED: REJECTED; all PASSED or WAIVED: APPROVED. */
export function stateFromGates(statuses: QaGateStatus[]): ReviewState {
  if (statuses.includes(QaGateStatus.FAILED)) {
    return 'REJECTED';
  }
  if (statuses.every((s) => s === QaGateStatus.PASSED || s === QaGateStatus.WAIVED)) {
    return 'APPROVED';
  }
  return 'IN_REVIEW';
}

// ------------------------------------------------------------------ waivers

/** A waiver lasts at most this many days from the moment it is granted. */
export const WAIVER_MAX_DAYS = 366;

/** BAD_USER_INPUT on input.expiresAt unless the expiry lies in the future and at most WAIVER_MAX_DAYS ahead. */
export function checkWaiverExpiry(expiresAt: Date, now: Date): void {
  if (expiresAt.getTime() <= now.getTime()) {
    throw DomainError.badInput('input.expiresAt', 'WAIVER_EXPIRY_PAST');
  }
  if (expiresAt.getTime() > now.getTime() + WAIVER_MAX_DAYS * 86_400_000) {
    throw DomainError.badInput('input.expiresAt', 'WAIVER_EXPIRY_TOO_FAR', { days: WAIVER_MAX_DAYS });
  }
}

/** The waiver as stored: its reason and ticket (checked by the input rules), expiry, who and when. */
export function waiverOf(
  input: { reason: string; ticket: string; expiresAt: Date },
  grantedBy: UserRef,
  now: Date,
): GateWaiver {
  return {
    reason: input.reason,
    ticket: input.ticket,
    expiresAt: input.expiresAt.toISOString(),
    grantedBy,
    grantedAt: now.toISOString(),
  };
}

/** Whether the waiver has run out at `now` (an expired waiver no longer counts). */
export function waiverExpired(waiver: Pick<GateWaiver, 'expiresAt'>, now: Date): boolean {
  return new Date(waiver.expiresAt).getTime() <= now.getTime();
}

// ------------------------------------------------------------------ a gate as read

/** A gate with its shown sign-offs (current and outdated, oldest first) and its derived outcome. */
export interface GateView {
  gate: QaGateEntity;
  signOffs: SignOffEntity[];
  outcome: GateOutcome;
  /** Since when it waits for review: the release's submission, while PENDING in review. */
  pendingSince?: Date | null;
}

// ------------------------------------------------------------------ public evidence

/** What anyone may read of a gate of a PUBLISHED release: no reviewers, no comments. */
export interface GateEvidence {
  kind: QaGateKind;
  status: QaGateStatus;
  requiredApprovals: number;
  approvals: number;
  waiverExpiresAt: Date | null;
}

/**
 * A gate's public evidence: its status at the moment of publication. Publication needed every
 * gate PASSED or WAIVED and no expired waiver, and a published release takes no sign-offs,
 * waivers or artifacts, so this is PASSED or WAIVED for good; a waiver that expires later, or a
 * baseline published later, does not reopen a review that ended (hence no inconsistency here).
 */
export function evidenceOf(view: Pick<GateView, 'gate' | 'signOffs'>, publishedAt: Date): GateEvidence {
  const { gate } = view;
  const waiverExpiresAt = gate.waiver ? new Date(gate.waiver.expiresAt) : null;
  const outcome = gateOutcome(
    {
      kind: gate.kind,
      requiredApprovals: gate.requiredApprovals,
      signOffs: view.signOffs.map((s) => ({
        verdict: s.verdict,
        reviewerName: '',
        comment: null,
        outdated: s.outdated,
      })),
      waiverExpiresAt,
      inconsistency: null,
    },
    publishedAt,
  );
  return {
    kind: gate.kind,
    status: outcome.status,
    requiredApprovals: gate.requiredApprovals,
    approvals: outcome.approvals,
    waiverExpiresAt,
  };
}
