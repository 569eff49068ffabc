import { Field, InputType } from '@nestjs/graphql';
import { Forge } from '../organisation-kind';

@InputType()
export class ForgeNamespaceInput {
  @Field(() => Forge)
  forge!: Forge;

  @Field({
    description: 'A GitHub organisation or user ("dataport"), a GitLab group path ("opencode/komfit")',
  })
  namespace!: string;

  @Field({ description: 'The organisation whose services may link repositories in the namespace' })
  organisationKey!: string;
}
