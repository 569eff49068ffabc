import {
  Args,
  Context,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { InputValidationPipe } from '#src/common/validation/input-validation.pipe';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedUnder } from '#src/common/graphql/selection';
import { CurrentViewer, Public, Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { AfterArg, FirstArg } from '#src/common/graphql/pagination';
import type { RequestContext } from '#src/common/graphql/request-context';
import {
  Organisation,
  OrganisationConnection,
  OrganisationKind,
} from '#src/organisations/organisation.model';
import { OrganisationsService } from '#src/organisations/organisations.service';
import {
  LegalNorm,
  LegalReference,
  OnlineService,
  OnlineServiceConnection,
  QaPolicy,
  ServiceSuggestion,
} from './catalogue.model';
import { QaGateRuleInput } from './dto/qa-gate-rule.input';
import { RegisterLegalNormInput } from './dto/register-legal-norm.input';
import { RegisterServiceInput } from './dto/register-service.input';
import { ServiceFilter } from './dto/service-filter.input';
import { UpdateServiceInput } from './dto/update-service.input';
import { LegalNormsService } from './legal-norms.service';
import { provisionUrl } from './provision-link';
import { SearchSuggestions } from './search/search-suggestions';
import { SERVICE_ID_ARG, SERVICE_SLUG_ARG } from './service-ref';
import { serviceSql } from './service.sql';
import { ServicesService, type LegalReferenceRow } from './services.service';
import type { OnlineServiceEntity } from './catalogue.entity';

@Resolver(() => OnlineService)
export class ServicesResolver {
  constructor(
    private readonly catalogue: ServicesService,
    private readonly organisations: OrganisationsService,
    private readonly suggestions: SearchSuggestions,
  ) {}

  /**
   * The organisations' list lives here, not in the organisations module, because of its
   * `ownsServices` filter: only the catalogue knows who owns a service (layers point one way).
   */
  @Public()
  @Query(() => OrganisationConnection, {
    name: 'organisations',
    description: 'Organisations by key, filtered',
  })
  organisationList(
    @Args('kind', { type: () => OrganisationKind, nullable: true }) kind: OrganisationKind | null,
    @Args('ownsServices', {
      type: () => Boolean,
      nullable: true,
      description:
        "true: only organisations that own at least one service (the catalogue's owners); false: only those that own none",
    })
    ownsServices: boolean | null,
    @FirstArg(50) first: number | null,
    @AfterArg() after: string | null,
  ): Promise<OrganisationConnection> {
    const owns = serviceSql.ownsAny('o.id');
    // Absent, the argument is undefined (not null): no condition then.
    const condition = ownsServices == null ? null : ownsServices ? owns : `NOT ${owns}`;
    return this.organisations.list(kind, first, after, condition);
  }

  @Public()
  @Query(() => OnlineService, { nullable: true })
  service(@Args('slug') slug: string): Promise<OnlineServiceEntity | null> {
    return this.catalogue.findBySlug(slug);
  }

  @Public()
  @Query(() => [ServiceSuggestion], {
    description:
      'Services whose name or a keyword begins, at one of its words, with the prefix (umlauts and their transliterations alike): fast enough for every keystroke',
  })
  serviceSuggestions(
    @Args('prefix', { description: 'What was typed: at least 2 letters or digits, at most 100 characters' })
    prefix: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 8, description: '1 to 20' })
    first: number | null,
  ) {
    return this.suggestions.suggest(prefix, first);
  }

  @Public()
  @Query(() => OnlineServiceConnection)
  services(
    @Args('filter', { type: () => ServiceFilter, nullable: true }) filter: ServiceFilter | null,
    @FirstArg(20) first: number | null,
    @AfterArg() after: string | null,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const node = selectedUnder(info, ['edges', 'node']);
    return this.catalogue.list(filter, first, after, {
      loaders: ctx.loaders,
      owner: node.has('owner'),
      legalBases: node.has('legalBases'),
    });
  }

  @Roles(Role.MAINTAINER, Role.OPERATOR)
  @Mutation(() => OnlineService)
  registerService(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: RegisterServiceInput,
  ) {
    return this.catalogue.register(viewer, input);
  }

  @Roles(Role.MAINTAINER, Role.OPERATOR)
  @Mutation(() => OnlineService)
  updateService(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', InputValidationPipe) input: UpdateServiceInput,
  ) {
    return this.catalogue.update(viewer, id, input);
  }

  @Roles(Role.OPERATOR)
  @Mutation(() => OnlineService)
  async setQaPolicy(
    @CurrentViewer() viewer: Viewer,
    @Args('serviceId', SERVICE_ID_ARG) serviceId: string | null,
    @Args('serviceSlug', SERVICE_SLUG_ARG) serviceSlug: string | null,
    @Args('rules', { type: () => [QaGateRuleInput] }) rules: QaGateRuleInput[],
  ) {
    const ref = await this.catalogue.resolveRef({ serviceId, serviceSlug });
    return this.catalogue.setQaPolicy(viewer, ref.serviceId, rules);
  }

  @ResolveField(() => Organisation)
  async owner(@Parent() service: OnlineServiceEntity, @Context() ctx: RequestContext) {
    return (await this.organisations.byId(ctx.loaders, service.ownerId))!;
  }

  @ResolveField(() => [LegalReference])
  legalBases(@Parent() service: OnlineServiceEntity, @Context() ctx: RequestContext) {
    return this.catalogue.legalBases(ctx.loaders, service.id);
  }

  @ResolveField(() => QaPolicy)
  qaPolicy(@Parent() service: OnlineServiceEntity): QaPolicy {
    return { rules: this.catalogue.qaPolicy(service) };
  }
}

@Resolver(() => LegalNorm)
export class LegalNormsResolver {
  constructor(private readonly norms: LegalNormsService) {}

  @Public()
  @Query(() => [LegalNorm], { description: 'Norms whose abbreviation or title contains the text' })
  legalNorms(@Args('search', { type: () => String, nullable: true }) search: string | null) {
    return this.norms.list(search);
  }

  @Roles(Role.MAINTAINER, Role.OPERATOR)
  @Mutation(() => LegalNorm)
  registerLegalNorm(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: RegisterLegalNormInput,
  ) {
    return this.norms.registerBy(viewer, input);
  }
}

@Resolver(() => LegalReference)
export class LegalReferenceResolver {
  @ResolveField(() => String, {
    nullable: true,
    description:
      "Where to read the cited text: the provision's own page where the norm is on gesetze-im-internet.de " +
      '(§ 22 of https://www.gesetze-im-internet.de/wogg/ is https://www.gesetze-im-internet.de/wogg/__22.html, ' +
      "Art. 14 is art_14.html), else the norm's url (null without one)",
  })
  url(@Parent() reference: LegalReferenceRow): string | null {
    return provisionUrl(reference.norm.url, reference.provision);
  }
}
