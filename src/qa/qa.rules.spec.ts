import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { QaGateHold, QaGateStatus, Verdict } from './qa-enums';
import { QaGateKind } from './qa-policy.rules';
import {
  assertFourEyes,
  assertMayReview,
  checkWaiverExpiry,
  fourEyesCreator,
  gateOutcome,
  reviewerKinds,
  stateFromGates,
  WAIVER_MAX_DAYS,
} from './qa.rules';

const NOW = new Date('2026-11-28T10:00:00Z');
const DAY = 86_400_000;

const viewer = (subject: string, ...roles: Role[]): Viewer => ({
  subject,
  name: subject,
  roles,
  organisation: null,
});

/** The error a call throws, or null. */
function errorOf(call: () => unknown): DomainError | null {
  try {
    call();
    return null;
  } catch (error) {
    return error as DomainError;
  }
}

describe('who reviews (assertMayReview, reviewerKinds)', () => {
  const uwe = viewer('uwe', Role.REVIEWER_USABILITY);
  const olga = viewer('olga', Role.OPERATOR, Role.REVIEWER_SECURITY);
  const all = viewer('alle', Role.REVIEWER_USABILITY, Role.REVIEWER_SECURITY, Role.REVIEWER_INTERFACES);

  it.each([
    ['a USABILITY reviewer, USABILITY', uwe, QaGateKind.USABILITY, null],
    [
      'a USABILITY reviewer, SECURITY',
      uwe,
      QaGateKind.SECURITY,
      'Signing off a SECURITY gate needs the role REVIEWER_SECURITY',
    ],
    [
      'operators never review, whatever roles the token names',
      olga,
      QaGateKind.SECURITY,
      'An OPERATOR is never a reviewer, whatever other roles the token names',
    ],
    [
      'a MAINTAINER',
      viewer('mia', Role.MAINTAINER),
      QaGateKind.INTERFACES,
      'Signing off a INTERFACES gate needs the role REVIEWER_INTERFACES',
    ],
  ])('%s', (_label, who, kind, forbidden) => {
    const error = errorOf(() => assertMayReview(who, kind));
    expect(error === null ? null : { code: error.code, message: error.message }).toEqual(
      forbidden === null ? null : { code: 'FORBIDDEN', message: forbidden },
    );
  });

  it('gives each reviewer the kinds of its roles, and an OPERATOR none', () => {
    expect(reviewerKinds(uwe)).toEqual([QaGateKind.USABILITY]);
    expect(reviewerKinds(all)).toEqual([QaGateKind.USABILITY, QaGateKind.SECURITY, QaGateKind.INTERFACES]);
    expect(reviewerKinds(all, QaGateKind.SECURITY)).toEqual([QaGateKind.SECURITY]);
    expect(reviewerKinds(uwe, QaGateKind.SECURITY)).toEqual([]);
    expect(reviewerKinds(olga)).toEqual([]);
    expect(reviewerKinds(null)).toEqual([]);
  });
});

describe('the four-eyes principle (assertFourEyes)', () => {
  it.each([
    ['the creator', 'mia', 'mia', 'FORBIDDEN'],
    ['someone else', 'mia', 'sina', null],
  ])('%s', (_label, creator, reviewer, code) => {
    expect(errorOf(() => assertFourEyes(creator, { subject: reviewer }))?.code ?? null).toBe(code);
  });

  it('counts who submits an imported release as its creator', () => {
    expect(
      fourEyesCreator({ authorSubject: 'github', importedFrom: { delivery: 'd' } }, { subject: 'mia' }),
    ).toBe('mia');
    expect(fourEyesCreator({ authorSubject: 'max', importedFrom: null }, { subject: 'mia' })).toBe('max');
  });
});

describe('waiver limits (checkWaiverExpiry)', () => {
  it.each([
    ['now', 0, 'input.expiresAt: must lie in the future'],
    ['yesterday', -DAY, 'input.expiresAt: must lie in the future'],
    ['in a second', 1_000, null],
    [`in ${WAIVER_MAX_DAYS} days`, WAIVER_MAX_DAYS * DAY, null],
    [
      `a moment after ${WAIVER_MAX_DAYS} days`,
      WAIVER_MAX_DAYS * DAY + 1,
      `input.expiresAt: must lie at most ${WAIVER_MAX_DAYS} days ahead`,
    ],
  ])('%s', (_label, ahead, message) => {
    const error = errorOf(() => checkWaiverExpiry(new Date(NOW.getTime() + ahead), NOW));
    expect(
      error === null ? null : { code: error.code, message: error.message, details: error.details },
    ).toEqual(
      message === null ? null : { code: 'BAD_USER_INPUT', message, details: { field: 'input.expiresAt' } },
    );
  });
});

