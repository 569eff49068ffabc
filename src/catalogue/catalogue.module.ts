import { Module } from '@nestjs/common';
import { QaModule } from '#src/qa/qa.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import { LegalNormsResolver, ServicesResolver } from './catalogue.resolver';
import { LegalNormsService } from './legal-norms.service';
import { ServicesService } from './services.service';

@Module({
  imports: [OrganisationsModule, QaModule],
  providers: [ServicesService, LegalNormsService, ServicesResolver, LegalNormsResolver],
  exports: [ServicesService, LegalNormsService],
})
export class CatalogueModule {}
