import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InputValidationPipe } from '#src/common/validation/input-validation.pipe';
import { CurrentViewer, Public, Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import type { Viewer as AuthViewer } from '#src/common/auth/viewer';
import type { RequestContext } from '#src/common/graphql/request-context';
import { InterfaceStandardInput } from './dto/register-interface-standard.input';
import { RegisterOrganisationInput } from './dto/register-organisation.input';
import { InterfaceCapabilityInput } from './dto/set-capabilities.input';
import { InterfaceCapability, InterfaceStandard, Organisation, User, Viewer } from './organisation.model';
import { agsOf, kreisschluesselOf } from './organisation.rules';
import { OrganisationsService } from './organisations.service';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Public()
  @Query(() => Organisation, { nullable: true })
  organisation(@Args('key') key: string): Promise<Organisation | null> {
    return this.service.findByKey(key);
  }

  @Roles(Role.OPERATOR)
  @Mutation(() => Organisation)
  registerOrganisation(
    @CurrentViewer() viewer: AuthViewer,
    @Args('input', InputValidationPipe) input: RegisterOrganisationInput,
  ): Promise<Organisation> {
    return this.service.register(viewer, input);
  }

  @Roles(Role.MUNICIPALITY_ADMIN, Role.OPERATOR)
  @Mutation(() => Organisation)
  setCapabilities(
    @CurrentViewer() viewer: AuthViewer,
    @Args('organisationKey') organisationKey: string,
    @Args('capabilities', { type: () => [InterfaceCapabilityInput] })
    capabilities: InterfaceCapabilityInput[],
  ): Promise<Organisation> {
    return this.service.setCapabilities(viewer, organisationKey, capabilities);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Amtlicher Gemeindeschlüssel (8 digits), derived from the ARS: for Gemeinden and kreisfreie Städte only (a Land, Kreis or Amt has none)',
  })
  ags(@Parent() organisation: Organisation): string | null {
    return agsOf(organisation.kind, organisation.ars);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Kreisschlüssel (5 digits): of the Kreis or kreisfreie Stadt itself, or of the one an Amt or Gemeinde lies in; none for a Land or a body without an ARS',
  })
  kreisschluessel(@Parent() organisation: Organisation): string | null {
    return kreisschluesselOf(organisation.kind, organisation.ars);
  }

  @ResolveField(() => Organisation, { nullable: true })
  parent(
    @Parent() organisation: Organisation,
    @Context() ctx: RequestContext,
  ): Promise<Organisation | null> | null {
    return organisation.parentId ? this.service.byId(ctx.loaders, organisation.parentId) : null;
  }

  @ResolveField(() => [InterfaceCapability])
  capabilities(
    @Parent() organisation: Organisation,
    @Context() ctx: RequestContext,
  ): Promise<InterfaceCapability[]> {
    return this.service.capabilities(ctx.loaders, organisation.id) as Promise<InterfaceCapability[]>;
  }
}

@Resolver(() => InterfaceCapability)
export class InterfaceCapabilityResolver {
  constructor(private readonly service: OrganisationsService) {}

  @ResolveField(() => InterfaceStandard)
  async standard(
    @Parent() capability: InterfaceCapability,
    @Context() ctx: RequestContext,
  ): Promise<InterfaceStandard> {
    return (await this.service.standardById(ctx.loaders, capability.standardId))!;
  }
}

@Resolver(() => InterfaceStandard)
export class InterfaceStandardsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Public()
  @Query(() => [InterfaceStandard])
  interfaceStandards(): Promise<InterfaceStandard[]> {
    return this.service.standards();
  }

  @Roles(Role.OPERATOR)
  @Mutation(() => InterfaceStandard)
  registerInterfaceStandard(
    @CurrentViewer() viewer: AuthViewer,
    @Args('input', InputValidationPipe) input: InterfaceStandardInput,
  ): Promise<InterfaceStandard> {
    return this.service.registerStandardBy(viewer, input);
  }
}

@Resolver(() => Viewer)
export class ViewerResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Public()
  @Query(() => Viewer, { nullable: true, description: 'The caller, or null for anonymous' })
  viewer(@CurrentViewer() viewer: AuthViewer | null): Viewer | null {
    if (!viewer) {
      return null;
    }
    return {
      subject: viewer.subject,
      name: viewer.name,
      roles: [...viewer.roles],
      organisationId: viewer.organisation?.id ?? null,
    };
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(
    @Parent() viewer: Viewer,
    @Context() ctx: RequestContext,
  ): Promise<Organisation | null> | null {
    return viewer.organisationId ? this.service.byId(ctx.loaders, viewer.organisationId) : null;
  }
}

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly service: OrganisationsService) {}

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() user: User, @Context() ctx: RequestContext): Promise<Organisation | null> | null {
    return user.organisationKey ? this.service.byKey(ctx.loaders, user.organisationKey) : null;
  }
}
