import { Module } from '@nestjs/common';
import { CatalogueModule } from '#src/catalogue/catalogue.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import { ReleasesModule } from '#src/releases/releases.module';
import { SubscriptionsModule } from '#src/subscriptions/subscriptions.module';
import { CampaignsModule } from '#src/campaigns/campaigns.module';
import { EffortModule } from '#src/effort/effort.module';
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
