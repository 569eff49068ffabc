import { Field, InputType, Int } from '@nestjs/graphql';
import { ServiceLifecycle, SubscriptionApproval, Themenfeld } from '../catalogue-enums';
import { LegalReferenceInput } from './register-service.input';

/** Omitted: unchanged. null: cleared (optional fields) or BAD_USER_INPUT (required ones). */
@InputType()
export class UpdateServiceInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  leikaKeys?: string[] | null;

  @Field(() => [String], { nullable: true })
  ozgIds?: string[] | null;

  @Field(() => Themenfeld, { nullable: true })
  themenfeld?: Themenfeld | null;

  @Field(() => Int, { nullable: true })
  maturityLevel?: number | null;

  @Field(() => Boolean, { nullable: true })
  sdgRelevant?: boolean | null;

  @Field(() => ServiceLifecycle, { nullable: true })
  lifecycle?: ServiceLifecycle | null;

  @Field(() => SubscriptionApproval, { nullable: true })
  subscriptionApproval?: SubscriptionApproval | null;

  @Field(() => String, { nullable: true })
  license?: string | null;

  @Field(() => String, { nullable: true })
  repositoryUrl?: string | null;

  @Field(() => [LegalReferenceInput], { nullable: true, description: 'Replaces the whole set' })
  legalBases?: LegalReferenceInput[] | null;
}
