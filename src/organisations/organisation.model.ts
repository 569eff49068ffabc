import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '#src/common/auth/role';
import { ConnectionType } from '#src/common/graphql/pagination';
import { Forge, InterfaceKind, OrganisationKind } from './organisation-kind';

export { Forge, InterfaceKind, OrganisationKind };

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  valuesMap: { DISTRICT: { description: 'Kreis (kreisfreie Städte are MUNICIPALITY)' } },
});

registerEnumType(InterfaceKind, { name: 'InterfaceKind' });

registerEnumType(Forge, {
  name: 'Forge',
  description: 'Where a repository lives',
  valuesMap: {
    GITHUB: { description: 'github.com or the configured GitHub Enterprise server' },
    GITLAB: { description: 'The configured GitLab instance, e.g. Open CoDE (gitlab.opencode.de)' },
  },
});

@ObjectType({
  description:
    "A forge namespace an OPERATOR mapped to an organisation: the organisation's services may link repositories inside it",
})
export class ForgeNamespace {
  @Field(() => Forge)
  forge!: Forge;

  @Field({
    description: 'Lower case: a GitHub organisation or user, a GitLab group path (its subgroups included)',
  })
  namespace!: string;

  organisationId!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'A versioned XÖV standard, a transport or a portal component.' })
export class InterfaceStandard {
  /** Internal: resolvers join on it; not part of the API. */
  id!: string;

  @Field({ description: 'Lower-case slug, e.g. "xbau", "fit-connect", "epayment"' })
  key!: string;

  @Field()
  name!: string;

  @Field(() => InterfaceKind)
  kind!: InterfaceKind;
}

@ObjectType({ description: "What the organisation's own systems (Fachverfahren) can exchange." })
export class InterfaceCapability {
  standardId!: string;

  @Field(() => InterfaceStandard)
  standard!: InterfaceStandard;

  @Field(() => [String])
  versions!: string[];
}

@ObjectType()
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The ARS for public bodies (12 digits; 9 for an Amt), otherwise a slug' })
  key!: string;

  @Field()
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => String, { nullable: true })
  ars!: string | null;

  parentId!: string | null;
}

@ObjectType()
export class OrganisationConnection extends ConnectionType(Organisation) {}

@ObjectType()
export class Viewer {
  @Field()
  subject!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  organisationId!: string | null;

  @Field(() => [Role])
  roles!: Role[];
}

@ObjectType({ description: "A person, as named by the identity provider's token" })
export class User {
  @Field(() => ID, { description: "The token's subject" })
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  organisationKey!: string | null;
}
