import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { TargetView } from '#src/campaigns/campaign-queries.service';
import { CampaignTarget } from '#src/campaigns/campaign.model';
import { CurrentViewer, Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import type { RequestContext } from '#src/common/graphql/request-context';
import { CampaignIssuesService } from './campaign-issues.service';
import { IssueState } from './github.model';

/** The GitHub issue's fields of a campaign target, and queueing it again. */
@Resolver(() => CampaignTarget)
export class CampaignIssuesResolver {
  constructor(private readonly issues: CampaignIssuesService) {}

  @Roles(Role.MAINTAINER, Role.OPERATOR)
  @Mutation(() => CampaignTarget, {
    description:
      "Queues the target's GitHub issue again after it FAILED, or opens one after the repository was linked (the owner's MAINTAINERs, OPERATORs)",
  })
  retryCampaignTargetIssue(
    @CurrentViewer() viewer: Viewer,
    @Args('targetId', { type: () => ID }) targetId: string,
  ) {
    return this.issues.retry(viewer, targetId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "The issue opened in the service's repository, where one is linked",
  })
  async issueUrl(@Parent() target: TargetView, @Context() ctx: RequestContext): Promise<string | null> {
    return (await this.issues.of(ctx.loaders, target.id))?.issueUrl ?? null;
  }

  @ResolveField(() => Date, { nullable: true })
  async issueClosedAt(@Parent() target: TargetView, @Context() ctx: RequestContext): Promise<Date | null> {
    return (await this.issues.of(ctx.loaders, target.id))?.closedAt ?? null;
  }

  @ResolveField(() => IssueState, {
    nullable: true,
    description: 'Null when the service links no GitHub repository, or GitHub is not configured',
  })
  async issueState(@Parent() target: TargetView, @Context() ctx: RequestContext): Promise<IssueState | null> {
    return (await this.issues.of(ctx.loaders, target.id))?.state ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Why the issue is not open yet, or was not opened',
  })
  async issueDetail(@Parent() target: TargetView, @Context() ctx: RequestContext): Promise<string | null> {
    return (await this.issues.of(ctx.loaders, target.id))?.detail ?? null;
  }
}
