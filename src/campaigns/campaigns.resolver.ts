import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InputValidationPipe } from '#src/common/validation/input-validation.pipe';
import { LegalNorm, OnlineService } from '#src/catalogue/catalogue.model';
import { LegalNormsService } from '#src/catalogue/legal-norms.service';
import { SERVICE_ID_ARG, SERVICE_SLUG_ARG } from '#src/catalogue/service-ref';
import { ServicesService } from '#src/catalogue/services.service';
import { CurrentViewer, Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { AfterArg, FirstArg } from '#src/common/graphql/pagination';
import type { RequestContext } from '#src/common/graphql/request-context';
import { User } from '#src/organisations/organisation.model';
import { Release } from '#src/releases/release.model';
import type { ReleaseEntity } from '#src/releases/release.entity';
import { ReleasesService } from '#src/releases/releases.service';
import { ServiceSubscription } from '#src/subscriptions/subscription.model';
import { SubscriptionsService } from '#src/subscriptions/subscriptions.service';
import { toUser } from '#src/releases/releases.resolver';
import { ArgPipe } from '#src/common/validation/arg.pipe';
import { Text } from '#src/common/validation/text';
import { CampaignQueries, type TargetView } from './campaign-queries.service';
import type { CampaignEntity } from './campaign.entity';
import {
  Campaign,
  CampaignConnection,
  CampaignPreview,
  CampaignProgress,
  CampaignTarget,
  SubscriptionCampaignTarget,
  TargetRollout,
} from './campaign.model';
import { CampaignState, CampaignTargetViewerAction, CampaignViewerAction } from './campaign.rules';
import { CampaignsService } from './campaigns.service';
import { CampaignPreviewInput, OpenCampaignInput, PlanCampaignTargetInput } from './dto/campaign.inputs';

const CAMPAIGNERS = [Role.MAINTAINER, Role.OPERATOR];

@Resolver(() => Campaign)
export class CampaignsResolver {
  constructor(
    private readonly campaignService: CampaignsService,
    private readonly queries: CampaignQueries,
    private readonly norms: LegalNormsService,
    private readonly services: ServicesService,
  ) {}

  @Query(() => Campaign, { nullable: true })
  campaign(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    return this.queries.byId(ctx.loaders, id);
  }

  @Query(() => CampaignConnection)
  campaigns(
    @Args('state', { type: () => CampaignState, nullable: true }) state: CampaignState | null,
    @FirstArg(20) first: number | null,
    @AfterArg() after: string | null,
  ) {
    return this.queries.list(state, first, after);
  }

  @Query(() => [SubscriptionCampaignTarget], {
    description:
      "The targets of ACTIVE campaigns (not excluded) on services the organisation subscribes to (REQUESTED, ACTIVE or SUSPENDED), each with that subscription, earliest deadline first: for a municipality's start page. The organisation is the viewer's unless organisationKey names one; only subscriptions the viewer may read count (a municipality its own, the owner's MAINTAINERs those to its services, OPERATORs any). Anyone signed in (with a role)",
  })
  campaignTargetsAffecting(
    @CurrentViewer() viewer: Viewer,
    @Args('organisationKey', {
      type: () => String,
      nullable: true,
      description: "Defaults to the viewer's organisation (an OPERATOR without one must name it)",
    })
    organisationKey: string | null,
  ) {
    return this.queries.affecting(viewer, organisationKey);
  }

  @Roles(...CAMPAIGNERS)
  @Query(() => CampaignPreview, {
    description:
      'The targets openCampaign would create for this norm and these provisions, by the same selection, without writing anything; with warnings (no targets, effective date passed). Whoever may open a campaign (any MAINTAINER, OPERATOR)',
  })
  campaignPreview(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: CampaignPreviewInput,
    @Context() ctx: RequestContext,
  ) {
    return this.queries.preview(ctx.loaders, viewer, input);
  }

  @Roles(...CAMPAIGNERS)
  @Mutation(() => Campaign)
  openCampaign(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: OpenCampaignInput,
  ) {
    return this.campaignService.open(viewer, input);
  }

  @Roles(...CAMPAIGNERS)
  @Mutation(() => CampaignTarget)
  async addCampaignTarget(
    @CurrentViewer() viewer: Viewer,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('serviceId', SERVICE_ID_ARG) serviceId: string | null,
    @Args('serviceSlug', SERVICE_SLUG_ARG) serviceSlug: string | null,
  ) {
    const ref = await this.services.resolveRef({ serviceId, serviceSlug });
    return this.campaignService.addTarget(viewer, campaignId, ref.serviceId);
  }

  @Roles(...CAMPAIGNERS)
  @Mutation(() => CampaignTarget)
  excludeCampaignTarget(
    @CurrentViewer() viewer: Viewer,
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('reason', new ArgPipe('reason', Text({ max: 2_000 }))) reason: string,
  ) {
    return this.campaignService.exclude(viewer, targetId, reason);
  }

  @Roles(...CAMPAIGNERS)
  @Mutation(() => CampaignTarget)
  includeCampaignTarget(
    @CurrentViewer() viewer: Viewer,
    @Args('targetId', { type: () => ID }) targetId: string,
  ) {
    return this.campaignService.include(viewer, targetId);
  }

  @Roles(...CAMPAIGNERS)
  @Mutation(() => CampaignTarget)
  planCampaignTarget(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: PlanCampaignTargetInput,
  ) {
    return this.campaignService.plan(viewer, input);
  }

  @Roles(...CAMPAIGNERS)
  @Mutation(() => CampaignTarget)
  linkCampaignRelease(
    @CurrentViewer() viewer: Viewer,
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('releaseId', { type: () => ID }) releaseId: string,
  ) {
    return this.campaignService.link(viewer, targetId, releaseId);
  }

  @Roles(...CAMPAIGNERS)
  @Mutation(() => Campaign)
  completeCampaign(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.campaignService.complete(viewer, id);
  }

  @Roles(...CAMPAIGNERS)
  @Mutation(() => Campaign)
  cancelCampaign(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', new ArgPipe('reason', Text({ max: 2_000 }))) reason: string,
  ) {
    return this.campaignService.cancel(viewer, id, reason);
  }

  @ResolveField(() => LegalNorm)
  async norm(@Parent() campaign: CampaignEntity, @Context() ctx: RequestContext) {
    return (await this.norms.byId(ctx.loaders, campaign.normId))!;
  }

  @ResolveField(() => [CampaignTarget])
  targets(@Parent() campaign: CampaignEntity, @Context() ctx: RequestContext) {
    return this.queries.targets(ctx.loaders, campaign.id);
  }

  @ResolveField(() => CampaignProgress)
  progress(@Parent() campaign: CampaignEntity, @Context() ctx: RequestContext) {
    return this.queries.progress(ctx.loaders, campaign);
  }

  @ResolveField(() => User)
  createdBy(@Parent() campaign: CampaignEntity): User {
    return toUser(campaign.createdBy);
  }

  @ResolveField(() => [CampaignViewerAction], {
    description:
      "The campaign's actions the viewer's mutations would accept now (COMPLETE only when every target is RELEASED, ROLLED_OUT or EXCLUDED); empty on a closed campaign and for anyone who may not change campaigns",
  })
  viewerActions(
    @Parent() campaign: CampaignEntity,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ) {
    return this.queries.campaignActions(ctx.loaders, viewer, campaign);
  }
}

@Resolver(() => CampaignTarget)
export class CampaignTargetsResolver {
  constructor(
    private readonly queries: CampaignQueries,
    private readonly services: ServicesService,
    private readonly releases: ReleasesService,
  ) {}

  @ResolveField(() => Campaign)
  async campaign(@Parent() target: TargetView, @Context() ctx: RequestContext) {
    return (await this.queries.byId(ctx.loaders, target.campaignId))!;
  }

  @ResolveField(() => OnlineService)
  async service(@Parent() target: TargetView, @Context() ctx: RequestContext) {
    return (await this.services.byId(ctx.loaders, target.serviceId))!;
  }

  @ResolveField(() => Release, {
    nullable: true,
    description: 'The earliest PUBLISHED release that fulfils the change',
  })
  release(@Parent() target: TargetView, @Context() ctx: RequestContext) {
    return target.releaseId ? this.releases.byId(ctx.loaders, target.releaseId) : null;
  }

  @ResolveField(() => [CampaignTargetViewerAction], {
    description:
      "The target's actions the viewer's mutations would accept now (planning, linking and retrying the issue: the owner's MAINTAINERs and OPERATORs); empty on a closed campaign",
  })
  viewerActions(
    @Parent() target: TargetView,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ) {
    return this.queries.targetActions(ctx.loaders, viewer, target);
  }

  @ResolveField(() => [TargetRollout], {
    description:
      "The ACTIVE subscriptions to the target's service that the viewer may read (a subscriber's staff its own; the service owner's MAINTAINERs and OPERATORs all; anyone else none), non-compliant first, then by organisation name",
  })
  rollout(
    @Parent() target: TargetView,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ) {
    return this.queries.rollout(ctx.loaders, viewer, target);
  }
}

@Resolver(() => Release)
export class ReleaseCampaignsResolver {
  constructor(private readonly queries: CampaignQueries) {}

  @ResolveField(() => [Campaign], {
    description: 'Campaigns whose targets this release fulfils (empty for anonymous)',
  })
  fulfils(
    @Parent() release: ReleaseEntity,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ) {
    return this.queries.fulfilledBy(ctx.loaders, viewer, release.id);
  }
}

@Resolver(() => SubscriptionCampaignTarget)
export class SubscriptionCampaignTargetsResolver {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @ResolveField(() => ServiceSubscription, { description: 'The subscription the target concerns' })
  async subscription(@Parent() item: SubscriptionCampaignTarget, @Context() ctx: RequestContext) {
    return (await this.subscriptions.byId(ctx.loaders, item.subscriptionId))!;
  }
}
