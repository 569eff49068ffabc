import { serviceSql } from '#src/catalogue/service.sql';
import { Role } from '#src/common/auth/role';
import { actsFor, hasRights, hasRole, isOperator, type Viewer } from '#src/common/auth/viewer';

/**
 * Who may do what with subscriptions (domain.md, the who-may-do-what table), each permission
 * written once: as a predicate on one subscription and, for reading, as the SQL condition that
 * lists, the visibility policy and the lock share.
 *
 * - read subscriptions: the subscriber's own staff; the owner's MAINTAINER (subscriptions to its
 *   services); OPERATOR.
 * - request, change range, report deployments: the subscriber's MUNICIPALITY_ADMIN, OPERATOR
 *   (capacity 'subscriber').
 * - approve, reject, suspend, resume: the owner's MAINTAINER, OPERATOR (capacity 'owner').
 * - terminate: either capacity (the table in subscription.rules.ts says which action needs which).
 */

/** The capacities in which a viewer acts on a subscription; an OPERATOR acts in both. */
export type SubscriptionCapacity = 'subscriber' | 'owner';

/** The two organisations a subscription is between. */
export interface SubscriptionParties {
  /** The subscriber. */
  organisationId: string;
  /** The service's owner; null before the service is read (a request checks the subscriber only). */
  ownerId: string | null;
}

/** Read: the subscriber's staff (any role, but one), the owner's MAINTAINER, OPERATOR. */
export function maySeeSubscription(viewer: Viewer | null, s: SubscriptionParties): boolean {
  return (
    isOperator(viewer) ||
    (hasRights(viewer) &&
      viewer.organisation != null &&
      (viewer.organisation.id === s.organisationId ||
        (hasRole(viewer, Role.MAINTAINER) && viewer.organisation.id === s.ownerId)))
  );
}

/** The capacities in which the viewer acts on the subscription (empty: it may only read it, if that). */
export function capacitiesOn(viewer: Viewer | null, s: SubscriptionParties): Set<SubscriptionCapacity> {
  if (isOperator(viewer)) {
    return new Set(['subscriber', 'owner']);
  }
  const capacities = new Set<SubscriptionCapacity>();
  if (actsFor(viewer, s.organisationId, Role.MUNICIPALITY_ADMIN)) {
    capacities.add('subscriber');
  }
  if (s.ownerId !== null && actsFor(viewer, s.ownerId, Role.MAINTAINER)) {
    capacities.add('owner');
  }
  return capacities;
}

/** Who-may words for the FORBIDDEN messages, by the capacities an action accepts. */
export function whoMay(by: readonly SubscriptionCapacity[]): string {
  if (by.length > 1) {
    return 'the subscriber or the owner';
  }
  return by[0] === 'owner' ? "the service owner's MAINTAINERs" : "the subscriber's MUNICIPALITY_ADMINs";
}

/** The owner's fleet view (who runs what): the owner's MAINTAINER, OPERATOR. */
export function maySeeFleet(viewer: Viewer | null, service: { ownerId: string }): boolean {
  return actsFor(viewer, service.ownerId, Role.MAINTAINER);
}

/** An SQL condition with its named parameters (TypeORM query builder style). */
export interface SqlCondition {
  where: string;
  params: Record<string, unknown>;
}

export const subscriptionAccessSql = {
  /** Read, as SQL over the alias `sub` (service_subscription): the same rule as `maySeeSubscription`. */
  visible(viewer: Viewer | null, sub = 'sub'): SqlCondition {
    if (isOperator(viewer)) {
      return { where: 'true', params: {} };
    }
    if (!hasRights(viewer) || !viewer.organisation) {
      return { where: 'false', params: {} };
    }
    const own = `${sub}.organisation_id = :viewerOrg`;
    return {
      where: hasRole(viewer, Role.MAINTAINER)
        ? `(${own} OR ${sub}.service_id IN ${serviceSql.idsOwnedBy(':viewerOrg')})`
        : own,
      params: { viewerOrg: viewer.organisation.id },
    };
  },
};
