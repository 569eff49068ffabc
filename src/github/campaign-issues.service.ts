import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { TargetView } from '#src/campaigns/campaign-queries.service';
import '#src/campaigns/campaign.events';
import { CampaignIssueFacts } from '#src/campaigns/campaign-issue-facts';
import { checkIssueRetry } from '#src/campaigns/campaign.rules';
import { CampaignsService } from '#src/campaigns/campaigns.service';
import type { Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import type { RequestLoaders } from '#src/common/graphql/request-context';
import { inKeyOrder } from '#src/common/graphql/request-context';
import { TransactionEvents } from '#src/database/transaction-events';
import { CampaignIssueQueue } from './campaign-issue-queue';
import { CampaignTargetIssueRepository } from './campaign-target-issue.repository';
import type { CampaignTargetIssueEntity } from './github.entity';

/**
 * The GitHub issues of campaign targets as the campaigns see them: queued when targets are made
 * ('campaign.targetsAdded', in their transaction), read per target (batched), queued again by hand.
 */
@Injectable()
export class CampaignIssuesService implements OnModuleInit {
  constructor(
    private readonly events: TransactionEvents,
    private readonly queue: CampaignIssueQueue,
    private readonly issues: CampaignTargetIssueRepository,
    private readonly campaigns: CampaignsService,
    private readonly facts: CampaignIssueFacts,
  ) {}

  onModuleInit() {
    // CampaignTarget.viewerActions offers RETRY_ISSUE where `retry` would queue the issue.
    this.facts.provide({ retryable: (targetIds) => this.queue.retryable(targetIds) });
    // One GitHub issue per target whose service links a repository, queued with the targets.
    this.events.on('campaign.targetsAdded', async (tx, { targetIds }) => {
      await this.queue.enqueue(tx.manager, targetIds, tx.now);
    });
  }

  /** The target's issue row, or null (no repository linked, or GitHub not configured); batched per request. */
  of(loaders: RequestLoaders, targetId: string): Promise<CampaignTargetIssueEntity | null> {
    return loaders
      .get<string, CampaignTargetIssueEntity | null>('issueByTarget', async (ids) =>
        inKeyOrder(ids, await this.issues.byTargets(ids), (row) => row.targetId),
      )
      .load(targetId);
  }

  /** Queues the target's GitHub issue again after it FAILED or was SKIPPED, or for the first time after the repository was linked. */
  retry(viewer: Viewer, targetId: string): Promise<TargetView> {
    return this.campaigns.actOnTarget(viewer, targetId, 'retryIssue', async (tx, target) => {
      checkIssueRetry(target.excludedAt !== null);
      const outcome = await this.queue.retry(tx.manager, target.id, tx.now);
      if (outcome !== 'queued') {
        throw outcome === 'off'
          ? DomainError.conflict('GITHUB_NOT_CONFIGURED')
          : outcome === 'unlinked'
            ? DomainError.conflict('NO_REPOSITORY')
            : DomainError.conflict('ISSUE_EXISTS', { outcome }, { issueState: outcome });
      }
      tx.audit('campaign.retryIssue', 'Campaign', target.campaignId, { target: target.id });
    });
  }
}
