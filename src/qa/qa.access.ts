import { Role } from '#src/common/auth/role';
import { actsFor, hasRole, isOperator, type Viewer } from '#src/common/auth/viewer';
import { QaGateStatus } from './qa-enums';
import type { QaGateKind } from './qa-policy.rules';
import { qaSql } from './qa.repository';
import { REVIEWER_ROLES, type GateView } from './qa.rules';

/**
 * Who may read QA gates and sign-offs, and which gates a reviewer finds in the review queue
 * (domain.md, "Who may do what"). Each rule once as a predicate and, where lists need it, once as
 * the SQL fragment built on the same rule.
 */

/** Reads every review, of any release: OPERATORs and the reviewers of every kind. */
export function seesEveryReview(viewer: Viewer | null): boolean {
  return isOperator(viewer) || hasRole(viewer, ...REVIEWER_ROLES);
}

/**
 * Reads the gates and sign-offs of a release of a service owned by `ownerId` (and so the release
 * before publication): the owner's MAINTAINERs, reviewers and OPERATORs.
 */
export function mayReadReview(viewer: Viewer | null, ownerId: string): boolean {
  return seesEveryReview(viewer) || actsFor(viewer, ownerId, Role.MAINTAINER);
}

/** The organisation whose reviews the viewer reads as its MAINTAINER (beyond `seesEveryReview`), or null. */
export function maintainedOrganisation(viewer: Viewer | null): string | null {
  return hasRole(viewer, Role.MAINTAINER) ? (viewer?.organisation?.id ?? null) : null;
}

/** SQL twin of `isOwnRelease`: the creator (an expression) is not the reviewer (a parameter). */
export function notOwnReleaseSql(creatorSubject: string, reviewer: string): string {
  return `${creatorSubject} <> ${reviewer}`;
}

/**
 * The review queue's condition on a release row `r` (with `id` and `author_subject`): gates of my
 * kinds, not my own releases (the four-eyes rule), not yet signed by me.
 */
export function reviewQueueSql(r: string, kinds: string, reviewer: string): string {
  return `${notOwnReleaseSql(`${r}.author_subject`, reviewer)} AND ${qaSql.gateAwaitingSignOff(`${r}.id`, kinds, reviewer)}`;
}

/** The queue's gate filter, once the releases are evaluated: PENDING gates of my kinds I have not signed. */
export function awaitsSignOffBy(view: GateView, viewer: Viewer, kinds: readonly QaGateKind[]): boolean {
  return (
    kinds.includes(view.gate.kind) &&
    view.outcome.status === QaGateStatus.PENDING &&
    !view.signOffs.some((s) => !s.outdated && s.reviewerSubject === viewer.subject)
  );
}
