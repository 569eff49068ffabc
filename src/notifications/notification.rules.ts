import { randomBytes } from 'node:crypto';
import { Role } from '#src/common/auth/role';
import { hasRole, isOperator, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import { GATE_KINDS, reviewerKinds } from '#src/qa/qa.rules';
import { NotificationChannelType, NotificationDeliveryMode, NotificationKind } from './notification-enums';

/**
 * Notification rules (docs/notifications.md): who chooses and reads an organisation's
 * notifications, which kinds a viewer may choose, the webhook event types, the retry schedule
 * and when an endpoint is switched off. Pure functions: no framework, no database.
 */

/** The event type of a kind on the wire (webhook `type`, e-mail header), e.g. `release.published`. */
export const EVENT_TYPES: { readonly [K in NotificationKind]: string } = {
  [NotificationKind.RELEASE_PUBLISHED]: 'release.published',
  [NotificationKind.RELEASE_DEPRECATED]: 'release.deprecated',
  [NotificationKind.SUBSCRIPTION_REQUESTED]: 'subscription.requested',
  [NotificationKind.SUBSCRIPTION_APPROVED]: 'subscription.approved',
  [NotificationKind.SUBSCRIPTION_REJECTED]: 'subscription.rejected',
  [NotificationKind.SUBSCRIPTION_SUSPENDED]: 'subscription.suspended',
  [NotificationKind.SUBSCRIPTION_RESUMED]: 'subscription.resumed',
  [NotificationKind.SUBSCRIPTION_TERMINATED]: 'subscription.terminated',
  [NotificationKind.GATE_AWAITING_REVIEW]: 'gate.awaiting_review',
  [NotificationKind.CAMPAIGN_OPENED]: 'campaign.opened',
  [NotificationKind.CAMPAIGN_TARGET_ADDED]: 'campaign.target_added',
  [NotificationKind.CAMPAIGN_DEADLINE_APPROACHING]: 'campaign.deadline_approaching',
  [NotificationKind.CAMPAIGN_TARGET_OVERDUE]: 'campaign.target_overdue',
};

/** The version of the payload schema (docs/notifications.md); a breaking change raises it. */
export const PAYLOAD_SCHEMA_VERSION = 1;

/**
 * The JSON body of a notification (docs/notifications.md, "Payload"): Standard Webhooks' type,
 * timestamp and data, with the notification's id, the schema version, the recipient, the German
 * title and the console URL.
 */
export function payloadOf(
  notification: {
    id: string;
    kind: NotificationKind;
    occurred_at: Date;
    title: string;
    link: string;
    data: unknown;
  },
  organisation: { key: string; name: string },
  publicUrl: string,
) {
  return {
    id: notification.id,
    type: EVENT_TYPES[notification.kind],
    timestamp: new Date(notification.occurred_at).toISOString(),
    schemaVersion: PAYLOAD_SCHEMA_VERSION,
    organisation: { key: organisation.key, name: organisation.name },
    title: notification.title,
    url: `${publicUrl}${notification.link}`,
    data: notification.data,
  };
}

export const ALL_KINDS = Object.values(NotificationKind);

/** Roles that act for an organisation's notifications (apart from OPERATOR, who may for any). */
const STAFF_ROLES = [Role.MUNICIPALITY_ADMIN, Role.MAINTAINER];

/**
 * What the viewer may do with an organisation's notifications: `all` (its MUNICIPALITY_ADMIN or
 * MAINTAINER, an OPERATOR for any organisation), only the gate events of its reviewer kinds
 * (`gates`), or nothing.
 */
export type NotificationScope = { all: true } | { all: false; gateKinds: QaGateKind[] } | null;

export function notificationScope(viewer: Viewer | null, organisationId: string): NotificationScope {
  if (isOperator(viewer)) {
    return { all: true };
  }
  if (!viewer || viewer.organisation?.id !== organisationId) {
    return null;
  }
  if (hasRole(viewer, ...STAFF_ROLES)) {
    return { all: true };
  }
  const gateKinds = reviewerKinds(viewer);
  return gateKinds.length > 0 ? { all: false, gateKinds } : null;
}

/** FORBIDDEN unless the viewer may act for the organisation's notifications. */
export function requireScope(viewer: Viewer, organisation: { id: string; key: string }) {
  const scope = notificationScope(viewer, organisation.id);
  if (!scope) {
    throw DomainError.forbidden('NOTIFICATIONS_FORBIDDEN', { organisation: organisation.key });
  }
  return scope;
}

/** A notification the scope may read: everything, or the gate events of its kinds. */
export function scopeReads(
  scope: NonNullable<NotificationScope>,
  notification: { kind: NotificationKind; gateKind: QaGateKind | null },
) {
  return (
    scope.all ||
    (notification.kind === NotificationKind.GATE_AWAITING_REVIEW &&
      notification.gateKind !== null &&
      scope.gateKinds.includes(notification.gateKind))
  );
}

/** A channel the scope may see and change: any (all), or one that asks for gate events only. */
export function scopeOwnsChannel(
  scope: NonNullable<NotificationScope>,
  channel: { kinds: readonly NotificationKind[]; gateKinds: readonly QaGateKind[] },
) {
  return (
    scope.all ||
    (channel.kinds.every((k) => k === NotificationKind.GATE_AWAITING_REVIEW) &&
      channel.gateKinds.every((k) => scope.gateKinds.includes(k)))
  );
}

/**
 * A channel's choice checked against the scope: at least one kind; a reviewer only the gate
 * events of its kinds; gate events need their gate kinds. Returns the cleaned choice.
 */
export function checkChoice(
  scope: NonNullable<NotificationScope>,
  choice: { kinds: readonly NotificationKind[]; gateKinds?: readonly QaGateKind[] | null },
  field = 'input',
): { kinds: NotificationKind[]; gateKinds: QaGateKind[] } {
  const kinds = ALL_KINDS.filter((k) => choice.kinds.includes(k));
  if (kinds.length === 0) {
    throw DomainError.badInput(`${field}.kinds`, 'NOTIFICATION_KINDS_REQUIRED');
  }
  const gates = kinds.includes(NotificationKind.GATE_AWAITING_REVIEW);
  const gateKinds = gates ? GATE_KINDS.filter((k) => (choice.gateKinds ?? []).includes(k)) : [];
  if (!scope.all) {
    const refused = kinds.filter((k) => k !== NotificationKind.GATE_AWAITING_REVIEW);
    if (refused.length > 0) {
      throw DomainError.badInput(`${field}.kinds`, 'NOTIFICATION_KIND_NOT_ALLOWED', { kinds: refused });
    }
    const foreign = gateKinds.filter((k) => !scope.gateKinds.includes(k));
    if (foreign.length > 0) {
      throw DomainError.badInput(`${field}.gateKinds`, 'NOTIFICATION_GATE_KIND_NOT_ALLOWED', {
        kinds: foreign,
      });
    }
  }
  if (gates && gateKinds.length === 0) {
    throw DomainError.badInput(`${field}.gateKinds`, 'NOTIFICATION_GATE_KINDS_REQUIRED');
  }
  return { kinds, gateKinds };
}

/** A webhook receives every event at once; a digest is an e-mail thing. */
export function checkMode(type: NotificationChannelType, mode: NotificationDeliveryMode, field: string) {
  if (type === NotificationChannelType.WEBHOOK && mode !== NotificationDeliveryMode.IMMEDIATE) {
    throw DomainError.badInput(field, 'WEBHOOK_DIGEST');
  }
}

/** A plain e-mail address: one @, a dotted domain, no spaces or angle brackets, at most 254 characters. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(value);
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The token of an e-mail recipient's unsubscribe link: 32 random bytes, URL-safe. */
export function newUnsubscribeToken(): string {
  return randomBytes(32).toString('base64url');
}

/** After a secret is rotated, the previous one stays valid (both sign) for a day. */
export const PREVIOUS_SECRET_VALID_MS = 24 * 3_600_000;

/**
 * The wait before attempt `attempts + 1`: the base doubled per failed attempt, at most six hours,
 * with up to a fifth of it as jitter either way (so many receivers down at once are not retried in
 * step). With the defaults (30 s, 16 attempts) the last attempt comes about 38 hours after the
 * first (at least 31 with the jitter all one way).
 */
export function retryDelay(baseMs: number, attempts: number, random: () => number = Math.random): number {
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
  return Math.round(delay * (0.8 + 0.4 * random()));
}

/** Outcomes that retrying cannot change: the receiver says the endpoint is gone. */
export function isPermanentStatus(status: number): boolean {
  return status === 410;
}

/** A 2xx answer is a delivery; anything else (and no answer) is a failed attempt. */
export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * An endpoint is switched off after `limit` failed attempts in a row (across its deliveries), or
 * at once when it answers 410 Gone; the reason is kept and shown.
 */
export function disableReason(streak: number, limit: number, status: number | null, detail: string) {
  if (status !== null && isPermanentStatus(status)) {
    return `the endpoint answered HTTP 410 Gone: ${detail}`;
  }
  if (streak >= limit) {
    return `${streak} failed attempts in a row; the last: ${detail}`;
  }
  return null;
}

/** The UTC day a digest collects, and when it goes out: the next day at `hour` UTC. */
export function digestDue(day: string, hour: number): Date {
  const due = new Date(`${day}T00:00:00.000Z`);
  due.setUTCDate(due.getUTCDate() + 1);
  due.setUTCHours(hour);
  return due;
}

/** Days from `today` to `date` (both calendar dates). */
export function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The deadline reminders: 30 and 7 days ahead; only the nearest one that applies is sent. */
export const DEADLINE_REMINDERS = [7, 30] as const;

export function reminderFor(daysLeft: number): 7 | 30 | null {
  return DEADLINE_REMINDERS.find((days) => daysLeft > 0 && daysLeft <= days) ?? null;
}
