import { Access, PUBLIC_POLICY } from '#src/common/auth/access';
import { Role } from '#src/common/auth/role';
import { actsFor, isOperator, type Viewer } from '#src/common/auth/viewer';

/**
 * Who may do what with organisations, interface standards and capabilities (domain.md, "Who may
 * do what"): each permission written once, as a predicate. The resolvers' @Roles decorators let
 * only the roles named here through; the services ask these predicates for the object at hand.
 */

/** Register organisations and interface standards: OPERATOR. */
export function mayRegisterOrganisations(viewer: Viewer | null): boolean {
  return isOperator(viewer);
}

/** Set an organisation's capabilities: its MUNICIPALITY_ADMIN, OPERATOR. */
export function maySetCapabilities(viewer: Viewer | null, organisationId: string): boolean {
  return actsFor(viewer, organisationId, Role.MUNICIPALITY_ADMIN);
}

/** Organisations and interface standards are public, anonymous callers included. */
export function registerOrganisationVisibility(access: Access): void {
  access.register(PUBLIC_POLICY('Organisation'));
  access.register(PUBLIC_POLICY('InterfaceStandard'));
}
