import { Module } from '@nestjs/common';
import { QaModule } from '#src/qa/qa.module';
import { CatalogueModule } from '#src/catalogue/catalogue.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import {
  DeprecationResolver,
  InterfaceImpactResolver,
  InterfaceUseResolver,
  QaGateResolver,
  ReleasesResolver,
  ServiceReleasesResolver,
  SignOffResolver,
  WaiverResolver,
  WithdrawalResolver,
} from './releases.resolver';
import { ReleasesService } from './releases.service';

@Module({
  imports: [OrganisationsModule, QaModule, CatalogueModule],
  providers: [
    ReleasesService,
    ReleasesResolver,
    QaGateResolver,
    InterfaceImpactResolver,
    InterfaceUseResolver,
    SignOffResolver,
    WaiverResolver,
    DeprecationResolver,
    WithdrawalResolver,
    ServiceReleasesResolver,
  ],
  exports: [ReleasesService],
})
export class ReleasesModule {}
