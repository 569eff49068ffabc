import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InputValidationPipe } from '#src/common/validation/input-validation.pipe';
import { CampaignQueries } from '#src/campaigns/campaign-queries.service';
import { CampaignTarget } from '#src/campaigns/campaign.model';
import { OnlineService } from '#src/catalogue/catalogue.model';
import type { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { SERVICE_ID_ARG, SERVICE_SLUG_ARG } from '#src/catalogue/service-ref';
import { ServicesService } from '#src/catalogue/services.service';
import { CurrentViewer, Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { ValidThreePoint } from '#src/common/estimates/three-point';
import { ThreePointEstimate, ThreePointInput } from '#src/common/estimates/three-point.model';
import { AfterArg, FirstArg } from '#src/common/graphql/pagination';
import type { RequestContext } from '#src/common/graphql/request-context';
import { DateScalar } from '#src/common/graphql/scalars';
import { ArgPipe } from '#src/common/validation/arg.pipe';
import { Organisation, User } from '#src/organisations/organisation.model';
import { OrganisationsService } from '#src/organisations/organisations.service';
import { toUser } from '#src/releases/releases.resolver';
import { roundedPlan } from './effort.rules';
import { EffortService } from './effort.service';
import {
  EffortEntry,
  EffortEntryConnection,
  MaintenancePlan,
  PlanItem,
  RecordEffortInput,
} from './effort.model';

const OWNERS = [Role.MAINTAINER, Role.OPERATOR];

@Resolver(() => EffortEntry)
export class EffortResolver {
  constructor(
    private readonly effort: EffortService,
    private readonly services: ServicesService,
    private readonly campaigns: CampaignQueries,
  ) {}

  @Roles(...OWNERS)
  @Mutation(() => OnlineService)
  async setMaintenanceBaseline(
    @CurrentViewer() viewer: Viewer,
    @Args('serviceId', SERVICE_ID_ARG) serviceId: string | null,
    @Args('serviceSlug', SERVICE_SLUG_ARG) serviceSlug: string | null,
    @Args('estimate', { type: () => ThreePointInput }, new ArgPipe('estimate', ValidThreePoint()))
    estimate: ThreePointInput,
  ) {
    const ref = await this.services.resolveRef({ serviceId, serviceSlug });
    return this.effort.setBaseline(viewer, ref.serviceId, estimate);
  }

  @Roles(...OWNERS)
  @Mutation(() => EffortEntry)
  async recordEffort(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: RecordEffortInput,
  ) {
    return this.effort.record(viewer, await this.services.resolveRef(input, 'input'));
  }

  @Roles(...OWNERS)
  @Query(() => EffortEntryConnection)
  async effortEntries(
    @CurrentViewer() viewer: Viewer,
    @Args('serviceId', SERVICE_ID_ARG) serviceId: string | null,
    @Args('serviceSlug', SERVICE_SLUG_ARG) serviceSlug: string | null,
    @FirstArg(50) first: number | null,
    @AfterArg() after: string | null,
  ) {
    const ref = await this.services.resolveRef({ serviceId, serviceSlug });
    return this.effort.entries(viewer, ref.serviceId, first, after);
  }

  @Roles(...OWNERS)
  @Query(() => MaintenancePlan)
  async maintenancePlan(
    @CurrentViewer() viewer: Viewer,
    @Args('ownerKey') ownerKey: string,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
  ) {
    // Computed at full precision, shown to the hundredth (cents): the API's edge.
    return roundedPlan(await this.effort.plan(viewer, ownerKey, from, to));
  }

  @ResolveField(() => OnlineService)
  async service(@Parent() entry: EffortEntry, @Context() ctx: RequestContext) {
    return (await this.services.byId(ctx.loaders, entry.serviceId))!;
  }

  @ResolveField(() => CampaignTarget, { nullable: true })
  async campaignTarget(@Parent() entry: EffortEntry) {
    return entry.campaignTargetId ? this.campaigns.target(entry.campaignTargetId) : null;
  }

  @ResolveField(() => User)
  recordedBy(@Parent() entry: { recordedBy: EffortEntry['recordedByUser'] }): User {
    return toUser(entry.recordedBy);
  }
}

@Resolver(() => PlanItem)
export class PlanItemResolver {
  constructor(
    private readonly services: ServicesService,
    private readonly campaigns: CampaignQueries,
  ) {}

  @ResolveField(() => OnlineService)
  async service(@Parent() item: PlanItem, @Context() ctx: RequestContext) {
    return (await this.services.byId(ctx.loaders, item.serviceId))!;
  }

  @ResolveField(() => CampaignTarget, { nullable: true })
  async campaignTarget(@Parent() item: PlanItem) {
    return item.campaignTargetId ? this.campaigns.target(item.campaignTargetId) : null;
  }
}

@Resolver(() => MaintenancePlan)
export class MaintenancePlanResolver {
  constructor(private readonly organisations: OrganisationsService) {}

  @ResolveField(() => Organisation)
  async owner(@Parent() plan: MaintenancePlan, @Context() ctx: RequestContext) {
    return (await this.organisations.byId(ctx.loaders, plan.ownerId))!;
  }
}

@Resolver(() => OnlineService)
export class ServiceBaselineResolver {
  constructor(private readonly effort: EffortService) {}

  @ResolveField(() => ThreePointEstimate, {
    nullable: true,
    description:
      "Routine maintenance hours per year: for the owner's MAINTAINERs and OPERATORs (it feeds their plans), null for anyone else",
  })
  maintenanceBaseline(
    @Parent() service: OnlineServiceEntity,
    @CurrentViewer() viewer: Viewer | null,
  ): ThreePointEstimate | null {
    return this.effort.baselineOf(viewer, service);
  }
}
