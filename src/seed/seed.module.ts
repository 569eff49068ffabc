import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ReleasesModule } from '../releases/releases.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { EffortModule } from '../effort/effort.module';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [
    OrganisationsModule,
    CatalogueModule,
    ReleasesModule,
    SubscriptionsModule,
    CampaignsModule,
    EffortModule,
  ],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class SeedModule {}
