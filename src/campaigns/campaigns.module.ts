import { Module } from '@nestjs/common';
import { CatalogueModule } from '#src/catalogue/catalogue.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import { ReleasesModule } from '#src/releases/releases.module';
import { SubscriptionsModule } from '#src/subscriptions/subscriptions.module';
import { CampaignIssueFacts } from './campaign-issue-facts';
import { CampaignQueries } from './campaign-queries.service';
import { CampaignRepository } from './campaign.repository';
import {
  CampaignsResolver,
  CampaignTargetsResolver,
  ReleaseCampaignsResolver,
  SubscriptionCampaignTargetsResolver,
} from './campaigns.resolver';
import { CampaignsService } from './campaigns.service';

/** Legal-change campaigns; new targets reach the GitHub integration as 'campaign.targetsAdded'. */
@Module({
  imports: [CatalogueModule, ReleasesModule, OrganisationsModule, SubscriptionsModule],
  providers: [
    CampaignIssueFacts,
    CampaignRepository,
    CampaignQueries,
    CampaignsService,
    CampaignsResolver,
    CampaignTargetsResolver,
    ReleaseCampaignsResolver,
    SubscriptionCampaignTargetsResolver,
  ],
  exports: [CampaignsService, CampaignQueries, CampaignRepository, CampaignIssueFacts],
})
export class CampaignsModule {}
