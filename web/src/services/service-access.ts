import type { ViewerInfo } from '../graphql/viewer';

/**
 * Who may change a service (docs/domain.md, "Who may do what"), to show the links and forms only
 * to them: the API decides again on every change, and its FORBIDDEN is shown where it comes.
 */

/** Register a service: a MAINTAINER (for its own organisation), an OPERATOR (for any owner). */
export function mayRegisterServices(viewer: ViewerInfo | null): boolean {
  if (!viewer) {
    return false;
  }
  return (
    viewer.roles.includes('OPERATOR') || (viewer.roles.includes('MAINTAINER') && viewer.organisation !== null)
  );
}

/** Update a service: the owner's MAINTAINER, an OPERATOR. */
export function mayEditService(viewer: ViewerInfo | null, ownerId: string): boolean {
  if (!viewer) {
    return false;
  }
  return (
    viewer.roles.includes('OPERATOR') ||
    (viewer.roles.includes('MAINTAINER') && viewer.organisation?.id === ownerId)
  );
}

/** Set a service's QA policy: an OPERATOR only. */
export function maySetQaPolicy(viewer: ViewerInfo | null): boolean {
  return Boolean(viewer?.roles.includes('OPERATOR'));
}
