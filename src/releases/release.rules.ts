import semver from 'semver';
import { ServiceLifecycle } from '#src/catalogue/catalogue-enums';
import { checkTransition, type TransitionTable } from '#src/common/workflow/transitions';
import { DomainError } from '#src/common/errors/domain-error';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import type { ReviewState } from '#src/qa/qa.rules';
import { ChangeType, ReleaseState, VersionBump, type ChangeEntry, type InterfaceUse } from './release-enums';

/**
 * Release rules (domain.md, "Releases", "Interface impact"): the lifecycle as a transition table,
 * which releases a service takes and which releases may be adopted, SemVer and interface impact.
 * Pure functions of the facts, no framework, no database. The QA gates' rules (sign-offs,
 * waivers, gate status) are the QA module's: src/qa/qa.rules.ts.
 */

/** The reviewer role of each gate kind; the QA module's, re-exported for the seed. */
export { GATE_KIND_ROLE } from '#src/qa/qa.rules';

/**
 * Columns that let SQL order versions by SemVer precedence: major, minor, patch as integers, then
 * the pre-release as a text array whose elements sort like SemVer identifiers (numeric ones below
 * alphanumeric ones, numbers by value) and NULL for a release, which sorts above its pre-releases.
 */
export function versionColumns(version: string): {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[] | null;
} {
  const parsed = semver.parse(version);
  if (!parsed) {
    throw new Error(`not a semantic version: ${version}`);
  }
  return {
    major: parsed.major,
    minor: parsed.minor,
    patch: parsed.patch,
    prerelease: parsed.prerelease.length === 0 ? null : parsed.prerelease.map(prereleaseKey),
  };
}

/** Numeric identifiers ("0" + length + digits, so 9 < 10) sort below alphanumeric ones ("1" + text). */
function prereleaseKey(identifier: string | number): string {
  const text = String(identifier);
  // The raw text decides: semver keeps numbers beyond 2^53 as strings, yet they are numeric identifiers.
  return /^\d+$/.test(text) ? `0${String(text.length).padStart(4, '0')}${text}` : `1${text}`;
}

export function isPrerelease(version: string): boolean {
  return semver.prerelease(version) !== null;
}

/** The bump from the baseline (domain.md): INITIAL without one, PRERELEASE for a pre-release. */
export function bumpOf(version: string, baseline: string | null): VersionBump {
  if (isPrerelease(version)) {
    return VersionBump.PRERELEASE;
  }
  if (!baseline) {
    return VersionBump.INITIAL;
  }
  if (semver.major(version) !== semver.major(baseline)) {
    return VersionBump.MAJOR;
  }
  if (semver.minor(version) !== semver.minor(baseline)) {
    return VersionBump.MINOR;
  }
  return VersionBump.PATCH;
}

const key = (use: InterfaceUse) => `${use.standard}\u0000${use.version}\u0000${use.direction}`;

export interface Impact {
  bump: VersionBump;
  added: InterfaceUse[];
  removed: InterfaceUse[];
  breaking: boolean;
  semverConsistent: boolean;
  /** Why the release is semver-inconsistent, in words; null when it is consistent. */
  inconsistency: string | null;
  /** The smallest version consistent with the changes (`suggestedVersionOf`). */
  suggestedVersion: string;
}

/**
 * The smallest version consistent with a release's changes from its baseline: the next major when
 * it is breaking, the next minor when it adds interfaces or has an ADDED change, else the next
 * patch. Without a baseline any version is consistent: the release's own.
 */
export function suggestedVersionOf(
  version: string,
  baseline: string | null,
  change: { breaking: boolean; adds: boolean },
): string {
  if (!baseline) {
    return version;
  }
  const bump = change.breaking ? 'major' : change.adds ? 'minor' : 'patch';
  return semver.inc(baseline, bump)!;
}

