import { Field, InputType } from '@nestjs/graphql';
import { InterfaceKind } from '../organisation.model';

@InputType()
export class InterfaceStandardInput {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => InterfaceKind)
  kind!: InterfaceKind;
}
