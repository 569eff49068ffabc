import { Module } from '@nestjs/common';
import { CampaignsModule } from '#src/campaigns/campaigns.module';
import { CatalogueModule } from '#src/catalogue/catalogue.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import {
  EffortResolver,
  MaintenancePlanResolver,
  PlanItemResolver,
  ServiceBaselineResolver,
} from './effort.resolver';
import { EffortRepository } from './effort.repository';
import { EffortService } from './effort.service';
import { ReportsController } from './reports.controller';

@Module({
  imports: [OrganisationsModule, CatalogueModule, CampaignsModule],
  controllers: [ReportsController],
  providers: [
    EffortRepository,
    EffortService,
    EffortResolver,
    PlanItemResolver,
    MaintenancePlanResolver,
    ServiceBaselineResolver,
  ],
  exports: [EffortService],
})
export class EffortModule {}
