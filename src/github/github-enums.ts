/** What became of a webhook delivery (registered for GraphQL in github.model.ts). */
export enum DeliveryOutcome {
  PENDING = 'PENDING',
  PROCESSED = 'PROCESSED',
  SKIPPED = 'SKIPPED',
  FAILED = 'FAILED',
}

/** The issue of a campaign target: to open (PENDING), OPENED, not needed (SKIPPED), or FAILED. */
export enum IssueState {
  PENDING = 'PENDING',
  OPENED = 'OPENED',
  SKIPPED = 'SKIPPED',
  FAILED = 'FAILED',
}
