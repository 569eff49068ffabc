import { Module } from '@nestjs/common';
import { CatalogueModule } from '#src/catalogue/catalogue.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import { ReleasesModule } from '#src/releases/releases.module';
import {
  ImpactSubscriptionsResolver,
  OrganisationSubscriptionsResolver,
  RangeResolutionResolver,
  ServiceSubscriptionsResolver,
  SubscriptionsResolver,
} from './subscriptions.resolver';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionWorkflowService } from './subscription-workflow.service';
import { SubscriptionsService } from './subscriptions.service';

@Module({
  imports: [OrganisationsModule, CatalogueModule, ReleasesModule],
  providers: [
    SubscriptionRepository,
    SubscriptionsService,
    SubscriptionWorkflowService,
    SubscriptionsResolver,
    OrganisationSubscriptionsResolver,
    ServiceSubscriptionsResolver,
    ImpactSubscriptionsResolver,
    RangeResolutionResolver,
  ],
  exports: [SubscriptionsService, SubscriptionWorkflowService],
})
export class SubscriptionsModule {}