/** The release compared with its baseline as (standard, version, direction) triples. */
export function impactOf(
  release: { version: string; interfaces: InterfaceUse[]; changes: ChangeEntry[] },
  baseline: { version: string; interfaces: InterfaceUse[] } | null,
): Impact {
  const before = new Map((baseline?.interfaces ?? []).map((use) => [key(use), use]));
  const after = new Map(release.interfaces.map((use) => [key(use), use]));
  const added = baseline ? [...after].filter(([k]) => !before.has(k)).map(([, use]) => use) : [];
  const removed = [...before].filter(([k]) => !after.has(k)).map(([, use]) => use);
  const breakingEntry = release.changes.some((change) => change.type === ChangeType.BREAKING);
  const breaking = removed.length > 0 || breakingEntry;
  const bump = bumpOf(release.version, baseline?.version ?? null);
  const semverConsistent = !(breaking && (bump === VersionBump.MINOR || bump === VersionBump.PATCH));
  let inconsistency: string | null = null;
  if (!semverConsistent) {
    inconsistency =
      removed.length > 0
        ? `removes ${removed.map((use) => `${use.standard} ${use.version}`).join(', ')} without a major version`
        : 'has a BREAKING change without a major version';
  }
  const adds = added.length > 0 || release.changes.some((change) => change.type === ChangeType.ADDED);
  const suggestedVersion = suggestedVersionOf(release.version, baseline?.version ?? null, { breaking, adds });
  return { bump, added, removed, breaking, semverConsistent, inconsistency, suggestedVersion };
}

/** The states in review, whose state follows the gates. */
export const REVIEW_STATES: readonly ReleaseState[] = [
  ReleaseState.IN_REVIEW,
  ReleaseState.APPROVED,
  ReleaseState.REJECTED,
];

/** The release state a review outcome (src/qa/qa.rules.ts, `stateFromGates`) stands for. */
export function releaseStateOf(review: ReviewState): ReleaseState {
  return ReleaseState[review];
}

// ------------------------------------------------------------------ the lifecycle

/** The state before a release exists: the one `create` starts from. */
export const NEW = 'NEW';
export type LifecycleState = ReleaseState | typeof NEW;

/**
 * In which capacities a viewer acts on a release (release.access.ts decides): `owner` for the
 * owner's MAINTAINERs and OPERATORs, `reviewer` for a reviewer allowed to sign off the gate,
 * `operator` for OPERATORs.
 */
export type ReleaseCapacity = 'owner' | 'reviewer' | 'operator';

export type ReleaseAction =
  | 'create'
  | 'updateNotes'
  | 'updateContents'
  | 'updateArtifact'
  | 'submit'
  | 'signOff'
  | 'waive'
  | 'publish'
  | 'withdraw'
  | 'deprecate';

const EDITABLE: readonly ReleaseState[] = [ReleaseState.DRAFT, ...REVIEW_STATES];

/**
 * The release lifecycle (domain.md, "Releases"). In review the state is `derived` from the gates
 * (stateFromGates). PUBLISHED is reachable only from APPROVED: every gate PASSED or WAIVED, so a
 * municipality can adopt only a QA-passed release (see `isAdoptable`).
 */
export const RELEASE_TRANSITIONS: TransitionTable<ReleaseAction, LifecycleState, ReleaseCapacity> = {
  create: { from: [NEW], by: ['owner'], to: ReleaseState.DRAFT, reason: 'none' },
  updateNotes: { from: EDITABLE, by: ['owner'], to: 'same', reason: 'none' },
  updateContents: { from: [ReleaseState.DRAFT], by: ['owner'], to: 'same', reason: 'none' },
  updateArtifact: { from: EDITABLE, by: ['owner'], to: 'derived', reason: 'none' },
  submit: { from: [ReleaseState.DRAFT], by: ['owner'], to: ReleaseState.IN_REVIEW, reason: 'none' },
  signOff: { from: REVIEW_STATES, by: ['reviewer'], to: 'derived', reason: 'optional' },
  waive: { from: REVIEW_STATES, by: ['operator'], to: 'derived', reason: 'required' },
  publish: { from: [ReleaseState.APPROVED], by: ['owner'], to: ReleaseState.PUBLISHED, reason: 'none' },
  withdraw: { from: EDITABLE, by: ['owner'], to: ReleaseState.WITHDRAWN, reason: 'required' },
  deprecate: { from: [ReleaseState.PUBLISHED], by: ['owner'], to: 'same', reason: 'required' },
};

/** "Cannot <verb> release 1.2.0: it is DRAFT". */
const VERB: Record<ReleaseAction, string> = {
  create: 'create',
  updateNotes: 'edit the notes of',
  updateContents: 'change the changes or interfaces of',
  updateArtifact: 'change the artifact of',
  submit: 'submit',
  signOff: 'sign off',
  waive: 'waive a gate of',
  publish: 'publish',
  withdraw: 'withdraw',
  deprecate: 'deprecate',
};

