import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import { NotificationChannelType, NotificationDeliveryMode, NotificationKind } from './notification-enums';
import {
  ALL_KINDS,
  checkChoice,
  checkMode,
  daysUntil,
  digestDue,
  disableReason,
  EVENT_TYPES,
  isEmailAddress,
  newWebhookSecret,
  notificationScope,
  reminderFor,
  retryDelay,
  scopeOwnsChannel,
  scopeReads,
} from './notification.rules';

const KIEL = { id: 'kiel-id', key: '010020000000' };
const LUEBECK = { id: 'luebeck-id', key: '010030000000' };
const HOUR = 3_600_000;

const viewer = (organisation: typeof KIEL | null, ...roles: Role[]): Viewer => ({
  subject: roles.join('+'),
  name: null,
  roles,
  organisation,
});

function errorOf(call: () => unknown): DomainError | null {
  try {
    call();
    return null;
  } catch (error) {
    return error as DomainError;
  }
}

describe('who acts for an organisation’s notifications (notificationScope)', () => {
  it.each<[string, Viewer | null, ReturnType<typeof notificationScope>]>([
    ['its MUNICIPALITY_ADMIN', viewer(KIEL, Role.MUNICIPALITY_ADMIN), { all: true }],
    ['its MAINTAINER', viewer(KIEL, Role.MAINTAINER), { all: true }],
    ['an OPERATOR of another organisation', viewer(LUEBECK, Role.OPERATOR), { all: true }],
    ['an OPERATOR without an organisation', viewer(null, Role.OPERATOR), { all: true }],
    [
      'its security reviewer: the SECURITY gates only',
      viewer(KIEL, Role.REVIEWER_SECURITY),
      { all: false, gateKinds: [QaGateKind.SECURITY] },
    ],
    ['another organisation’s MUNICIPALITY_ADMIN', viewer(LUEBECK, Role.MUNICIPALITY_ADMIN), null],
    ['its staff without a registry role', viewer(KIEL), null],
    ['nobody signed in', null, null],
  ])('%s', (_, who, expected) => {
    expect(notificationScope(who, KIEL.id)).toEqual(expected);
  });

  it('lets a reviewer read and own only the gate events of its kinds', () => {
    const security = { all: false as const, gateKinds: [QaGateKind.SECURITY] };
    const gate = (gateKind: QaGateKind) => ({ kind: NotificationKind.GATE_AWAITING_REVIEW, gateKind });
    expect(scopeReads(security, gate(QaGateKind.SECURITY))).toBe(true);
    expect(scopeReads(security, gate(QaGateKind.USABILITY))).toBe(false);
    expect(scopeReads(security, { kind: NotificationKind.RELEASE_PUBLISHED, gateKind: null })).toBe(false);
    expect(scopeReads({ all: true }, { kind: NotificationKind.RELEASE_PUBLISHED, gateKind: null })).toBe(
      true,
    );

    const gatesOnly = { kinds: [NotificationKind.GATE_AWAITING_REVIEW], gateKinds: [QaGateKind.SECURITY] };
    expect(scopeOwnsChannel(security, gatesOnly)).toBe(true);
    expect(
      scopeOwnsChannel(security, { ...gatesOnly, gateKinds: [QaGateKind.SECURITY, QaGateKind.USABILITY] }),
    ).toBe(false);
    expect(
      scopeOwnsChannel(security, {
        ...gatesOnly,
        kinds: [...gatesOnly.kinds, NotificationKind.RELEASE_PUBLISHED],
      }),
    ).toBe(false);
  });
});

