import { ServiceLifecycle, SubscriptionApproval } from '#src/catalogue/catalogue-enums';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { checkTransition } from '#src/common/workflow/transitions';
import { capacitiesOn, maySeeSubscription, whoMay, type SubscriptionCapacity } from './subscription.access';
import {
  acceptsSubscriptions,
  allows,
  deploymentProblem,
  rangeProblem,
  reasonFor,
  requestedState,
  SUBSCRIPTION_TRANSITIONS,
  SUBSCRIPTION_VERBS,
  targetVersion,
  type SubscriptionAction,
} from './subscription.rules';
import { SubscriptionState } from './subscription-state';

/** The table as domain.md states it, written out independently of subscription.rules.ts. */
const { REQUESTED, ACTIVE, REJECTED, SUSPENDED, TERMINATED } = SubscriptionState;
const ALL = [REQUESTED, ACTIVE, REJECTED, SUSPENDED, TERMINATED];
const EXPECTED: {
  action: Exclude<SubscriptionAction, 'request'>;
  from: SubscriptionState[];
  by: SubscriptionCapacity[];
  to: SubscriptionState | 'same';
}[] = [
  { action: 'approve', from: [REQUESTED], by: ['owner'], to: ACTIVE },
  { action: 'reject', from: [REQUESTED], by: ['owner'], to: REJECTED },
  { action: 'suspend', from: [ACTIVE], by: ['owner'], to: SUSPENDED },
  { action: 'resume', from: [SUSPENDED], by: ['owner'], to: ACTIVE },
  { action: 'terminate', from: [REQUESTED, ACTIVE, SUSPENDED], by: ['subscriber', 'owner'], to: TERMINATED },
  { action: 'changeRange', from: [REQUESTED, ACTIVE, SUSPENDED], by: ['subscriber'], to: 'same' },
  { action: 'reportDeployment', from: [ACTIVE, SUSPENDED], by: ['subscriber'], to: 'same' },
];
const REASONS: Record<SubscriptionAction, 'required' | 'optional' | 'none'> = {
  request: 'none',
  approve: 'none',
  reject: 'required',
  suspend: 'required',
  resume: 'none',
  terminate: 'required',
  changeRange: 'none',
  reportDeployment: 'none',
};

const CAPACITY_SETS: SubscriptionCapacity[][] = [[], ['subscriber'], ['owner'], ['subscriber', 'owner']];

function attempt(action: SubscriptionAction, state: SubscriptionState, capacities: SubscriptionCapacity[]) {
  const rule = SUBSCRIPTION_TRANSITIONS[action];
  const verb = SUBSCRIPTION_VERBS[action];
  try {
    return checkTransition(rule, {
      state,
      capacities: new Set(capacities),
      verb,
      what: 'the subscription',
      forbidden: `Only ${whoMay(rule.by)} and OPERATORs may ${verb} this subscription`,
    });
  } catch (error) {
    return error as DomainError;
  }
}

describe('the subscription transition table', () => {
  it('has a row for every action and nothing else', () => {
    expect(Object.keys(SUBSCRIPTION_TRANSITIONS).sort()).toEqual(
      ['request', ...EXPECTED.map((row) => row.action)].sort(),
    );
  });

  it.each(Object.entries(REASONS))('%s: reason %s', (action, reason) => {
    const a = action as SubscriptionAction;
    expect(SUBSCRIPTION_TRANSITIONS[a].reason).toBe(reason);
    if (reason === 'required') {
      expect(() => reasonFor(a, '  ')).toThrow('reason: must not be empty');
      expect(() => reasonFor(a, 'x'.repeat(2_001))).toThrow('reason: must be at most 2000 characters');
      expect(reasonFor(a, ' incident ')).toBe('incident');
    } else {
      expect(reasonFor(a, 'ignored')).toBeNull();
    }
  });

  describe.each(EXPECTED)('$action', ({ action, from, by, to }) => {
    const allowedBy = CAPACITY_SETS.filter((set) => set.some((c) => by.includes(c)));
    const refusedBy = CAPACITY_SETS.filter((set) => !set.some((c) => by.includes(c)));

    it.each(from.flatMap((state) => allowedBy.map((set) => [state, set.join('+') || '-', set] as const)))(
      'from %s by %s: moves on',
      (state, _, capacities) => {
        expect(attempt(action, state, capacities)).toBe(to === 'same' ? state : to);
      },
    );

    it.each(
      ALL.filter((state) => !from.includes(state)).flatMap((state) =>
        allowedBy.map((set) => [state, set.join('+'), set] as const),
      ),
    )('from %s by %s: CONFLICT naming the state', (state, _, capacities) => {
      const error = attempt(action, state, capacities) as DomainError;
      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toBe(`Cannot ${SUBSCRIPTION_VERBS[action]} the subscription: it is ${state}`);
      expect(error.details).toEqual({ state });
    });

    it.each(ALL.flatMap((state) => refusedBy.map((set) => [state, set.join('+') || 'nobody', set] as const)))(
      'from %s by %s: FORBIDDEN before any state check',
      (state, _, capacities) => {
        const error = attempt(action, state, capacities) as DomainError;
        expect(error).toBeInstanceOf(DomainError);
        expect(error.code).toBe('FORBIDDEN');
      },
    );
  });

  it('request: by the subscriber; ACTIVE at once with AUTOMATIC approval, else REQUESTED', () => {
    expect(SUBSCRIPTION_TRANSITIONS.request.by).toEqual(['subscriber']);
    expect(allows(SUBSCRIPTION_TRANSITIONS.request, new Set(['subscriber']))).toBe(true);
    expect(allows(SUBSCRIPTION_TRANSITIONS.request, new Set(['owner']))).toBe(false);
    expect(requestedState(SubscriptionApproval.AUTOMATIC)).toBe(ACTIVE);
    expect(requestedState(SubscriptionApproval.MANUAL)).toBe(REQUESTED);
  });

  it('keeps the FORBIDDEN messages of the API', () => {
    expect((attempt('approve', REQUESTED, []) as DomainError).message).toBe(
      "Only the service owner's MAINTAINERs and OPERATORs may approve this subscription",
    );
    expect((attempt('changeRange', ACTIVE, ['owner']) as DomainError).message).toBe(
      "Only the subscriber's MUNICIPALITY_ADMINs and OPERATORs may change the range of this subscription",
    );
    expect((attempt('terminate', ACTIVE, []) as DomainError).message).toBe(
      'Only the subscriber or the owner and OPERATORs may terminate this subscription',
    );
  });
});

