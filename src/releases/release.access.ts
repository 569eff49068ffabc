import { Role } from '#src/common/auth/role';
import { actsFor, hasRole, isOperator, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { serviceSql } from '#src/catalogue/service.sql';
import { maintainedOrganisation, mayReadReview, seesEveryReview } from '#src/qa/qa.access';
import { ReleaseState } from './release-enums';

/**
 * Who may see and change a release (domain.md, "Who may do what"). PUBLISHED releases are
 * public; the others only for the owner's MAINTAINERs, reviewers and OPERATORs: the same people
 * who read a release's review (src/qa/qa.access.ts, `mayReadReview`). Each rule once as a
 * predicate and once as the SQL fragment that visibleIds, the service's list, lockForOwner and
 * the review queue share.
 */

/** Sees the release: PUBLISHED, or the viewer may read the review of the owner's releases. */
export function maySeeRelease(
  viewer: Viewer | null,
  release: { state: ReleaseState },
  ownerId: string,
): boolean {
  return release.state === ReleaseState.PUBLISHED || mayReadReview(viewer, ownerId);
}

/** Changes the release (lifecycle actions): the owner's MAINTAINERs and OPERATORs. */
export function mayChangeRelease(viewer: Viewer | null, ownerId: string): boolean {
  return actsFor(viewer, ownerId, Role.MAINTAINER);
}

/**
 * Reads the release's gates and sign-offs (`mayReadReview`); the owner is looked up only when
 * the answer depends on it (a MAINTAINER who is neither reviewer nor OPERATOR).
 */
export async function mayReadGates(
  viewer: Viewer | null,
  ownerOf: () => Promise<string | null>,
): Promise<boolean> {
  if (seesEveryReview(viewer)) {
    return true;
  }
  if (!hasRole(viewer, Role.MAINTAINER)) {
    return false;
  }
  const ownerId = await ownerOf();
  return ownerId !== null && mayReadReview(viewer, ownerId);
}

/**
 * SQL twins of the predicates on a release row `r` (with `state` and `service_id`). `org` is the
 * caller's parameter, bound to `releaseAccessSql.org(viewer)`.
 */
export const releaseAccessSql = {
  /** The value to bind to the `org` parameter: the organisation the viewer maintains, or null. */
  org: (viewer: Viewer | null): string | null => maintainedOrganisation(viewer),

  /** Condition: `maySeeRelease`. */
  visible: (viewer: Viewer | null, r: string, org: string): string =>
    seesEveryReview(viewer)
      ? 'true'
      : `(${r}.state = '${ReleaseState.PUBLISHED}' OR ${serviceSql.ownedBy(`${r}.service_id`, org)})`,

  /** Condition: `mayChangeRelease`. */
  changeable: (viewer: Viewer | null, r: string, org: string): string =>
    isOperator(viewer) ? 'true' : serviceSql.ownedBy(`${r}.service_id`, org),
};

/**
 * The outcome of locking a release for a lifecycle action: NOT_FOUND when it is missing or the
 * viewer may not see it, FORBIDDEN when it may see it but not change it.
 */
export function requireChangeable<R>(
  id: string,
  found: { release: R; visible: boolean; changeable: boolean } | null,
): R {
  if (!found || !found.visible) {
    throw DomainError.notFound('Release', id);
  }
  if (!found.changeable) {
    throw DomainError.forbidden('NOT_OWNER', { subject: 'release' });
  }
  return found.release;
}
