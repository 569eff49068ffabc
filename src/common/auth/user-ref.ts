/** A user as the token named them when they acted: the snapshot stored with sign-offs, waivers, releases. */
export interface UserRef {
  subject: string;
  name: string | null;
  organisation: string | null;
}

/** The snapshot of the viewer (who acts now). */
export function userOf(viewer: {
  subject: string;
  name: string | null;
  organisation: { key: string } | null;
}): UserRef {
  return { subject: viewer.subject, name: viewer.name, organisation: viewer.organisation?.key ?? null };
}
