import { languageOf } from '#src/common/errors/language';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InputValidationPipe } from '#src/common/validation/input-validation.pipe';
import { OnlineService } from '#src/catalogue/catalogue.model';
import type { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { ServicesService } from '#src/catalogue/services.service';
import { CurrentViewer, Public } from '#src/common/auth/decorators';
import type { Viewer } from '#src/common/auth/viewer';
import { AfterArg, FirstArg } from '#src/common/graphql/pagination';
import type { RequestContext } from '#src/common/graphql/request-context';
import { SemVerRangeScalar, SemVerScalar } from '#src/common/graphql/scalars';
import { ArgPipe } from '#src/common/validation/arg.pipe';
import { Text } from '#src/common/validation/text';
import { Organisation } from '#src/organisations/organisation.model';
import type { OrganisationEntity } from '#src/organisations/organisation.entity';
import { OrganisationsService } from '#src/organisations/organisations.service';
import { InterfaceImpact, Release } from '#src/releases/release.model';
import { ReleasesService } from '#src/releases/releases.service';
import { REASON_MAX, upgradeAvailable } from './subscription.rules';
import { RequestSubscriptionInput } from './dto/request-subscription.input';
import type { SubscriptionEntity } from './subscription.entity';
import {
  RangeResolution,
  ServiceFleet,
  ServiceSubscription,
  ServiceSubscriptionConnection,
  SubscriptionState,
} from './subscription.model';
import { SubscriptionWorkflowService } from './subscription-workflow.service';
import { SubscriptionsService } from './subscriptions.service';

/** A reason (reject, suspend, terminate): trimmed, not empty, at most 2000 characters. */
const reasonArg = () => new ArgPipe('reason', Text({ max: REASON_MAX }));

@Resolver(() => ServiceSubscription)
export class SubscriptionsResolver {
  constructor(
    private readonly subscriptionService: SubscriptionsService,
    private readonly workflow: SubscriptionWorkflowService,
    private readonly organisations: OrganisationsService,
    private readonly services: ServicesService,
  ) {}

  @Query(() => ServiceSubscriptionConnection, {
    description:
      'Subscriptions the viewer may read, filtered; the filters only narrow, and an unknown key or slug matches nothing',
  })
  subscriptions(
    @CurrentViewer() viewer: Viewer,
    @Args('organisationKey', {
      type: () => String,
      nullable: true,
      description: 'Only the subscriptions of the organisation with this key (the subscriber)',
    })
    organisationKey: string | null,
    @Args('ownerKey', {
      type: () => String,
      nullable: true,
      description: 'Only the subscriptions to the services owned by the organisation with this key',
    })
    ownerKey: string | null,
    @Args('serviceSlug', { type: () => String, nullable: true }) serviceSlug: string | null,
    @Args('state', { type: () => SubscriptionState, nullable: true }) state: SubscriptionState | null,
    @FirstArg(50) first: number | null,
    @AfterArg() after: string | null,
  ) {
    return this.subscriptionService.list(
      viewer,
      { organisationKey, ownerKey, serviceSlug, state },
      first,
      after,
    );
  }

  @Public()
  @Query(() => Int, {
    description:
      "The number of ACTIVE subscriptions in the registry, for the catalogue's figures (a number, no names: public, as OnlineService.subscriptionCount is)",
  })
  activeSubscriptionCount(): Promise<number> {
    return this.subscriptionService.activeTotal();
  }

  @Public()
  @Query(() => RangeResolution, {
    nullable: true,
    description:
      "Resolves a version range against the service's PUBLISHED releases by the rules of a subscription: the version it would target, the versions in range, or why it cannot be requested. The range is a String, so that a range still being typed is an answer (valid: false), not an error. Null for an unknown service. Anyone may ask.",
  })
  async resolveVersionRange(
    @Args('serviceSlug') serviceSlug: string,
    @Args('range') range: string,
    @Context() ctx: RequestContext,
  ) {
    const service = await this.services.findBySlug(serviceSlug.trim());
    const language = languageOf(ctx.req?.headers['accept-language']);
    return service ? this.subscriptionService.resolveRange(ctx.loaders, service.id, range, language) : null;
  }

  @Mutation(() => ServiceSubscription)
  async requestSubscription(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: RequestSubscriptionInput,
  ) {
    return this.workflow.request(viewer, await this.services.resolveRef(input, 'input'));
  }

  @Mutation(() => ServiceSubscription)
  approveSubscription(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args(
      'agreementReference',
      { type: () => String, nullable: true },
      new ArgPipe('agreementReference', Text({ max: REASON_MAX, optional: true })),
    )
    agreementReference: string | null,
  ) {
    return this.workflow.approve(viewer, id, agreementReference);
  }

  @Mutation(() => ServiceSubscription)
  rejectSubscription(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', reasonArg()) reason: string,
  ) {
    return this.workflow.reject(viewer, id, reason);
  }

  @Mutation(() => ServiceSubscription)
  suspendSubscription(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', reasonArg()) reason: string,
  ) {
    return this.workflow.suspend(viewer, id, reason);
  }

  @Mutation(() => ServiceSubscription)
  resumeSubscription(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.workflow.resume(viewer, id);
  }

  @Mutation(() => ServiceSubscription)
  changeSubscriptionRange(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('versionRange', { type: () => SemVerRangeScalar }) versionRange: string,
  ) {
    return this.workflow.changeRange(viewer, id, versionRange);
  }

  @Mutation(() => ServiceSubscription)
  reportDeployment(
    @CurrentViewer() viewer: Viewer,
    @Args('subscriptionId', { type: () => ID }) subscriptionId: string,
    @Args('version', { type: () => SemVerScalar }) version: string,
  ) {
    return this.workflow.reportDeployment(viewer, subscriptionId, version);
  }

  @Mutation(() => ServiceSubscription)
  terminateSubscription(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', reasonArg()) reason: string,
  ) {
    return this.workflow.terminate(viewer, id, reason);
  }

  @ResolveField(() => Organisation)
  async organisation(@Parent() subscription: SubscriptionEntity, @Context() ctx: RequestContext) {
    return (await this.organisations.byId(ctx.loaders, subscription.organisationId))!;
  }

  @ResolveField(() => OnlineService)
  async service(@Parent() subscription: SubscriptionEntity, @Context() ctx: RequestContext) {
    return (await this.services.byId(ctx.loaders, subscription.serviceId))!;
  }

  @ResolveField(() => Release, {
    nullable: true,
    description: 'Highest PUBLISHED release in range, not deprecated',
  })
  targetRelease(@Parent() subscription: SubscriptionEntity, @Context() ctx: RequestContext) {
    return this.subscriptionService.target(ctx.loaders, subscription);
  }

  @ResolveField(() => Boolean, { description: 'A version is deployed and it is lower than the target' })
  async upgradeAvailable(@Parent() subscription: SubscriptionEntity, @Context() ctx: RequestContext) {
    const target = await this.subscriptionService.target(ctx.loaders, subscription);
    return upgradeAvailable(subscription.deployedVersion, target?.version ?? null);
  }
}

@Resolver(() => Organisation)
export class OrganisationSubscriptionsResolver {
  constructor(private readonly subscriptionService: SubscriptionsService) {}

  @ResolveField(() => ServiceSubscriptionConnection, {
    description: "This organisation's subscriptions, as far as the viewer may read them",
  })
  subscriptions(
    @Parent() organisation: OrganisationEntity,
    @CurrentViewer() viewer: Viewer | null,
    @Args('state', { type: () => SubscriptionState, nullable: true }) state: SubscriptionState | null,
    @FirstArg(50) first: number | null,
    @AfterArg() after: string | null,
  ) {
    return this.subscriptionService.list(viewer, { organisationId: organisation.id, state }, first, after);
  }
}

@Resolver(() => OnlineService)
export class ServiceSubscriptionsResolver {
  constructor(private readonly subscriptionService: SubscriptionsService) {}

  @ResolveField(() => Int, { description: 'ACTIVE subscriptions (a number, no names: public)' })
  subscriptionCount(@Parent() service: OnlineServiceEntity, @Context() ctx: RequestContext) {
    return this.subscriptionService.activeCount(ctx.loaders, service.id);
  }

  @ResolveField(() => ServiceFleet, {
    nullable: true,
    description: "Who runs what: for the owner's MAINTAINERs and OPERATORs, null for anyone else",
  })
  fleet(
    @Parent() service: OnlineServiceEntity,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ) {
    return this.subscriptionService.fleet(ctx.loaders, viewer, service);
  }
}

@Resolver(() => InterfaceImpact)
export class ImpactSubscriptionsResolver {
  constructor(private readonly subscriptionService: SubscriptionsService) {}

  @ResolveField(() => [ServiceSubscription], {
    description:
      'ACTIVE ones whose organisation declared the standard but not this version (only those the viewer may see)',
  })
  async affectedSubscriptions(@Parent() impact: InterfaceImpact, @CurrentViewer() viewer: Viewer | null) {
    return this.subscriptionService.affected(viewer, {
      serviceId: impact.serviceId,
      interfaces: impact.uses,
    });
  }
}

@Resolver(() => RangeResolution)
export class RangeResolutionResolver {
  constructor(private readonly releases: ReleasesService) {}

  @ResolveField(() => Release, { nullable: true, description: 'The release of `version`' })
  release(@Parent() resolution: RangeResolution, @Context() ctx: RequestContext) {
    return resolution.releaseId ? this.releases.byId(ctx.loaders, resolution.releaseId) : null;
  }
}
