import { Field, InputType } from '@nestjs/graphql';
import { OrganisationKind } from '../organisation.model';

@InputType()
export class RegisterOrganisationInput {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => String, { nullable: true })
  ars?: string | null;

  @Field(() => String, { nullable: true })
  parentKey?: string | null;
}
