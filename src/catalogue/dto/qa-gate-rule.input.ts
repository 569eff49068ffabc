import { Field, InputType, Int } from '@nestjs/graphql';
import { QaGateKind } from '../catalogue-enums';

@InputType()
export class QaGateRuleInput {
  @Field(() => QaGateKind)
  kind!: QaGateKind;

  @Field(() => Int)
  requiredApprovals!: number;
}
