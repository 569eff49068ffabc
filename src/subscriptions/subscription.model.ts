import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OnlineService } from '../catalogue/catalogue.model';
import { SemVerRangeScalar, SemVerScalar } from '../common/graphql/scalars';
import { Organisation } from '../organisations/organisation.model';
import { Release } from '../releases/release.model';

export enum SubscriptionState {
  REQUESTED = 'REQUESTED',
  ACTIVE = 'ACTIVE',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(SubscriptionState, { name: 'SubscriptionState' });

/**
 * A municipality's adoption of a service ("Subscription" is GraphQL's root type for real-time
 * operations, hence the longer name). The type is declared now because releases refer to it
 * (InterfaceImpact.affectedSubscriptions); the subscriptions module brings the workflow.
 */
@ObjectType()
export class ServiceSubscription {
  @Field(() => ID)
  id!: string;

  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => OnlineService)
  service!: OnlineService;

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

  @Field(() => Release, { nullable: true, description: 'Highest PUBLISHED release in range, not deprecated' })
  targetRelease!: Release | null;

  @Field()
  upgradeAvailable!: boolean;

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
