import { Field, ID, InputType } from '@nestjs/graphql';
import { SemVerRangeScalar } from '#src/common/graphql/scalars';

@InputType()
export class RequestSubscriptionInput {
  @Field(() => ID)
  serviceId!: string;

  @Field(() => SemVerRangeScalar)
  versionRange!: string;

  @Field(() => String, { nullable: true, description: "Defaults to the viewer's organisation" })
  organisationKey?: string | null;
}
