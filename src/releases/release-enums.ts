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

// Owned by the QA module; re-exported for the modules that read them here.
export { QaGateStatus, Verdict } from '#src/qa/qa-enums';

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

export type { UserRef } from '#src/common/auth/user-ref';
