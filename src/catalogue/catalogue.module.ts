import { Module } from '@nestjs/common';
import { QaModule } from '#src/qa/qa.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import { LegalNormsResolver, LegalReferenceResolver, ServicesResolver } from './catalogue.resolver';
import { CatalogueReleaseFacts } from './catalogue-release-facts';
import { LegalNormRepository } from './legal-norm.repository';
import { LegalNormsService } from './legal-norms.service';
import { ServiceRepository } from './service.repository';
import { SearchExpansion } from './search/search-expansion';
import { SearchSuggestions } from './search/search-suggestions';
import { ServicesService } from './services.service';

@Module({
  imports: [OrganisationsModule, QaModule],
  providers: [
    CatalogueReleaseFacts,
    ServiceRepository,
    SearchExpansion,
    SearchSuggestions,
    LegalNormRepository,
    ServicesService,
    LegalNormsService,
    ServicesResolver,
    LegalNormsResolver,
    LegalReferenceResolver,
  ],
  exports: [
    CatalogueReleaseFacts,
    ServicesService,
    LegalNormsService,
    ServiceRepository,
    LegalNormRepository,
  ],
})
export class CatalogueModule {}
