import { Module } from '@nestjs/common';
import { CampaignsModule } from '#src/campaigns/campaigns.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import { ReleasesModule } from '#src/releases/releases.module';
import { CampaignIssueQueue } from './campaign-issue-queue';
import { CampaignIssueWorker } from './campaign-issue-worker';
import { CampaignIssuesResolver } from './campaign-issues.resolver';
import { CampaignIssuesService } from './campaign-issues.service';
import { CampaignTargetIssueRepository } from './campaign-target-issue.repository';
import { GithubClient } from './github-client';
import { GithubDeliveriesService } from './github-deliveries.service';
import { GithubDeliveryRepository } from './github-delivery.repository';
import { GithubResolver } from './github.resolver';
import { GithubWebhooksController } from './github-webhooks.controller';
import { GithubWorker } from './github-worker';
import { WebhookVerifier } from './webhook-verifier';

/**
 * Releases in from GitHub webhooks, campaign issues out (docs/github.md). The campaigns do not
 * know this module: their new targets reach it as 'campaign.targetsAdded' (CampaignIssuesService).
 */
@Module({
  imports: [ReleasesModule, CampaignsModule, OrganisationsModule],
  controllers: [GithubWebhooksController],
  providers: [
    GithubClient,
    WebhookVerifier,
    GithubDeliveryRepository,
    CampaignTargetIssueRepository,
    CampaignIssueQueue,
    CampaignIssuesService,
    CampaignIssuesResolver,
    GithubDeliveriesService,
    CampaignIssueWorker,
    GithubWorker,
    GithubResolver,
  ],
  exports: [GithubWorker, GithubClient],
})
export class GithubModule {}
