import { Module } from '@nestjs/common';
import {
  InterfaceCapabilityResolver,
  InterfaceStandardsResolver,
  OrganisationsResolver,
  UserResolver,
  ViewerResolver,
} from './organisations.resolver';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationsService } from './organisations.service';

@Module({
  providers: [
    OrganisationRepository,
    OrganisationsService,
    OrganisationsResolver,
    InterfaceCapabilityResolver,
    InterfaceStandardsResolver,
    ViewerResolver,
    UserResolver,
  ],
  exports: [OrganisationsService, OrganisationRepository],
})
export class OrganisationsModule {}
