import { Module, type OnModuleInit } from '@nestjs/common';
import { CatalogueReleaseFacts } from '#src/catalogue/catalogue-release-facts';
import { QaModule } from '#src/qa/qa.module';
import { CatalogueModule } from '#src/catalogue/catalogue.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import {
  DeprecationResolver,
  InterfaceImpactResolver,
  InterfaceUseResolver,
  QaGateResolver,
  ServiceReleasesResolver,
  WithdrawalResolver,
} from './release-types.resolver';
import { ReleaseFeedController } from './release-feed.controller';
import { ReleasesResolver } from './releases.resolver';
import { ReleaseRepository, releaseSql } from './release.repository';
import { ReleaseEvaluation } from './release-evaluation';
import { ReleaseLifecycleService } from './release-lifecycle.service';
import { ReleaseReviewService } from './release-review.service';
import { ReleasesService } from './releases.service';

@Module({
  imports: [OrganisationsModule, QaModule, CatalogueModule],
  controllers: [ReleaseFeedController],
  providers: [
    ReleasesService,
    ReleaseRepository,
    ReleaseEvaluation,
    ReleaseLifecycleService,
    ReleaseReviewService,
    ReleasesResolver,
    QaGateResolver,
    InterfaceImpactResolver,
    InterfaceUseResolver,
    DeprecationResolver,
    WithdrawalResolver,
    ServiceReleasesResolver,
  ],
  exports: [
    ReleasesService,
    ReleaseRepository,
    ReleaseLifecycleService,
    ReleaseReviewService,
    ReleaseEvaluation,
  ],
})
export class ReleasesModule implements OnModuleInit {
  constructor(private readonly catalogueFacts: CatalogueReleaseFacts) {}

  /** The catalogue's filters on releases run this module's SQL (the catalogue sits below). */
  onModuleInit(): void {
    this.catalogueFacts.provide(releaseSql);
  }
}
