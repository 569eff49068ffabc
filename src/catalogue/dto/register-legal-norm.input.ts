import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class RegisterLegalNormInput {
  @Field()
  abbreviation!: string;

  @Field()
  title!: string;

  @Field()
  jurisdiction!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  eli?: string | null;
}
