import type { Role } from '../graphql/generated/enums';

/**
 * Who reads an organisation's notifications (docs/notifications.md): its MUNICIPALITY_ADMIN and
 * MAINTAINER, its reviewers (the gate events of their kinds), the OPERATOR. The API decides; the
 * console uses this only to offer the pages to those who will not be refused.
 */
const READERS: Role[] = [
  'MUNICIPALITY_ADMIN',
  'MAINTAINER',
  'REVIEWER_USABILITY',
  'REVIEWER_SECURITY',
  'REVIEWER_INTERFACES',
  'OPERATOR',
];

export function mayReadNotifications(
  viewer: { roles: readonly Role[]; organisation?: { key: string } | null } | null,
): boolean {
  return Boolean(viewer?.organisation && viewer.roles.some((role) => READERS.includes(role)));
}
