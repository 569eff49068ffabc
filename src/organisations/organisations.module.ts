import { Module } from '@nestjs/common';
import {
  InterfaceCapabilityResolver,
  InterfaceStandardsResolver,
  OrganisationsResolver,
  UserResolver,
  ViewerResolver,
} from './organisations.resolver';
import { OrganisationsService } from './organisations.service';

@Module({
  providers: [
    OrganisationsService,
    OrganisationsResolver,
    InterfaceCapabilityResolver,
    InterfaceStandardsResolver,
    ViewerResolver,
    UserResolver,
  ],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