describe('who acts in which capacity', () => {
  const parties = { organisationId: 'kiel', ownerId: 'dataport' };
  const viewer = (roles: Role[], organisation: string | null): Viewer => ({
    subject: 'u',
    name: null,
    roles,
    organisation: organisation ? { id: organisation, key: organisation } : null,
  });

  it.each([
    ['the subscriber’s MUNICIPALITY_ADMIN', viewer([Role.MUNICIPALITY_ADMIN], 'kiel'), ['subscriber'], true],
    ['other staff of the subscriber', viewer([Role.MAINTAINER], 'kiel'), [], true],
    ['the owner’s MAINTAINER', viewer([Role.MAINTAINER], 'dataport'), ['owner'], true],
    ['other staff of the owner', viewer([Role.MUNICIPALITY_ADMIN], 'dataport'), [], false],
    ['another municipality’s admin', viewer([Role.MUNICIPALITY_ADMIN], 'luebeck'), [], false],
    ['an OPERATOR without an organisation', viewer([Role.OPERATOR], null), ['subscriber', 'owner'], true],
  ] as const)('%s', (_, who, capacities, sees) => {
    expect([...capacitiesOn(who, parties)].sort()).toEqual([...capacities].sort());
    expect(maySeeSubscription(who, parties)).toBe(sees);
  });

  it('sees nothing anonymously', () => {
    expect(maySeeSubscription(null, parties)).toBe(false);
    expect(capacitiesOn(null, parties).size).toBe(0);
  });
});

describe('named rules', () => {
  it('acceptsSubscriptions: a DEPRECATED service accepts no new subscriptions; a RETIRED one neither', () => {
    expect(acceptsSubscriptions({ lifecycle: ServiceLifecycle.ACTIVE })).toBe(true);
    expect(acceptsSubscriptions({ lifecycle: ServiceLifecycle.DEVELOPMENT })).toBe(true);
    expect(acceptsSubscriptions({ lifecycle: ServiceLifecycle.DEPRECATED })).toBe(false);
    expect(acceptsSubscriptions({ lifecycle: ServiceLifecycle.RETIRED })).toBe(false);
  });

  it('targetVersion: the highest inside the range; a pre-release only when the range names one', () => {
    expect(targetVersion('^1.0.0', ['1.0.0', '1.1.0', '2.0.0-rc.1'])).toBe('1.1.0');
    expect(targetVersion('^2.0.0-rc.0', ['1.1.0', '2.0.0-rc.1'])).toBe('2.0.0-rc.1');
    expect(targetVersion('^1.2.0-rc.0', ['1.1.0', '2.0.0-rc.1'])).toBeNull();
  });

  it('rangeProblem: names the range and the published versions, highest first', () => {
    expect(rangeProblem('^1.0.0', ['1.0.0'])).toBeNull();
    expect(rangeProblem('^5.0.0', ['1.0.0', '2.0.0-rc.1', '1.1.0'])).toBe(
      'no published release satisfies the range "^5.0.0" (published: 2.0.0-rc.1, 1.1.0, 1.0.0)',
    );
    expect(rangeProblem('^1.0.0', [])).toBe(
      'no published release satisfies the range "^1.0.0" (published: none)',
    );
  });

  it('deploymentProblem: a published version inside the range', () => {
    expect(deploymentProblem('1.0.0', '^1.0.0', ['1.0.0'])).toBeNull();
    expect(deploymentProblem('1.2.0', '^1.0.0', ['1.0.0'])).toBe(
      '1.2.0 is not a published release of this service',
    );
    expect(deploymentProblem('2.0.0', '^1.0.0', ['1.0.0', '2.0.0'])).toBe(
      '2.0.0 is outside the range "^1.0.0"',
    );
  });
});
