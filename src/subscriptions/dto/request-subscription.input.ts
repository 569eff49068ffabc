import { Field, ID, InputType } from '@nestjs/graphql';
import { SERVICE_ID_DESCRIPTION, SERVICE_SLUG_DESCRIPTION } from '#src/catalogue/service-ref';
import { SemVerRangeScalar } from '#src/common/graphql/scalars';

@InputType()
export class RequestSubscriptionInput {
  @Field(() => ID, { nullable: true, description: SERVICE_ID_DESCRIPTION })
  serviceId?: string | null;

  @Field(() => String, { nullable: true, description: SERVICE_SLUG_DESCRIPTION })
  serviceSlug?: string | null;

  @Field(() => SemVerRangeScalar)
  versionRange!: string;

  @Field(() => String, { nullable: true, description: "Defaults to the viewer's organisation" })
  organisationKey?: string | null;
}
