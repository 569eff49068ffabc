import { ServiceLifecycle } from '#src/catalogue/catalogue-enums';
import { DomainError } from '#src/common/errors/domain-error';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import { ChangeType, InterfaceDirection, ReleaseState, VersionBump } from './release-enums';
import {
  acceptsReleases,
  adoptableReleases,
  assertPublishable,
  bumpOf,
  checkRelease,
  impactOf,
  isAdoptable,
  NEW,
  RELEASE_TRANSITIONS,
  versionColumns,
  type LifecycleState,
  type ReleaseAction,
  type ReleaseCapacity,
} from './release.rules';

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

describe('suggestedVersion: the smallest version consistent with the changes', () => {
  const base = { version: '2.3.1', interfaces: [xbau('2.2')] };
  it.each([
    ['a breaking change entry', [xbau('2.2')], [{ type: ChangeType.BREAKING, description: 'x' }], '3.0.0'],
    ['a removed interface', [], [], '3.0.0'],
    ['an added interface', [xbau('2.2'), xbau('2.3')], [], '2.4.0'],
    ['an ADDED change entry', [xbau('2.2')], [{ type: ChangeType.ADDED, description: 'x' }], '2.4.0'],
    ['fixes only', [xbau('2.2')], [{ type: ChangeType.FIXED, description: 'x' }], '2.3.2'],
  ])('%s', (_what, interfaces, changes, suggested) => {
    // The suggestion does not depend on the version chosen: a wrong one gets the same advice.
    for (const version of ['2.3.2', '2.4.0', '3.0.0']) {
      expect(impactOf({ version, interfaces, changes }, base).suggestedVersion).toBe(suggested);
    }
  });

  it('is the release itself without a baseline, and the next major from a 0.x baseline', () => {
    expect(impactOf({ version: '0.1.0', interfaces: [], changes: [] }, null).suggestedVersion).toBe('0.1.0');
    expect(
      impactOf(
        { version: '0.4.0', interfaces: [], changes: [{ type: ChangeType.BREAKING, description: 'x' }] },
        { version: '0.3.2', interfaces: [] },
      ).suggestedVersion,
    ).toBe('1.0.0');
  });
});

const ALL_STATES: LifecycleState[] = [NEW, ...Object.values(ReleaseState)];

/** The error a call throws, or null. */
function errorOf(call: () => unknown): DomainError | null {
  try {
    call();
    return null;
  } catch (error) {
    return error as DomainError;
  }
}

