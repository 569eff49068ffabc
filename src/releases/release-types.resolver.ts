import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { OnlineService } from '#src/catalogue/catalogue.model';
import type { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { CurrentViewer } from '#src/common/auth/decorators';
import type { Viewer } from '#src/common/auth/viewer';
import { AfterArg, FirstArg } from '#src/common/graphql/pagination';
import type { RequestContext } from '#src/common/graphql/request-context';
import { InterfaceStandard, User } from '#src/organisations/organisation.model';
import { OrganisationsService } from '#src/organisations/organisations.service';
import { QaGate } from '#src/qa/qa.model';
import { toUser } from '#src/qa/qa.resolver';
import {
  Deprecation,
  InterfaceImpact,
  InterfaceUseModel,
  Release,
  ReleaseConnection,
  Withdrawal,
} from './release.model';
import { ReleasesService } from './releases.service';

/**
 * The field resolvers of the types around a release: a gate's release, an impact's baseline, an
 * interface use's standard, who deprecated or withdrew it, and a service's releases.
 */

@Resolver(() => QaGate)
export class QaGateResolver {
  constructor(private readonly releases: ReleasesService) {}

  @ResolveField(() => Release)
  async release(@Parent() gate: QaGate, @Context() ctx: RequestContext) {
    return this.releases.byId(ctx.loaders, gate.releaseId);
  }
}

@Resolver(() => InterfaceImpact)
export class InterfaceImpactResolver {
  constructor(private readonly releases: ReleasesService) {}

  @ResolveField(() => Release, { nullable: true })
  baseline(@Parent() impact: InterfaceImpact, @Context() ctx: RequestContext) {
    return impact.baselineId ? this.releases.byId(ctx.loaders, impact.baselineId) : null;
  }
}

@Resolver(() => InterfaceUseModel)
export class InterfaceUseResolver {
  constructor(private readonly organisations: OrganisationsService) {}

  @ResolveField(() => InterfaceStandard)
  async standard(@Parent() use: InterfaceUseModel, @Context() ctx: RequestContext) {
    return (await this.organisations.standardByKey(ctx.loaders, use.standardKey))!;
  }
}

@Resolver(() => Deprecation)
export class DeprecationResolver {
  @ResolveField(() => User)
  by(@Parent() deprecation: Deprecation): User {
    return toUser(deprecation.byUser);
  }
}

@Resolver(() => Withdrawal)
export class WithdrawalResolver {
  @ResolveField(() => User)
  by(@Parent() withdrawal: Withdrawal): User {
    return toUser(withdrawal.byUser);
  }
}

@Resolver(() => OnlineService)
export class ServiceReleasesResolver {
  constructor(private readonly releaseService: ReleasesService) {}

  @ResolveField(() => ReleaseConnection, {
    description: 'Newest first; releases that are not PUBLISHED only for those who may see them',
  })
  releases(
    @Parent() service: OnlineServiceEntity,
    @CurrentViewer() viewer: Viewer | null,
    @FirstArg(20) first: number | null,
    @AfterArg() after: string | null,
  ) {
    return this.releaseService.listForService(viewer, service, first, after);
  }

  @ResolveField(() => Release, {
    nullable: true,
    description: 'Highest PUBLISHED release that is neither a pre-release nor deprecated',
  })
  latestRelease(@Parent() service: OnlineServiceEntity, @Context() ctx: RequestContext) {
    return this.releaseService.latest(ctx.loaders, service.id);
  }
}
