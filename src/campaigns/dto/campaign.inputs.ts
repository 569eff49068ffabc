import { Field, ID, InputType } from '@nestjs/graphql';
import { ThreePointInput } from '#src/common/estimates/three-point.model';
import { ValidThreePoint } from '#src/common/estimates/three-point';
import { DateScalar } from '#src/common/graphql/scalars';
import { Text } from '#src/common/validation/text';

/** The campaigns' GraphQL inputs, their text checked by the decorators (common/validation). */

@InputType()
export class OpenCampaignInput {
  @Field()
  @Text({ max: 300 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Text({ max: 20_000, optional: true })
  description?: string | null;

  @Field({ description: 'Abbreviation of a registered norm' })
  norm!: string;

  @Field(() => [String], { nullable: true })
  provisions?: string[] | null;

  @Field(() => String, { nullable: true })
  @Text({ max: 300, optional: true })
  amendment?: string | null;

  @Field(() => DateScalar)
  effectiveDate!: string;
}

@InputType({ description: 'What openCampaign would be given, as far as it decides the targets' })
export class CampaignPreviewInput {
  @Field({ description: 'Abbreviation of a registered norm' })
  norm!: string;

  @Field(() => [String], { nullable: true })
  provisions?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Checked against today (EFFECTIVE_DATE_PASSED)' })
  effectiveDate?: string | null;
}

@InputType()
export class PlanCampaignTargetInput {
  @Field(() => ID)
  targetId!: string;

  @Field(() => DateScalar)
  plannedReleaseDate!: string;

  // Declared before the assignee: its problem is the one named first, as it always was.
  @Field(() => ThreePointInput)
  @ValidThreePoint()
  estimate!: ThreePointInput;

  @Field(() => String, { nullable: true })
  @Text({ max: 200, optional: true })
  assignee?: string | null;
}
