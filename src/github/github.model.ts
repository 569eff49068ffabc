import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '#src/common/graphql/pagination';
import { DeliveryOutcome, IssueState } from './github-enums';

export { DeliveryOutcome, IssueState };

registerEnumType(IssueState, {
  name: 'CampaignIssueState',
  description: 'The GitHub issue of a target whose service links a repository (docs/github.md)',
  valuesMap: {
    PENDING: { description: 'Queued: it is opened shortly (or retried; issueDetail says why)' },
    OPENED: { description: 'Open on GitHub (or closed there: issueClosedAt)' },
    SKIPPED: { description: 'Not opened: the target was excluded or the campaign closed first' },
    FAILED: {
      description: 'GitHub refused it; issueDetail says why. retryCampaignTargetIssue queues it again',
    },
  },
});

registerEnumType(DeliveryOutcome, {
  name: 'DeliveryOutcome',
  description: 'What became of a GitHub webhook delivery',
  valuesMap: {
    PENDING: { description: 'Queued, or waiting for its next attempt' },
    PROCESSED: { description: 'Done: e.g. a draft release was created' },
    SKIPPED: { description: 'Nothing to do; `detail` says why' },
    FAILED: {
      description: 'Every attempt failed; `detail` has the last error. replayGithubDelivery queues it again',
    },
  },
});

@ObjectType({ description: 'A webhook delivery from GitHub, as received and processed' })
export class GithubDelivery {
  @Field(() => ID, { description: 'The X-GitHub-Delivery id' })
  id!: string;

  @Field({ description: 'The X-GitHub-Event, e.g. "release"' })
  event!: string;

  @Field(() => String, { nullable: true, description: 'The payload\'s action, e.g. "published"' })
  action!: string | null;

  @Field(() => String, { nullable: true, description: 'owner/name' })
  repository!: string | null;

  @Field()
  receivedAt!: Date;

  @Field(() => DeliveryOutcome)
  outcome!: DeliveryOutcome;

  @Field(() => String, { nullable: true, description: 'Why it was skipped or failed, or what it produced' })
  detail!: string | null;

  @Field(() => Int, { description: 'Processing attempts so far' })
  attempts!: number;
}

@ObjectType()
export class GithubDeliveryConnection extends ConnectionType(GithubDelivery) {}
