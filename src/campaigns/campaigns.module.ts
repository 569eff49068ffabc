import { Module } from '@nestjs/common';
import { CatalogueModule } from '#src/catalogue/catalogue.module';
import { GithubLinksModule } from '#src/github/github-links.module';
import { ReleasesModule } from '#src/releases/releases.module';
import { CampaignsResolver, CampaignTargetsResolver, ReleaseCampaignsResolver } from './campaigns.resolver';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [CatalogueModule, ReleasesModule, GithubLinksModule],
  providers: [CampaignsService, CampaignsResolver, CampaignTargetsResolver, ReleaseCampaignsResolver],
  exports: [CampaignsService],
})
export class CampaignsModule {}
