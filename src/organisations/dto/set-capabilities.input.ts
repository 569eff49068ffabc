import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class InterfaceCapabilityInput {
  @Field()
  standard!: string;

  @Field(() => [String])
  versions!: string[];
}
