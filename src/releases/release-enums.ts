export enum ReleaseState {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum ChangeType {
  ADDED = 'ADDED',
  CHANGED = 'CHANGED',
  FIXED = 'FIXED',
  REMOVED = 'REMOVED',
  SECURITY = 'SECURITY',
  LEGAL = 'LEGAL',
  BREAKING = 'BREAKING',
}

export enum InterfaceDirection {
  PROVIDES = 'PROVIDES',
  CONSUMES = 'CONSUMES',
}

export enum VersionBump {
  INITIAL = 'INITIAL',
  MAJOR = 'MAJOR',
  MINOR = 'MINOR',
  PATCH = 'PATCH',
  PRERELEASE = 'PRERELEASE',
}

export enum QaGateStatus {
  PENDING = 'PENDING',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  WAIVED = 'WAIVED',
}

export enum Verdict {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}

export interface ChangeEntry {
  type: ChangeType;
  description: string;
}

/** A (standard, version, direction) triple; `standard` is the standard's key. */
export interface InterfaceUse {
  standard: string;
  version: string;
  direction: InterfaceDirection;
}

/** A user as the token named them when they acted. */
export interface UserRef {
  subject: string;
  name: string | null;
  organisation: string | null;
}
