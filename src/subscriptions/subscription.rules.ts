import semver from 'semver';
import { SubscriptionState } from './subscription-state';

/**
 * Subscription rules (domain.md, "Subscriptions"): npm range semantics as the semver package
 * implements them with default options, so a pre-release is a target only when the range names a
 * pre-release of the same major.minor.patch.
 */

/** The highest of `versions` inside `range`, or null. */
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

/** A subscription that still binds: at most one per organisation and service. */
export const OPEN_STATES: readonly SubscriptionState[] = [
  SubscriptionState.REQUESTED,
  SubscriptionState.ACTIVE,
  SubscriptionState.SUSPENDED,
];

export function rangeProblem(range: string, published: readonly string[]): string | null {
  if (targetVersion(range, published)) {
    return null;
  }
  const listed = published.length ? highestFirst([...published]).join(', ') : 'none';
  return `no published release satisfies the range "${range}" (published: ${listed})`;
}
