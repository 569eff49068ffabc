import type { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';

/** A viewer as the token verifier would make it, for the service-level specs that call services directly. */
export const person = (
  subject: string,
  roles: Role[],
  organisation: { id: string; key: string } | null = null,
): Viewer => ({ subject, name: subject, roles, organisation });
