import { Module } from '@nestjs/common';
import { CatalogueModule } from '#src/catalogue/catalogue.module';
import { GithubModule } from '#src/github/github.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import { ReleasesModule } from '#src/releases/releases.module';
import { PubliccodeController } from './publiccode.controller';
import { PubliccodeResolver } from './publiccode.resolver';
import { PubliccodeService } from './publiccode.service';

/** publiccode.yml out (GET /services/:slug/publiccode.yml) and in (importPubliccode): docs/opencode.md. */
@Module({
  imports: [OrganisationsModule, CatalogueModule, ReleasesModule, GithubModule],
  controllers: [PubliccodeController],
  providers: [PubliccodeService, PubliccodeResolver],
})
export class PubliccodeModule {}
