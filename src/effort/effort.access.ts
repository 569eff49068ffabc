import { Role } from '#src/common/auth/role';
import { actsFor, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';

/**
 * Who may do what with effort (domain.md, "Who may do what"), written once: read a service's
 * maintenance plan (and its CSV), its effort entries and its `maintenanceBaseline`; set the
 * baseline; record effort: the owner's MAINTAINER, OPERATOR.
 */
export function mayWorkOnEffort(viewer: Viewer | null, ownerId: string): boolean {
  return actsFor(viewer, ownerId, Role.MAINTAINER);
}

/** FORBIDDEN unless the viewer may change or read the effort of the owner's service. */
export function requireEffortOfService(viewer: Viewer, ownerId: string): void {
  if (!mayWorkOnEffort(viewer, ownerId)) {
    throw DomainError.forbidden('NOT_OWNER', { subject: 'any' });
  }
}

/** FORBIDDEN unless the viewer may read the owner's maintenance plan. */
export function requirePlanOf(viewer: Viewer, owner: { id: string; key: string }): void {
  if (!mayWorkOnEffort(viewer, owner.id)) {
    throw DomainError.forbidden('MAINTENANCE_PLAN_FORBIDDEN', { owner: owner.key });
  }
}
