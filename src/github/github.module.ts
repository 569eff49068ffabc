import { Module } from '@nestjs/common';
import { ReleasesModule } from '#src/releases/releases.module';
import { CampaignIssueWorker } from './campaign-issue-worker';
import { GithubClient } from './github-client';
import { GithubDeliveriesService } from './github-deliveries.service';
import { GithubResolver } from './github.resolver';
import { GithubWebhooksController } from './github-webhooks.controller';
import { GithubWorker } from './github-worker';
import { WebhookVerifier } from './webhook-verifier';

/** Releases in from GitHub webhooks, campaign issues out (docs/github.md). */
@Module({
  imports: [ReleasesModule],
  controllers: [GithubWebhooksController],
  providers: [
    GithubClient,
    WebhookVerifier,
    GithubDeliveriesService,
    CampaignIssueWorker,
    GithubWorker,
    GithubResolver,
  ],
  exports: [GithubWorker],
})
export class GithubModule {}
