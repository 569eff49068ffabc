import { Injectable } from '@nestjs/common';

/** What the GitHub integration tells the campaigns about their targets' issues. */
export interface IssueFacts {
  /**
   * The targets among the ids whose issue retryCampaignTargetIssue would queue now (GitHub
   * configured, the service links a repository, no issue PENDING or OPENED), in one statement.
   * The campaign's own conditions (its state, the viewer, the exclusion) are not checked here.
   */
  retryable(targetIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/**
 * The port through which `CampaignTarget.viewerActions` asks whether an issue can be queued
 * again: the GitHub integration sits above the campaigns and plugs its answer in at start-up
 * (CampaignIssuesService). Without it nothing is retryable, as there is no retry to call.
 */
@Injectable()
export class CampaignIssueFacts {
  private facts: IssueFacts | null = null;

  provide(facts: IssueFacts): void {
    this.facts = facts;
  }

  retryable(targetIds: readonly string[]): Promise<ReadonlySet<string>> {
    return this.facts ? this.facts.retryable(targetIds) : Promise.resolve(new Set());
  }
}
