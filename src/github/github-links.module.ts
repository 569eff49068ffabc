import { Module } from '@nestjs/common';
import { CampaignIssueQueue } from './campaign-issue-queue';

/** What the campaigns need of GitHub (queueing issues), without the rest of the integration. */
@Module({ providers: [CampaignIssueQueue], exports: [CampaignIssueQueue] })
export class GithubLinksModule {}