describe('gate status', () => {
  const approve = (name: string, outdated = false) => ({
    verdict: Verdict.APPROVE,
    reviewerName: name,
    comment: null,
    outdated,
  });
  const reject = (name: string, comment: string) => ({
    verdict: Verdict.REJECT,
    reviewerName: name,
    comment,
    outdated: false,
  });
  const gate = (overrides: Partial<Parameters<typeof gateOutcome>[0]> = {}) => ({
    kind: QaGateKind.SECURITY,
    requiredApprovals: 2,
    signOffs: [],
    waiverExpiresAt: null,
    inconsistency: null,
    ...overrides,
  });

  it.each([
    ['no sign-offs', gate(), QaGateStatus.PENDING, 'needs 2 more SECURITY approvals'],
    [
      'one of two approvals',
      gate({ signOffs: [approve('Sina')] }),
      QaGateStatus.PENDING,
      'needs 1 more SECURITY approval',
    ],
    ['enough approvals', gate({ signOffs: [approve('Sina'), approve('Sven')] }), QaGateStatus.PASSED, null],
    [
      'an outdated approval does not count',
      gate({ signOffs: [approve('Sina'), approve('Sven', true)] }),
      QaGateStatus.PENDING,
      'needs 1 more SECURITY approval',
    ],
    [
      'a current reject',
      gate({ signOffs: [approve('Sina'), approve('Sven'), reject('Rita', 'XSS in the form')] }),
      QaGateStatus.FAILED,
      'rejected by Rita: XSS in the form',
    ],
    [
      'a valid waiver above a reject',
      gate({ signOffs: [reject('Rita', 'no')], waiverExpiresAt: new Date('2026-12-01T00:00:00Z') }),
      QaGateStatus.WAIVED,
      null,
    ],
    [
      'an expired waiver',
      gate({ waiverExpiresAt: new Date('2026-11-01T00:00:00Z') }),
      QaGateStatus.PENDING,
      'needs 2 more SECURITY approvals; waiver expired on 2026-11-01',
    ],
    [
      'an inconsistent INTERFACES gate, approved',
      gate({
        kind: QaGateKind.INTERFACES,
        requiredApprovals: 1,
        signOffs: [approve('Ingo')],
        inconsistency: 'removes xbau 2.2 without a major version',
      }),
      QaGateStatus.PENDING,
      'removes xbau 2.2 without a major version',
    ],
    [
      'an inconsistent INTERFACES gate, waived',
      gate({
        kind: QaGateKind.INTERFACES,
        inconsistency: 'removes xbau 2.2 without a major version',
        waiverExpiresAt: new Date('2027-01-01T00:00:00Z'),
      }),
      QaGateStatus.WAIVED,
      null,
    ],
  ])('%s', (_label, facts, status, blockedReason) => {
    expect(gateOutcome(facts, NOW)).toMatchObject({ status, blockedReason });
  });

  it('says when sign-offs cannot pass the gate: the semver hold of an INTERFACES gate, not when waived', () => {
    const inconsistency = 'removes xbau 2.2 without a major version';
    const interfaces = gate({
      kind: QaGateKind.INTERFACES,
      requiredApprovals: 1,
      signOffs: [approve('Ingo')],
      inconsistency,
    });
    expect(gateOutcome(interfaces, NOW).hold).toBe(QaGateHold.SEMVER_INCONSISTENT);
    // A REJECT fails it; an APPROVE replacing the REJECT would still not pass it: still held.
    expect(gateOutcome({ ...interfaces, signOffs: [reject('Ingo', 'no')] }, NOW)).toMatchObject({
      status: QaGateStatus.FAILED,
      hold: QaGateHold.SEMVER_INCONSISTENT,
    });
    expect(
      gateOutcome({ ...interfaces, waiverExpiresAt: new Date('2027-01-01T00:00:00Z') }, NOW).hold,
    ).toBeNull();
    expect(gateOutcome(gate({ inconsistency }), NOW).hold).toBeNull();
    expect(gateOutcome(gate({ kind: QaGateKind.INTERFACES }), NOW).hold).toBeNull();
  });

  it.each([
    [[QaGateStatus.PASSED, QaGateStatus.WAIVED], 'APPROVED'],
    [[QaGateStatus.PASSED, QaGateStatus.PENDING], 'IN_REVIEW'],
    [[QaGateStatus.FAILED, QaGateStatus.WAIVED], 'REJECTED'],
    [[QaGateStatus.FAILED, QaGateStatus.PENDING], 'REJECTED'],
    [[QaGateStatus.PENDING], 'IN_REVIEW'],
  ])('derives the review state from the gates: %j is %s (stateFromGates)', (statuses, state) => {
    expect(stateFromGates(statuses)).toBe(state);
  });
});
