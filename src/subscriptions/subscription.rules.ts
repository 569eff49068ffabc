import semver from 'semver';
import { ServiceLifecycle, SubscriptionApproval } from '#src/catalogue/catalogue-enums';
import { DomainError } from '#src/common/errors/domain-error';
import type { TransitionRule, TransitionTable } from '#src/common/workflow/transitions';
import type { SubscriptionCapacity } from './subscription.access';
import { SubscriptionState } from './subscription-state';

/**
 * Subscription rules (domain.md, "Subscriptions"): the workflow as a transition table, and the
 * named rules around it; pure functions, no framework, no database. Version ranges have npm
 * semantics as the semver package implements them with default options, so a pre-release is a
 * target only when the range names a pre-release of the same major.minor.patch.
 */

/** The highest of `versions` inside `range`, or null: the subscription's target. */
export function targetVersion(range: string, versions: readonly string[]): string | null {
  return semver.maxSatisfying([...versions], range);
}

export function inRange(version: string, range: string): boolean {
  return semver.satisfies(version, range);
}

/** True when something is deployed and it is lower than the target. */
export function upgradeAvailable(deployed: string | null, target: string | null): boolean {
  return deployed !== null && target !== null && semver.lt(deployed, target);
}

/** Versions highest first, by SemVer precedence. */
export function highestFirst(versions: string[]): string[] {
  return [...versions].sort(semver.rcompare);
}

/** A subscription that still binds: at most one per organisation and service (a unique index). */
export const OPEN_STATES: readonly SubscriptionState[] = [
  SubscriptionState.REQUESTED,
  SubscriptionState.ACTIVE,
  SubscriptionState.SUSPENDED,
];

export type SubscriptionAction =
  'request' | 'approve' | 'reject' | 'suspend' | 'resume' | 'terminate' | 'changeRange' | 'reportDeployment';

/**
 * The workflow. `request` creates the subscription, so it starts from no state: only its `by` is
 * checked, its state is derived from the service's approval mode (`requestedState`), and a second
 * open subscription is refused by the unique index (`openSubscriptionExists`).
 */
export const SUBSCRIPTION_TRANSITIONS: TransitionTable<
  SubscriptionAction,
  SubscriptionState,
  SubscriptionCapacity
> = {
  request: { from: [], by: ['subscriber'], to: 'derived', reason: 'none' },
  approve: {
    from: [SubscriptionState.REQUESTED],
    by: ['owner'],
    to: SubscriptionState.ACTIVE,
    reason: 'none',
  },
  reject: {
    from: [SubscriptionState.REQUESTED],
    by: ['owner'],
    to: SubscriptionState.REJECTED,
    reason: 'required',
  },
  suspend: {
    from: [SubscriptionState.ACTIVE],
    by: ['owner'],
    to: SubscriptionState.SUSPENDED,
    reason: 'required',
  },
  resume: {
    from: [SubscriptionState.SUSPENDED],
    by: ['owner'],
    to: SubscriptionState.ACTIVE,
    reason: 'none',
  },
  terminate: {
    from: OPEN_STATES,
    by: ['subscriber', 'owner'],
    to: SubscriptionState.TERMINATED,
    reason: 'required',
  },
  changeRange: { from: OPEN_STATES, by: ['subscriber'], to: 'same', reason: 'none' },
  reportDeployment: {
    from: [SubscriptionState.ACTIVE, SubscriptionState.SUSPENDED],
    by: ['subscriber'],
    to: 'same',
    reason: 'none',
  },
};

/** Each action's words: "Cannot <verb> the subscription", "Only … may <verb> this subscription". */
export const SUBSCRIPTION_VERBS: { readonly [A in SubscriptionAction]: string } = {
  request: 'subscribe for',
  approve: 'approve',
  reject: 'reject',
  suspend: 'suspend',
  resume: 'resume',
  terminate: 'terminate',
  changeRange: 'change the range of',
  reportDeployment: 'report a deployment on',
};

/** The longest reason (and agreement reference) a subscription keeps. */
export const REASON_MAX = 2_000;

/**
 * The reason an action keeps as `stateReason`: trimmed, required where the row says so (the
 * resolver's ArgPipe checks it first, with the same message; this holds for every other caller).
 * Null for an action without a reason.
 */
export function reasonFor(action: SubscriptionAction, reason: string | null | undefined): string | null {
  const rule = SUBSCRIPTION_TRANSITIONS[action];
  const trimmed = reason?.trim() || null;
  if (rule.reason === 'none') {
    return null;
  }
  if (rule.reason === 'required' && trimmed === null) {
    throw DomainError.badInput('reason', 'TEXT_EMPTY');
  }
  if (trimmed !== null && trimmed.length > REASON_MAX) {
    throw DomainError.badInput('reason', 'TEXT_TOO_LONG', { max: REASON_MAX });
  }
  return trimmed;
}

/** Whether a viewer acting in these capacities may take the action (the row's `by`). */
export function allows(
  rule: TransitionRule<SubscriptionState, SubscriptionCapacity>,
  capacities: ReadonlySet<SubscriptionCapacity>,
): boolean {
  return rule.by.some((capacity) => capacities.has(capacity));
}

/** The state of a new subscription: ACTIVE at once with AUTOMATIC approval, else REQUESTED. */
export function requestedState(approval: SubscriptionApproval): SubscriptionState {
  return approval === SubscriptionApproval.AUTOMATIC ? SubscriptionState.ACTIVE : SubscriptionState.REQUESTED;
}

/** A DEPRECATED service accepts no new subscriptions; a RETIRED one neither. */
export function acceptsSubscriptions(service: { lifecycle: ServiceLifecycle }): boolean {
  return service.lifecycle !== ServiceLifecycle.DEPRECATED && service.lifecycle !== ServiceLifecycle.RETIRED;
}

/** The CONFLICT for a request to a service that `acceptsSubscriptions` refuses. */
export function refusesSubscriptions(service: { slug: string; lifecycle: ServiceLifecycle }): DomainError {
  return DomainError.conflict(
    'SERVICE_CLOSED',
    { slug: service.slug, lifecycle: service.lifecycle },
    { lifecycle: service.lifecycle },
  );
}

/** The CONFLICT for a second REQUESTED, ACTIVE or SUSPENDED subscription (the unique index refused it). */
export function openSubscriptionExists(): DomainError {
  return DomainError.conflict('SUBSCRIPTION_EXISTS');
}

/**
 * At least one of the PUBLISHED, non-deprecated `published` versions must satisfy the range;
 * else the problem in words, naming the range and the published versions.
 */
export function rangeProblem(range: string, published: readonly string[]): string | null {
  if (targetVersion(range, published)) {
    return null;
  }
  const listed = published.length ? highestFirst([...published]).join(', ') : 'none';
  return `no published release satisfies the range "${range}" (published: ${listed})`;
}

/** A deployment report names a PUBLISHED version (a deprecated one will do) inside the range. */
export function deploymentProblem(
  version: string,
  range: string,
  published: readonly string[],
): string | null {
  if (!published.includes(version)) {
    return `${version} is not a published release of this service`;
  }
  if (!inRange(version, range)) {
    return `${version} is outside the range "${range}"`;
  }
  return null;
}
