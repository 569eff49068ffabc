import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LegalNorm, OnlineService } from '#src/catalogue/catalogue.model';
import { ThreePointEstimate } from '#src/common/estimates/three-point.model';
import { ConnectionType } from '#src/common/graphql/pagination';
import { DateScalar, SemVerScalar } from '#src/common/graphql/scalars';
import { ServiceSubscription } from '#src/subscriptions/subscription.model';
import {
  CampaignPreviewWarning,
  CampaignState,
  CampaignTargetState,
  CampaignTargetViewerAction,
  CampaignViewerAction,
} from './campaign.rules';

/** The GraphQL types of campaigns; the inputs are in dto/campaign.inputs.ts. */

registerEnumType(CampaignState, { name: 'CampaignState' });
registerEnumType(CampaignTargetState, {
  name: 'CampaignTargetState',
  valuesMap: {
    OPEN: { description: 'Nobody has planned the work yet' },
    PLANNED: { description: 'A release date and an estimate are set' },
    RELEASED: { description: 'A PUBLISHED release fulfils the change' },
    ROLLED_OUT: {
      description: 'Every ACTIVE subscriber reports a deployed version >= the fulfilling release',
    },
    EXCLUDED: { description: 'Judged not affected, with a reason' },
  },
});

registerEnumType(CampaignViewerAction, {
  name: 'CampaignAction',
  valuesMap: {
    COMPLETE: { description: 'completeCampaign: every target RELEASED, ROLLED_OUT or EXCLUDED' },
    CANCEL: { description: 'cancelCampaign' },
    ADD_TARGET: { description: 'addCampaignTarget' },
  },
});
registerEnumType(CampaignTargetViewerAction, {
  name: 'CampaignTargetAction',
  valuesMap: {
    PLAN: { description: 'planCampaignTarget' },
    LINK_RELEASE: { description: 'linkCampaignRelease' },
    EXCLUDE: { description: 'excludeCampaignTarget (a target not excluded)' },
    INCLUDE: { description: 'includeCampaignTarget (an excluded target)' },
    RETRY_ISSUE: {
      description:
        'retryCampaignTargetIssue: GitHub configured, a repository linked, no issue PENDING or OPENED, the target not excluded',
    },
  },
});
registerEnumType(CampaignPreviewWarning, {
  name: 'CampaignPreviewWarning',
  valuesMap: {
    NO_TARGETS: {
      description:
        'No service cites the norm (under the provisions given): the campaign would have no targets',
    },
    EFFECTIVE_DATE_PASSED: { description: 'The effective date given lies before today' },
  },
});

@ObjectType()
export class Campaign {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  normId!: string;

  @Field(() => [String], { description: 'Empty: the whole norm' })
  provisions!: string[];

  @Field(() => String, { nullable: true, description: 'e.g. "BGBl. 2024 I Nr. 245"' })
  amendment!: string | null;

  @Field(() => DateScalar, { description: 'The change applies from here: the deadline' })
  effectiveDate!: string;

  @Field(() => CampaignState)
  state!: CampaignState;

  @Field(() => Date, { nullable: true, description: 'Completion or cancellation' })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true })
  cancellationReason!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class CampaignConnection extends ConnectionType(Campaign) {}

@ObjectType()
export class CampaignTarget {
  @Field(() => ID)
  id!: string;

  campaignId!: string;
  serviceId!: string;
  releaseId!: string | null;

  @Field(() => CampaignTargetState)
  state!: CampaignTargetState;

  @Field(() => DateScalar, { nullable: true })
  plannedReleaseDate!: string | null;

  @Field(() => String, { nullable: true })
  assignee!: string | null;

  @Field(() => ThreePointEstimate, { nullable: true })
  estimate!: ThreePointEstimate | null;

  @Field(() => Int)
  subscribersTotal!: number;

  @Field(() => Int)
  subscribersCompliant!: number;

  @Field({ description: 'Today on or after the effective date, and still OPEN or PLANNED' })
  overdue!: boolean;

  @Field({ description: 'OPEN or PLANNED with a planned release date after the effective date' })
  atRisk!: boolean;

  @Field(() => String, { nullable: true })
  exclusionReason!: string | null;
  // The GitHub issue's fields (issueUrl, issueState, ...) are resolved by the GitHub integration.
}

@ObjectType()
export class TargetStateCount {
  @Field(() => CampaignTargetState)
  state!: CampaignTargetState;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class BurndownPoint {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => Int, {
    description: 'Targets not yet RELEASED, ROLLED_OUT or EXCLUDED at the end of that day',
  })
  openTargets!: number;
}

@ObjectType()
export class CampaignProgress {
  @Field(() => Int)
  targetsTotal!: number;

  @Field(() => [TargetStateCount])
  byState!: TargetStateCount[];

  @Field(() => Int)
  overdueTargets!: number;

  @Field(() => Int)
  subscribersTotal!: number;

  @Field(() => Int)
  subscribersCompliant!: number;

  @Field(() => [BurndownPoint])
  burndown!: BurndownPoint[];
}

@ObjectType({
  description:
    'A target of an ACTIVE campaign on a service that an organisation subscribes to, with that subscription (campaignTargetsAffecting)',
})
export class SubscriptionCampaignTarget {
  @Field(() => CampaignTarget, {
    description:
      'The target: its campaign (norm, amendment, effectiveDate), service, state, overdue, atRisk, release',
  })
  target!: CampaignTarget;

  /** The subscriptions module's row; the resolver's field shows it as a ServiceSubscription. */
  subscriptionId!: string;

  @Field(() => DateScalar, { description: "The campaign's effective date: the deadline" })
  effectiveDate!: string;

  @Field({
    description:
      "The subscriber reports a deployed version at least as high as the target's fulfilling release (false while none is published or nothing is reported)",
  })
  compliant!: boolean;
}

@ObjectType({ description: 'A service that openCampaign would make a target (campaignPreview)' })
export class CampaignPreviewTarget {
  @Field(() => OnlineService)
  service!: OnlineService;

  @Field(() => [String], {
    description:
      "The service's cited provisions of the norm that matched; empty where it cites the whole norm only",
  })
  citedProvisions!: string[];

  @Field(() => Int, { description: "The service's ACTIVE subscriptions" })
  subscribersTotal!: number;
}

@ObjectType({
  description: 'The targets openCampaign would create now, computed as it does; nothing is written',
})
export class CampaignPreview {
  @Field(() => LegalNorm)
  norm!: LegalNorm;

  @Field(() => [CampaignPreviewTarget], { description: 'By service name' })
  targets!: CampaignPreviewTarget[];

  @Field(() => Int, { description: "The targets' ACTIVE subscriptions, summed" })
  subscribersTotal!: number;

  @Field(() => [CampaignPreviewWarning])
  warnings!: CampaignPreviewWarning[];
}

@ObjectType({
  description: "One ACTIVE subscription to a target's service, and whether it runs the fulfilling release",
})
export class TargetRollout {
  @Field(() => ServiceSubscription)
  subscription!: ServiceSubscription;

  @Field(() => SemVerScalar, {
    nullable: true,
    description: 'The version the subscriber reports; null: none reported',
  })
  deployedVersion!: string | null;

  @Field({
    description:
      "deployedVersion >= the fulfilling release's version; false while no release fulfils the target or nothing is reported",
  })
  compliant!: boolean;
}
