import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { AfterArg, FirstArg } from '#src/common/graphql/pagination';
import { GithubDeliveriesService } from './github-deliveries.service';
import { DeliveryOutcome, GithubDelivery, GithubDeliveryConnection } from './github.model';

@Resolver(() => GithubDelivery)
export class GithubResolver {
  constructor(private readonly deliveries: GithubDeliveriesService) {}

  @Roles(Role.OPERATOR)
  @Query(() => GithubDeliveryConnection, {
    description: 'Webhook deliveries from GitHub, newest first (OPERATOR)',
  })
  githubDeliveries(
    @CurrentViewer() viewer: Viewer,
    @FirstArg(50) first: number | null,
    @AfterArg() after: string | null,
    @Args('outcome', { type: () => DeliveryOutcome, nullable: true }) outcome: DeliveryOutcome | null,
  ) {
    return this.deliveries.list(viewer, outcome ?? null, first, after);
  }

  @Roles(Role.OPERATOR)
  @Mutation(() => GithubDelivery, {
    description: 'Queues a FAILED or SKIPPED delivery again, e.g. after its repository was linked (OPERATOR)',
  })
  replayGithubDelivery(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.deliveries.replay(viewer, id);
  }
}
