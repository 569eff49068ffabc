import { Field, ID, InputType } from '@nestjs/graphql';
import { SemVerScalar } from '#src/common/graphql/scalars';
import { ChangeType, InterfaceDirection, Verdict } from '../release-enums';
import { QaGateKind } from '#src/qa/qa-policy.rules';

@InputType()
export class ChangeEntryInput {
  @Field(() => ChangeType)
  type!: ChangeType;

  @Field()
  description!: string;
}

@InputType()
export class InterfaceUseInput {
  @Field()
  standard!: string;

  @Field()
  version!: string;

  @Field(() => InterfaceDirection)
  direction!: InterfaceDirection;
}

@InputType()
export class CreateReleaseInput {
  @Field(() => ID)
  serviceId!: string;

  @Field(() => SemVerScalar)
  version!: string;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [ChangeEntryInput], { nullable: true })
  changes?: ChangeEntryInput[] | null;

  @Field()
  artifactDigest!: string;

  @Field(() => String, { nullable: true })
  artifactUrl?: string | null;

  @Field(() => [InterfaceUseInput], { nullable: true })
  interfaces?: InterfaceUseInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Campaign ids' })
  fulfils?: string[] | null;
}

@InputType()
export class UpdateReleaseInput {
  @Field(() => String, { nullable: true, description: 'Until publication' })
  notes?: string | null;

  @Field(() => [ChangeEntryInput], { nullable: true, description: 'DRAFT only' })
  changes?: ChangeEntryInput[] | null;

  @Field(() => [InterfaceUseInput], { nullable: true, description: 'DRAFT only' })
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
  comment?: string | null;

  @Field(() => String, { nullable: true })
  evidenceUrl?: string | null;
}

@InputType()
export class WaiveGateInput {
  @Field(() => ID)
  releaseId!: string;

  @Field(() => QaGateKind)
  kind!: QaGateKind;

  @Field()
  reason!: string;

  @Field()
  ticket!: string;

  @Field()
  expiresAt!: Date;
}
