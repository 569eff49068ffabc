import { Module } from '@nestjs/common';
import {
  InterfaceCapabilityResolver,
  InterfaceStandardsResolver,
  OrganisationsResolver,
  UserResolver,
  ViewerResolver,
} from './organisations.resolver';
import { ForgeNamespaceRepository } from './forge-namespace.repository';
import { ForgeNamespacesResolver } from './forge-namespaces.resolver';
import { ForgeNamespacesService } from './forge-namespaces.service';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationsService } from './organisations.service';

@Module({
  providers: [
    OrganisationRepository,
    OrganisationsService,
    ForgeNamespaceRepository,
    ForgeNamespacesService,
    ForgeNamespacesResolver,
    OrganisationsResolver,
    InterfaceCapabilityResolver,
    InterfaceStandardsResolver,
    ViewerResolver,
    UserResolver,
  ],
  exports: [OrganisationsService, OrganisationRepository, ForgeNamespacesService],
})
export class OrganisationsModule {}
