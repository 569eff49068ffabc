import { Field, InputType, Int } from '@nestjs/graphql';
import { QaGateKind } from '#src/qa/qa-policy.rules';

@InputType()
export class QaGateRuleInput {
  @Field(() => QaGateKind)
  kind!: QaGateKind;

  @Field(() => Int)
  requiredApprovals!: number;
}
