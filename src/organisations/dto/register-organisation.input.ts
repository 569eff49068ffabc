import { Field, InputType } from '@nestjs/graphql';
import { Text } from '#src/common/validation/text';
import { OrganisationKind } from '../organisation.model';

@InputType()
export class RegisterOrganisationInput {
  @Field()
  key!: string;

  @Field()
  @Text({ max: 200 })
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => String, { nullable: true })
  ars?: string | null;

  @Field(() => String, { nullable: true })
  parentKey?: string | null;
}
