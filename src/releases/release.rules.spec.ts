import {
  ChangeType,
  InterfaceDirection,
  QaGateStatus,
  ReleaseState,
  Verdict,
  VersionBump,
} from './release-enums';
import { bumpOf, gateOutcome, impactOf, stateFromGates, versionColumns } from './release.rules';
import { QaGateKind } from '#src/qa/qa-policy.rules';

const NOW = new Date('2026-11-28T10:00:00Z');
const xbau = (version: string) => ({ standard: 'xbau', version, direction: InterfaceDirection.CONSUMES });

describe('versions', () => {
  it('orders like SemVer precedence when sorted by the stored columns', () => {
    const versions = [
      '1.0.0-2',
      '1.0.0-10',
      '1.0.0-99999999999999999999',
      '1.0.0--x',
      '1.0.0-0a',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.10.0',
      '2.0.0',
    ];
    const key = (v: string) => {
      const c = versionColumns(v);
      // As SQL sorts: numbers, then a release above its pre-releases, then the pre-release identifiers.
      return [c.major, c.minor, c.patch, c.prerelease === null ? 1 : 0, ...(c.prerelease ?? [])];
    };
    const compare = (a: (string | number)[], b: (string | number)[]) => {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (a[i] === undefined) {
          return -1;
        }
        if (b[i] === undefined) {
          return 1;
        }
        if (a[i] < b[i]) {
          return -1;
        }
        if (a[i] > b[i]) {
          return 1;
        }
      }
      return 0;
    };
    const shuffled = [...versions].reverse();
    expect(shuffled.sort((a, b) => compare(key(a), key(b)))).toEqual(versions);
  });

  it.each([
    ['1.0.0', null, VersionBump.INITIAL],
    ['2.0.0', '1.4.2', VersionBump.MAJOR],
    ['1.5.0', '1.4.2', VersionBump.MINOR],
    ['1.4.3', '1.4.2', VersionBump.PATCH],
    ['2.0.0-rc.1', '1.4.2', VersionBump.PRERELEASE],
    ['1.0.0-rc.1', null, VersionBump.PRERELEASE],
  ])('%s against %s is %s', (version, baseline, bump) => {
    expect(bumpOf(version, baseline)).toBe(bump);
  });
});

describe('interface impact', () => {
  it('compares triples with the baseline: added, removed, breaking', () => {
    const impact = impactOf(
      {
        version: '2.0.0',
        interfaces: [
          xbau('2.3'),
          { standard: 'fit-connect', version: '1', direction: InterfaceDirection.PROVIDES },
        ],
        changes: [],
      },
      {
        version: '1.4.0',
        interfaces: [
          xbau('2.2'),
          { standard: 'fit-connect', version: '1', direction: InterfaceDirection.PROVIDES },
        ],
      },
    );
    expect(impact).toMatchObject({
      bump: VersionBump.MAJOR,
      added: [xbau('2.3')],
      removed: [xbau('2.2')],
      breaking: true,
      semverConsistent: true,
    });
  });

  it('calls a breaking MINOR or PATCH inconsistent, with the reason in words', () => {
    const removed = impactOf(
      { version: '1.5.0', interfaces: [xbau('2.3')], changes: [] },
      { version: '1.4.0', interfaces: [xbau('2.2')] },
    );
    expect(removed).toMatchObject({
      semverConsistent: false,
      inconsistency: 'removes xbau 2.2 without a major version',
    });
    const entry = impactOf(
      { version: '1.4.1', interfaces: [], changes: [{ type: ChangeType.BREAKING, description: 'new API' }] },
      { version: '1.4.0', interfaces: [] },
    );
    expect(entry).toMatchObject({
      breaking: true,
      semverConsistent: false,
      inconsistency: 'has a BREAKING change without a major version',
    });
  });

  it('is consistent without a baseline, and adding is never breaking', () => {
    expect(impactOf({ version: '1.0.0', interfaces: [xbau('2.2')], changes: [] }, null)).toMatchObject({
      added: [],
      removed: [],
      breaking: false,
      semverConsistent: true,
    });
    expect(
      impactOf(
        { version: '1.1.0', interfaces: [xbau('2.2'), xbau('2.3')], changes: [] },
        { version: '1.0.0', interfaces: [xbau('2.2')] },
      ),
    ).toMatchObject({
      added: [xbau('2.3')],
      breaking: false,
      semverConsistent: true,
    });
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

  it('derives the release state from the gates', () => {
    expect(stateFromGates([QaGateStatus.PASSED, QaGateStatus.WAIVED])).toBe(ReleaseState.APPROVED);
    expect(stateFromGates([QaGateStatus.PASSED, QaGateStatus.PENDING])).toBe(ReleaseState.IN_REVIEW);
    expect(stateFromGates([QaGateStatus.FAILED, QaGateStatus.WAIVED])).toBe(ReleaseState.REJECTED);
  });
});
