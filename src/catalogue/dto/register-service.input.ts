import { Field, InputType, Int } from '@nestjs/graphql';
import { HttpsUrl, Text } from '#src/common/validation/text';
import {
  MAX_KEYWORD_LENGTH,
  MAX_KEYWORDS,
  MAX_SERVICE_DESCRIPTION,
  MAX_SERVICE_NAME,
  MAX_SERVICE_SUMMARY,
} from '../catalogue.rules';
import {
  MaturityModel,
  ReuseModel,
  ServiceLifecycle,
  SubscriptionApproval,
  Themenfeld,
} from '../catalogue-enums';

@InputType()
export class LegalReferenceInput {
  @Field({ description: 'Abbreviation of a registered norm' })
  norm!: string;

  @Field(() => String, { nullable: true })
  provision?: string | null;
}

@InputType()
export class RegisterServiceInput {
  @Field()
  slug!: string;

  @Field()
  @Text({ max: MAX_SERVICE_NAME })
  name!: string;

  @Field()
  @Text({ max: MAX_SERVICE_SUMMARY })
  summary!: string;

  @Field(() => String, { nullable: true })
  @Text({ max: MAX_SERVICE_DESCRIPTION, optional: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  leikaKeys?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Synonyms, colloquial names and keywords, at most ${MAX_KEYWORDS} of at most ${MAX_KEYWORD_LENGTH} characters each`,
  })
  keywords?: string[] | null;

  @Field(() => [String], { nullable: true })
  ozgIds?: string[] | null;

  @Field(() => Themenfeld, { nullable: true })
  themenfeld?: Themenfeld | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Reifegrad in maturityModel: 0 to 4 in V1_1, 0 to 7 in V2_0; null clears the rating',
  })
  maturityLevel?: number | null;

  @Field(() => MaturityModel, {
    nullable: true,
    description:
      'The model maturityLevel is rated in; omitted or null with a level means V1_1, so older clients keep working',
  })
  maturityModel?: MaturityModel | null;

  @Field(() => Boolean, { nullable: true })
  sdgRelevant?: boolean | null;

  @Field(() => ServiceLifecycle, { nullable: true })
  lifecycle?: ServiceLifecycle | null;

  @Field(() => ReuseModel)
  reuseModel!: ReuseModel;

  @Field(() => SubscriptionApproval, { nullable: true })
  subscriptionApproval?: SubscriptionApproval | null;

  @Field(() => String, { nullable: true, description: "Defaults to the viewer's organisation" })
  ownerKey?: string | null;

  @Field(() => String, { nullable: true })
  license?: string | null;

  @Field(() => String, { nullable: true })
  @HttpsUrl()
  repositoryUrl?: string | null;

  @Field(() => [LegalReferenceInput], { nullable: true })
  legalBases?: LegalReferenceInput[] | null;
}