const FORBIDDEN: Record<ReleaseCapacity, string> = {
  owner: "Only the owner's MAINTAINERs and OPERATORs may change a release",
  reviewer: 'Only a reviewer of the gate kind may sign it off',
  operator: 'Only OPERATORs may waive a gate',
};

/** Runs the action's row against the release: FORBIDDEN, then CONFLICT naming the state; answers the next state. */
export function checkRelease(
  action: ReleaseAction,
  release: { state: LifecycleState; version: string },
  capacities: ReadonlySet<ReleaseCapacity>,
): LifecycleState {
  const rule = RELEASE_TRANSITIONS[action];
  return checkTransition(rule, {
    state: release.state,
    capacities,
    verb: VERB[action],
    what: `release ${release.version}`,
    forbidden:
      action === 'create'
        ? "Only the owner's MAINTAINERs and OPERATORs may create releases"
        : FORBIDDEN[rule.by[0]],
  });
}

/** A retired service takes no releases: neither created here nor imported from GitHub. */
export function acceptsReleases(service: { lifecycle: ServiceLifecycle }): boolean {
  return service.lifecycle !== ServiceLifecycle.RETIRED;
}

/** CONFLICT unless the service takes releases (`acceptsReleases`). */
export function assertAcceptsReleases(service: { slug: string; lifecycle: ServiceLifecycle }): void {
  if (!acceptsReleases(service)) {
    throw DomainError.conflict(
      'SERVICE_RETIRED',
      { slug: service.slug },
      {
        lifecycle: service.lifecycle,
      },
    );
  }
}

/** CONFLICT when the release is deprecated already: deprecating is allowed once. */
export function assertNotDeprecated(release: {
  version: string;
  state: LifecycleState;
  deprecation: unknown;
}): void {
  if (release.deprecation) {
    throw DomainError.conflict(
      'RELEASE_DEPRECATED_ALREADY',
      { version: release.version },
      { state: release.state },
    );
  }
}

/** What publication needs to know of a release in review (from its evaluation). */
export interface PublicationFacts {
  version: string;
  /** The state shown now: stored, or derived from the gates in review. */
  state: ReleaseState;
  expiredWaivers: { kind: QaGateKind; expiresAt: string }[];
  inconsistency: string | null;
  hasInterfacesGate: boolean;
  /** "<KIND>: <blockedReason>" of each gate that blocks. */
  blocked: string[];
}

/**
 * CONFLICT unless the release may be published now, checked in this order: it is in review, no
 * waiver has expired, a semver inconsistency has an INTERFACES gate to judge it, and it is
 * APPROVED (the publish row: PUBLISHED is reachable only from APPROVED).
 */
export function assertPublishable(facts: PublicationFacts): void {
  const { version, state } = facts;
  if (!REVIEW_STATES.includes(state)) {
    throw DomainError.conflict('PUBLISH_NOT_IN_REVIEW', { version, state }, { state });
  }
  if (facts.expiredWaivers.length > 0) {
    const expired = facts.expiredWaivers.map((w) => ({ kind: w.kind, on: w.expiresAt.slice(0, 10) }));
    throw DomainError.conflict('WAIVER_EXPIRED', { version, expired }, { state });
  }
  if (facts.inconsistency && !facts.hasInterfacesGate) {
    throw DomainError.conflict(
      'VERSION_INCONSISTENT',
      { version, inconsistency: facts.inconsistency },
      { state },
    );
  }
  if (!RELEASE_TRANSITIONS.publish.from.includes(state)) {
    throw DomainError.conflict('PUBLISH_NOT_APPROVED', { version, state, blocked: facts.blocked }, { state });
  }
}

// ------------------------------------------------------------------ adoption

/**
 * Adoption only of QA-passed releases: a subscription targets, and a range must match, only
 * PUBLISHED (so APPROVED before, see RELEASE_TRANSITIONS.publish), non-deprecated releases.
 */
export function isAdoptable(release: { state: ReleaseState; deprecation: unknown }): boolean {
  return release.state === ReleaseState.PUBLISHED && !release.deprecation;
}

/** The releases among these that may be adopted (`isAdoptable`). */
export function adoptableReleases<R extends { state: ReleaseState; deprecation: unknown }>(
  releases: readonly R[],
): R[] {
  return releases.filter(isAdoptable);
}

/** SQL twin of `isAdoptable` on the release row `r`. */
export function adoptableSql(r: string): string {
  return `${r}.state = 'PUBLISHED' AND ${r}.deprecation IS NULL`;
}
