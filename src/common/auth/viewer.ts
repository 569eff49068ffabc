import { Role } from './role';

/** Who is asking: the verified token's claims, with the organisation resolved to its row. */
export interface Viewer {
  subject: string;
  name: string | null;
  roles: readonly Role[];
  /** Null only for OPERATOR tokens without `org`. */
  organisation: { id: string; key: string } | null;
}

/**
 * Signed in with at least one of the registry's roles: what "anyone signed in" means in the
 * who-may-do-what table. A valid token with none is signed in without rights (domain.md): it may
 * read what anonymous callers may, plus `viewer`.
 */
export function hasRights(viewer: Viewer | null): viewer is Viewer {
  return viewer !== null && viewer.roles.length > 0;
}

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  return viewer !== null && roles.some((role) => viewer.roles.includes(role));
}

export function isOperator(viewer: Viewer | null): boolean {
  return hasRole(viewer, Role.OPERATOR);
}

/** Acts for the organisation: its own staff with one of the roles, or an OPERATOR for any. */
export function actsFor(viewer: Viewer | null, organisationId: string, ...roles: Role[]): boolean {
  if (isOperator(viewer)) {
    return true;
  }
  return viewer?.organisation?.id === organisationId && hasRole(viewer, ...roles);
}

/** The audit trail's snapshot of a user, or a system actor such as "seed", "github", "scheduler". */
export type Actor =
  | {
      kind: 'user';
      subject: string;
      name: string | null;
      organisation: string | null;
      roles: readonly Role[];
    }
  | { kind: 'system'; subject: 'seed' | 'github' | 'scheduler' | 'migration' | 'notifications' };

export function actorOf(viewer: Viewer): Actor {
  return {
    kind: 'user',
    subject: viewer.subject,
    name: viewer.name,
    organisation: viewer.organisation?.key ?? null,
    roles: viewer.roles,
  };
}