describe('a channel’s choice of events (checkChoice)', () => {
  const security = { all: false as const, gateKinds: [QaGateKind.SECURITY] };

  it('keeps the kinds in their canonical order and drops gate kinds unless gate events are chosen', () => {
    expect(
      checkChoice(
        { all: true },
        {
          kinds: [NotificationKind.SUBSCRIPTION_REQUESTED, NotificationKind.RELEASE_PUBLISHED],
          gateKinds: [QaGateKind.SECURITY],
        },
      ),
    ).toEqual({
      kinds: [NotificationKind.RELEASE_PUBLISHED, NotificationKind.SUBSCRIPTION_REQUESTED],
      gateKinds: [],
    });
  });

  it.each<[string, Parameters<typeof checkChoice>[0], Parameters<typeof checkChoice>[1], string, string]>([
    ['no kind', { all: true }, { kinds: [] }, 'NOTIFICATION_KINDS_REQUIRED', 'input.kinds'],
    [
      'gate events without gate kinds',
      { all: true },
      { kinds: [NotificationKind.GATE_AWAITING_REVIEW] },
      'NOTIFICATION_GATE_KINDS_REQUIRED',
      'input.gateKinds',
    ],
    [
      'a reviewer choosing release events',
      security,
      { kinds: [NotificationKind.GATE_AWAITING_REVIEW, NotificationKind.RELEASE_PUBLISHED], gateKinds: [] },
      'NOTIFICATION_KIND_NOT_ALLOWED',
      'input.kinds',
    ],
    [
      'a reviewer choosing another kind’s gates',
      security,
      { kinds: [NotificationKind.GATE_AWAITING_REVIEW], gateKinds: [QaGateKind.USABILITY] },
      'NOTIFICATION_GATE_KIND_NOT_ALLOWED',
      'input.gateKinds',
    ],
  ])('refuses %s', (_, scope, choice, reason, field) => {
    const error = errorOf(() => checkChoice(scope, choice));
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.reason).toBe(reason);
    expect(error?.details).toMatchObject({ field });
  });

  it('refuses a digest for a webhook, not for e-mail', () => {
    expect(
      errorOf(() =>
        checkMode(NotificationChannelType.WEBHOOK, NotificationDeliveryMode.DAILY_DIGEST, 'input.mode'),
      )?.reason,
    ).toBe('WEBHOOK_DIGEST');
    expect(
      errorOf(() =>
        checkMode(NotificationChannelType.EMAIL, NotificationDeliveryMode.DAILY_DIGEST, 'input.mode'),
      ),
    ).toBeNull();
  });
});

describe('delivery rules', () => {
  it('names every kind on the wire, each type once', () => {
    expect(Object.keys(EVENT_TYPES).sort()).toEqual([...ALL_KINDS].sort());
    expect(new Set(Object.values(EVENT_TYPES)).size).toBe(ALL_KINDS.length);
  });

  it('doubles the wait per attempt, caps it at six hours and jitters it by a fifth either way', () => {
    expect(retryDelay(30_000, 1, () => 0.5)).toBe(30_000);
    expect(retryDelay(30_000, 2, () => 0.5)).toBe(60_000);
    expect(retryDelay(30_000, 5, () => 0.5)).toBe(480_000);
    expect(retryDelay(30_000, 30, () => 0.5)).toBe(6 * HOUR);
    expect(retryDelay(30_000, 1, () => 0)).toBe(24_000);
    expect(retryDelay(30_000, 1, () => 1)).toBe(36_000);
  });

  it('spreads the default 16 attempts over more than a day, whatever the jitter', () => {
    let total = 0;
    for (let attempt = 1; attempt < 16; attempt++) {
      total += retryDelay(30_000, attempt, () => 0);
    }
    expect(total).toBeGreaterThan(24 * HOUR);
  });

  it('switches an endpoint off after the limit of failures in a row, or at once on 410 Gone', () => {
    expect(disableReason(29, 30, 500, 'HTTP 500')).toBeNull();
    expect(disableReason(30, 30, 500, 'HTTP 500')).toBe('30 failed attempts in a row; the last: HTTP 500');
    expect(disableReason(1, 30, 410, 'HTTP 410')).toMatch(/410 Gone/);
    expect(disableReason(30, 30, null, 'ECONNREFUSED')).toMatch(/ECONNREFUSED/);
  });

  it('sends a day’s digest the next morning at the configured hour (UTC)', () => {
    expect(digestDue('2026-11-30', 6).toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(digestDue('2026-12-31', 6).toISOString()).toBe('2027-01-01T06:00:00.000Z');
  });

  it('reminds of a deadline 30 and 7 days ahead, the nearer one only, never after it', () => {
    expect(daysUntil('2026-11-28', '2026-12-28')).toBe(30);
    expect([31, 30, 8, 7, 1, 0, -3].map(reminderFor)).toEqual([null, 30, 30, 7, 7, null, null]);
  });

  it('generates Standard Webhooks secrets and accepts plain e-mail addresses only', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(newWebhookSecret()).not.toBe(secret);
    expect(isEmailAddress('it-service@kiel.de')).toBe(true);
    for (const bad of ['kiel.de', 'a@b', 'a b@kiel.de', '<a@kiel.de>', 'a@kiel.de, b@kiel.de']) {
      expect(isEmailAddress(bad)).toBe(false);
    }
  });
});