describe('the release lifecycle (RELEASE_TRANSITIONS)', () => {
  const D = ReleaseState;
  // action, the states it starts from, who, the state after, the verb of the CONFLICT message
  const rows: [
    ReleaseAction,
    LifecycleState[],
    ReleaseCapacity,
    LifecycleState | 'same' | 'derived',
    string,
  ][] = [
    ['create', [NEW], 'owner', D.DRAFT, 'create'],
    ['updateNotes', [D.DRAFT, D.IN_REVIEW, D.APPROVED, D.REJECTED], 'owner', 'same', 'edit the notes of'],
    ['updateContents', [D.DRAFT], 'owner', 'same', 'change the changes or interfaces of'],
    [
      'updateArtifact',
      [D.DRAFT, D.IN_REVIEW, D.APPROVED, D.REJECTED],
      'owner',
      'derived',
      'change the artifact of',
    ],
    ['submit', [D.DRAFT], 'owner', D.IN_REVIEW, 'submit'],
    ['signOff', [D.IN_REVIEW, D.APPROVED, D.REJECTED], 'reviewer', 'derived', 'sign off'],
    ['waive', [D.IN_REVIEW, D.APPROVED, D.REJECTED], 'operator', 'derived', 'waive a gate of'],
    ['publish', [D.APPROVED], 'owner', D.PUBLISHED, 'publish'],
    ['withdraw', [D.DRAFT, D.IN_REVIEW, D.APPROVED, D.REJECTED], 'owner', D.WITHDRAWN, 'withdraw'],
    ['deprecate', [D.PUBLISHED], 'owner', 'same', 'deprecate'],
  ];

  it('has exactly these rows', () => {
    expect(Object.keys(RELEASE_TRANSITIONS).sort()).toEqual(rows.map(([action]) => action).sort());
  });

  describe.each(rows)('%s', (action, from, by, to, verb) => {
    it(`starts from ${from.join(', ')}, by ${by}, to ${to}`, () => {
      expect(RELEASE_TRANSITIONS[action]).toMatchObject({ from, by: [by], to });
    });

    it.each(ALL_STATES)('from %s', (state) => {
      const error = errorOf(() => checkRelease(action, { state, version: '1.2.0' }, new Set([by])));
      if (from.includes(state)) {
        expect(error).toBeNull();
      } else {
        expect(error).toMatchObject({
          code: 'CONFLICT',
          message: `Cannot ${verb} release 1.2.0: it is ${state}`,
          details: { state },
        });
      }
    });

    it('is FORBIDDEN, before the state is looked at, to anyone acting in no capacity of the row', () => {
      const error = errorOf(() => checkRelease(action, { state: from[0], version: '1.2.0' }, new Set()));
      expect(error).toMatchObject({ code: 'FORBIDDEN' });
      const wrongState = ALL_STATES.find((s) => !from.includes(s))!;
      expect(
        errorOf(() => checkRelease(action, { state: wrongState, version: '1.2.0' }, new Set())),
      ).toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  });

  it('names who may create and who may change a release', () => {
    expect(errorOf(() => checkRelease('create', { state: NEW, version: '1.0.0' }, new Set()))?.message).toBe(
      "Only the owner's MAINTAINERs and OPERATORs may create releases",
    );
    expect(
      errorOf(() => checkRelease('submit', { state: ReleaseState.DRAFT, version: '1.0.0' }, new Set()))
        ?.message,
    ).toBe("Only the owner's MAINTAINERs and OPERATORs may change a release");
  });
});

describe('a retired service takes no releases (acceptsReleases)', () => {
  it.each(
    Object.values(ServiceLifecycle).map((l): [ServiceLifecycle, boolean] => [
      l,
      l !== ServiceLifecycle.RETIRED,
    ]),
  )('%s: %s', (lifecycle, accepts) => {
    expect(acceptsReleases({ lifecycle })).toBe(accepts);
  });
});

describe('adoption only of QA-passed releases (isAdoptable)', () => {
  it.each([
    ...Object.values(ReleaseState).map((state) => [state, null, state === ReleaseState.PUBLISHED] as const),
    [ReleaseState.PUBLISHED, { reason: 'unsafe' }, false] as const,
  ])('%s, deprecation %j: %s', (state, deprecation, adoptable) => {
    expect(isAdoptable({ state, deprecation })).toBe(adoptable);
  });

  it('filters a list', () => {
    const releases = [
      { version: '1.0.0', state: ReleaseState.PUBLISHED, deprecation: { reason: 'x' } },
      { version: '1.1.0', state: ReleaseState.PUBLISHED, deprecation: null },
      { version: '1.2.0', state: ReleaseState.APPROVED, deprecation: null },
    ];
    expect(adoptableReleases(releases).map((r) => r.version)).toEqual(['1.1.0']);
  });
});

describe('publication (assertPublishable): PUBLISHED only from APPROVED', () => {
  const facts = (overrides: Partial<Parameters<typeof assertPublishable>[0]> = {}) => ({
    version: '1.2.0',
    state: ReleaseState.APPROVED,
    expiredWaivers: [],
    inconsistency: null,
    hasInterfacesGate: true,
    blocked: [],
    ...overrides,
  });

  it.each([
    ['APPROVED', facts(), null],
    ['DRAFT', facts({ state: ReleaseState.DRAFT }), 'Cannot publish release 1.2.0: it is DRAFT'],
    ['PUBLISHED', facts({ state: ReleaseState.PUBLISHED }), 'Cannot publish release 1.2.0: it is PUBLISHED'],
    [
      'IN_REVIEW',
      facts({ state: ReleaseState.IN_REVIEW, blocked: ['USABILITY: needs 1 more USABILITY approval'] }),
      'Cannot publish release 1.2.0: it is IN_REVIEW (USABILITY: needs 1 more USABILITY approval)',
    ],
    [
      'an expired waiver, even when APPROVED',
      facts({ expiredWaivers: [{ kind: QaGateKind.SECURITY, expiresAt: '2026-11-01T00:00:00.000Z' }] }),
      'Cannot publish release 1.2.0: the waiver of SECURITY expired on 2026-11-01',
    ],
    [
      'inconsistent without an INTERFACES gate',
      facts({ inconsistency: 'has a BREAKING change without a major version', hasInterfacesGate: false }),
      'Cannot publish release 1.2.0: it has a BREAKING change without a major version',
    ],
  ])('%s', (_label, input, message) => {
    const error = errorOf(() => assertPublishable(input));
    if (message === null) {
      expect(error).toBeNull();
    } else {
      expect(error).toMatchObject({ code: 'CONFLICT', message, details: { state: input.state } });
    }
  });
});
