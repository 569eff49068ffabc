import { Field, InputType } from '@nestjs/graphql';
import { HttpsUrl } from '#src/common/validation/text';

@InputType()
export class RegisterLegalNormInput {
  @Field()
  abbreviation!: string;

  @Field()
  title!: string;

  @Field()
  jurisdiction!: string;

  @Field(() => String, { nullable: true })
  @HttpsUrl()
  url?: string | null;

  @Field(() => String, { nullable: true })
  eli?: string | null;
}
