import { Field, InputType } from '@nestjs/graphql';
import { Text } from '#src/common/validation/text';
import { InterfaceKind } from '../organisation.model';

@InputType()
export class InterfaceStandardInput {
  @Field()
  key!: string;

  @Field()
  @Text({ max: 200 })
  name!: string;

  @Field(() => InterfaceKind)
  kind!: InterfaceKind;
}
