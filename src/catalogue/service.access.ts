import { Access, PUBLIC_POLICY } from '#src/common/auth/access';
import { Role } from '#src/common/auth/role';
import { actsFor, hasRole, isOperator, type Viewer } from '#src/common/auth/viewer';
import { serviceSql } from './service.sql';

/**
 * Who may do what in the catalogue (domain.md, "Who may do what"): services, their QA policy and
 * legal norms. Each permission is written once, as a predicate for one object, and as an SQL
 * condition where a statement needs it. The resolvers' @Roles decorators let only the roles named
 * here through; the services ask these predicates for the object at hand.
 */

/** Read services and legal norms: anyone, anonymous included. */
export function registerCatalogueVisibility(access: Access): void {
  access.register(PUBLIC_POLICY('OnlineService'));
  access.register(PUBLIC_POLICY('LegalNorm'));
}

/** Register a service: a MAINTAINER for its own organisation only; an OPERATOR for any owner. */
export function mayRegisterServiceFor(viewer: Viewer | null, ownerKey: string): boolean {
  return isOperator(viewer) || (hasRole(viewer, Role.MAINTAINER) && viewer?.organisation?.key === ownerKey);
}

/** Update a service (its fields, legal bases, repository link): the owner's MAINTAINER, OPERATOR. */
export function mayUpdateService(viewer: Viewer | null, service: { ownerId: string }): boolean {
  return actsFor(viewer, service.ownerId, Role.MAINTAINER);
}

/**
 * `mayUpdateService` as an SQL condition on a service id expression, with its parameters (named
 * `serviceUpdaterOrg`), for statements that list or lock only the services the viewer may change.
 */
export function mayUpdateServiceSql(
  viewer: Viewer | null,
  serviceId: string,
): { condition: string; parameters: Record<string, unknown> } {
  if (isOperator(viewer)) {
    return { condition: 'TRUE', parameters: {} };
  }
  if (!viewer?.organisation || !hasRole(viewer, Role.MAINTAINER)) {
    return { condition: 'FALSE', parameters: {} };
  }
  return {
    condition: serviceSql.ownedBy(serviceId, ':serviceUpdaterOrg'),
    parameters: { serviceUpdaterOrg: viewer.organisation.id },
  };
}

/** Set a service's QA policy: OPERATOR. */
export function maySetQaPolicy(viewer: Viewer | null): boolean {
  return isOperator(viewer);
}

/** Register a legal norm: any MAINTAINER, OPERATOR. */
export function mayRegisterLegalNorm(viewer: Viewer | null): boolean {
  return hasRole(viewer, Role.MAINTAINER, Role.OPERATOR);
}
