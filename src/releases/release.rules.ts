import semver from 'semver';
import {
  ChangeType,
  QaGateStatus,
  ReleaseState,
  Verdict,
  VersionBump,
  type ChangeEntry,
  type InterfaceUse,
} from './release-enums';
import { QaGateKind } from '#src/qa/qa-policy.rules';

/**
 * Release and QA gate rules (domain.md, "Releases", "QA gates", "Interface impact"): pure
 * functions of the facts, no framework, no database.
 */

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
  return { bump, added, removed, breaking, semverConsistent, inconsistency };
}

export interface SignOffFact {
  verdict: Verdict;
  reviewerName: string;
  comment: string | null;
  outdated: boolean;
}

export interface GateFacts {
  kind: QaGateKind;
  requiredApprovals: number;
  signOffs: SignOffFact[];
  waiverExpiresAt: Date | null;
  /** The release's semver inconsistency; it holds the INTERFACES gate PENDING unless waived. */
  inconsistency: string | null;
}

export interface GateOutcome {
  status: QaGateStatus;
  approvals: number;
  waiverExpired: boolean;
  blockedReason: string | null;
}

const plural = (n: number, word: string) => `${n} more ${word} approval${n === 1 ? '' : 's'}`;

/** A gate's status from its waiver and current sign-offs (domain.md, "QA gates"). */
export function gateOutcome(gate: GateFacts, now: Date): GateOutcome {
  const current = gate.signOffs.filter((s) => !s.outdated);
  const approvals = current.filter((s) => s.verdict === Verdict.APPROVE).length;
  const waiverExpired = gate.waiverExpiresAt !== null && gate.waiverExpiresAt.getTime() <= now.getTime();
  if (gate.waiverExpiresAt && !waiverExpired) {
    return { status: QaGateStatus.WAIVED, approvals, waiverExpired, blockedReason: null };
  }

  const reasons: string[] = [];
  let status: QaGateStatus;
  const rejects = current.filter((s) => s.verdict === Verdict.REJECT);
  if (rejects.length > 0) {
    status = QaGateStatus.FAILED;
    reasons.push(...rejects.map((s) => `rejected by ${s.reviewerName}${s.comment ? `: ${s.comment}` : ''}`));
  } else if (gate.kind === QaGateKind.INTERFACES && gate.inconsistency) {
    status = QaGateStatus.PENDING;
    reasons.push(gate.inconsistency);
  } else if (approvals >= gate.requiredApprovals) {
    status = QaGateStatus.PASSED;
  } else {
    status = QaGateStatus.PENDING;
    reasons.push(`needs ${plural(gate.requiredApprovals - approvals, gate.kind)}`);
  }
  if (waiverExpired && status !== QaGateStatus.PASSED) {
    reasons.push(`waiver expired on ${gate.waiverExpiresAt!.toISOString().slice(0, 10)}`);
  }
  return { status, approvals, waiverExpired, blockedReason: reasons.length > 0 ? reasons.join('; ') : null };
}

/** Until publication the release follows its gates: any FAILED: REJECTED; all PASSED or WAIVED: APPROVED. */
export function stateFromGates(statuses: QaGateStatus[]): ReleaseState {
  if (statuses.includes(QaGateStatus.FAILED)) {
    return ReleaseState.REJECTED;
  }
  if (statuses.every((s) => s === QaGateStatus.PASSED || s === QaGateStatus.WAIVED)) {
    return ReleaseState.APPROVED;
  }
  return ReleaseState.IN_REVIEW;
}

/** The states in review, whose state follows the gates. */
export const REVIEW_STATES: readonly ReleaseState[] = [
  ReleaseState.IN_REVIEW,
  ReleaseState.APPROVED,
  ReleaseState.REJECTED,
];

export const GATE_KIND_ROLE = {
  [QaGateKind.USABILITY]: 'REVIEWER_USABILITY',
  [QaGateKind.SECURITY]: 'REVIEWER_SECURITY',
  [QaGateKind.INTERFACES]: 'REVIEWER_INTERFACES',
} as const;
