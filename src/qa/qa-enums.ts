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
