import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Digest, HttpsUrl, Text } from '#src/common/validation/text';
import { SERVICE_ID_DESCRIPTION, SERVICE_SLUG_DESCRIPTION } from '#src/catalogue/service-ref';
import { SemVerScalar } from '#src/common/graphql/scalars';
import { ChangeType, InterfaceDirection, Verdict } from '../release-enums';
import { QaGateKind } from '#src/qa/qa-policy.rules';

@InputType()
export class ChangeEntryInput {
  @Field(() => ChangeType)
  type!: ChangeType;

  @Field()
  @Text({ max: 2_000 })
  description!: string;
}

@InputType()
export class InterfaceUseInput {
  @Field()
  standard!: string;

  @Field()
  @Text({ max: 40 })
  version!: string;

  @Field(() => InterfaceDirection)
  direction!: InterfaceDirection;
}

@InputType()
export class CreateReleaseInput {
  @Field(() => ID, { nullable: true, description: SERVICE_ID_DESCRIPTION })
  serviceId?: string | null;

  @Field(() => String, { nullable: true, description: SERVICE_SLUG_DESCRIPTION })
  serviceSlug?: string | null;

  @Field(() => SemVerScalar)
  version!: string;

  @Field(() => String, { nullable: true })
  @Text({ max: 20_000, optional: true })
  notes?: string | null;

  @Field(() => [ChangeEntryInput], { nullable: true })
  @ValidateNested({ each: true })
  @Type(() => ChangeEntryInput)
  changes?: ChangeEntryInput[] | null;

  @Field()
  @Digest()
  artifactDigest!: string;

  @Field(() => String, { nullable: true })
  @HttpsUrl()
  artifactUrl?: string | null;

  @Field(() => [InterfaceUseInput], { nullable: true })
  @ValidateNested({ each: true })
  @Type(() => InterfaceUseInput)
  interfaces?: InterfaceUseInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Campaign ids' })
  fulfils?: string[] | null;
}

@InputType({ description: 'A release as it would be created: for the impact preview of the create form' })
export class ReleaseImpactPreviewInput {
  @Field(() => ID, { nullable: true, description: SERVICE_ID_DESCRIPTION })
  serviceId?: string | null;

  @Field(() => String, { nullable: true, description: SERVICE_SLUG_DESCRIPTION })
  serviceSlug?: string | null;

  @Field(() => SemVerScalar)
  version!: string;

  @Field(() => [ChangeEntryInput], { nullable: true })
  @ValidateNested({ each: true })
  @Type(() => ChangeEntryInput)
  changes?: ChangeEntryInput[] | null;

  @Field(() => [InterfaceUseInput], { nullable: true })
  @ValidateNested({ each: true })
  @Type(() => InterfaceUseInput)
  interfaces?: InterfaceUseInput[] | null;
}

@InputType()
export class UpdateReleaseInput {
  @Field(() => String, { nullable: true, description: 'Until publication' })
  @Text({ max: 20_000, optional: true })
  notes?: string | null;

  @Field(() => [ChangeEntryInput], { nullable: true, description: 'DRAFT only' })
  @ValidateNested({ each: true })
  @Type(() => ChangeEntryInput)
  changes?: ChangeEntryInput[] | null;

  @Field(() => [InterfaceUseInput], { nullable: true, description: 'DRAFT only' })
  @ValidateNested({ each: true })
  @Type(() => InterfaceUseInput)
  interfaces?: InterfaceUseInput[] | null;
}

@InputType()
export class SignOffInput {
  @Field(() => ID)
  releaseId!: string;

  @Field(() => QaGateKind)
  kind!: QaGateKind;

  @Field(() => Verdict)
  verdict!: Verdict;

  @Field(() => String, { nullable: true })
  @Text({ max: 5_000, optional: true })
  comment?: string | null;

  @Field(() => String, { nullable: true })
  @HttpsUrl()
  evidenceUrl?: string | null;
}

@InputType()
export class WaiveGateInput {
  @Field(() => ID)
  releaseId!: string;

  @Field(() => QaGateKind)
  kind!: QaGateKind;

  @Field()
  @Text({ max: 2_000 })
  reason!: string;

  @Field()
  @Text({ max: 200 })
  ticket!: string;

  @Field()
  expiresAt!: Date;
}
