import { Module } from '@nestjs/common';
import { CatalogueModule } from '#src/catalogue/catalogue.module';
import { ReleasesModule } from '#src/releases/releases.module';
import { CampaignQueries } from './campaign-queries.service';
import { CampaignRepository } from './campaign.repository';
import { CampaignsResolver, CampaignTargetsResolver, ReleaseCampaignsResolver } from './campaigns.resolver';
import { CampaignsService } from './campaigns.service';

/** Legal-change campaigns; new targets reach the GitHub integration as 'campaign.targetsAdded'. */
@Module({
  imports: [CatalogueModule, ReleasesModule],
  providers: [
    CampaignRepository,
    CampaignQueries,
    CampaignsService,
    CampaignsResolver,
    CampaignTargetsResolver,
    ReleaseCampaignsResolver,
  ],
  exports: [CampaignsService, CampaignQueries, CampaignRepository],
})
export class CampaignsModule {}
