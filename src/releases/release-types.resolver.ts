import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { OnlineService } from '#src/catalogue/catalogue.model';
import type { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { CurrentViewer } from '#src/common/auth/decorators';
import type { Viewer } from '#src/common/auth/viewer';
import { AfterArg, FirstArg } from '#src/common/graphql/pagination';
import type { RequestContext } from '#src/common/graphql/request-context';
import { SemVerScalar } from '#src/common/graphql/scalars';
import { languageOf } from '#src/common/errors/language';
import { signOffAvailability } from './release-availability';
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

  @ResolveField(() => Boolean, {
    description:
      "signOff would accept a sign-off of this gate by the viewer now: the reviewer role of its kind, not the release's creator (four-eyes principle), the release in review",
  })
  async viewerMaySignOff(
    @Parent() gate: QaGate,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ) {
    const availability = await this.signOffAvailability(gate, viewer, ctx);
    return availability !== null && availability.refusal === null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "Why not (viewerMaySignOff false): signOff's error reason, e.g. FOUR_EYES, GATE_ROLE_REQUIRED",
  })
  async signOffRefusal(
    @Parent() gate: QaGate,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ) {
    return (await this.signOffAvailability(gate, viewer, ctx))?.refusal?.reason ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "signOff's error message for signOffRefusal, in the request's language (Accept-Language)",
  })
  async signOffRefusalMessage(
    @Parent() gate: QaGate,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ) {
    const refusal = (await this.signOffAvailability(gate, viewer, ctx))?.refusal;
    return refusal ? refusal.messageIn(languageOf(ctx.req.headers['accept-language'])) : null;
  }

  private async signOffAvailability(gate: QaGate, viewer: Viewer | null, ctx: RequestContext) {
    const release = await this.releases.byId(ctx.loaders, gate.releaseId);
    return release ? signOffAvailability(viewer, gate, release) : null;
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
    description:
      'The release of this version; null when there is none or the viewer may not see it (as release(id))',
  })
  release(
    @Parent() service: OnlineServiceEntity,
    @Args('version', { type: () => SemVerScalar }) version: string,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ) {
    return this.releaseService.byVersion(ctx.loaders, viewer, service.id, version);
  }

  @ResolveField(() => Release, {
    nullable: true,
    description: 'Highest PUBLISHED release that is neither a pre-release nor deprecated',
  })
  latestRelease(@Parent() service: OnlineServiceEntity, @Context() ctx: RequestContext) {
    return this.releaseService.latest(ctx.loaders, service.id);
  }
}
