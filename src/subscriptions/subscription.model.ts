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
