/** The QA module's enums: a gate's derived status and a reviewer's verdict (domain.md, "QA gates"). */

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

/** What holds a gate's status whatever reviewers sign (domain.md, "QA gates"). */
export enum QaGateHold {
  /** The release is breaking without a major version: its INTERFACES gate stays PENDING until waived. */
  SEMVER_INCONSISTENT = 'SEMVER_INCONSISTENT',
}
