import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '#src/common/graphql/pagination';
import { SemVerRangeScalar, SemVerScalar } from '#src/common/graphql/scalars';

import { SubscriptionState } from './subscription-state';

export { SubscriptionState };
registerEnumType(SubscriptionState, { name: 'SubscriptionState' });

/**
 * A municipality's adoption of a service ("Subscription" is GraphQL's root type for real-time
 * operations, hence the longer name).
 */
@ObjectType()
export class ServiceSubscription {
  @Field(() => ID)
  id!: string;

  organisationId!: string;
  serviceId!: string;

  @Field(() => SemVerRangeScalar)
  versionRange!: string;

  @Field(() => SubscriptionState)
  state!: SubscriptionState;

  @Field(() => String, { nullable: true, description: 'The reuse agreement (Nachnutzungsvereinbarung)' })
  agreementReference!: string | null;

  @Field(() => SemVerScalar, { nullable: true })
  deployedVersion!: string | null;

  @Field(() => Date, { nullable: true })
  deployedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The reason given with the last rejection, suspension or termination',
  })
  stateReason!: string | null;

  @Field()
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

@ObjectType()
export class ServiceSubscriptionConnection extends ConnectionType(ServiceSubscription) {}

@ObjectType()
export class VersionCount {
  @Field(() => SemVerScalar)
  version!: string;

  @Field(() => Int)
  subscribers!: number;
}

@ObjectType({ description: 'Who runs what' })
export class ServiceFleet {
  @Field(() => Int, { description: 'ACTIVE subscriptions' })
  active!: number;

  @Field(() => [VersionCount], { description: 'Per deployed version, highest first' })
  deployments!: VersionCount[];

  @Field(() => Int, { description: 'ACTIVE subscriptions without a deployment report' })
  notReported!: number;
}

@ObjectType({
  description:
    "A version range resolved against a service's releases by the rules a subscription uses (resolveVersionRange)",
})
export class RangeResolution {
  @Field({ description: 'The range as given, trimmed' })
  range!: string;

  @Field({ description: 'Whether the text is an npm range at all (what the SemVerRange scalar accepts)' })
  valid!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Null when a subscription may be requested with this range; else why not, in the words requestSubscription would use: not a range, or no PUBLISHED, non-deprecated release satisfies it',
  })
  problem!: string | null;

  @Field(() => SemVerScalar, {
    nullable: true,
    description:
      'The version a subscription with this range would target now: the highest PUBLISHED, non-deprecated release in range (pre-releases only when the range names one of the same major.minor.patch); null when none',
  })
  version!: string | null;

  /** The releases module resolves it as a Release (the resolver's field). */
  releaseId!: string | null;

  @Field(() => [SemVerScalar], {
    description:
      'Every PUBLISHED, non-deprecated version in range, highest first: the candidates for the target',
  })
  matchingVersions!: string[];

  @Field(() => [SemVerScalar], {
    description:
      'Every PUBLISHED version in range, deprecated ones included, highest first: what reportDeployment accepts for this range',
  })
  deployableVersions!: string[];
}
