import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OnlineService } from '#src/catalogue/catalogue.model';
import { PubliccodeSkipReason } from './publiccode.rules';

registerEnumType(PubliccodeSkipReason, {
  name: 'PubliccodeSkipReason',
  description: 'Why an import left a value of the file out (docs/opencode.md)',
  valuesMap: {
    NO_GERMAN_DESCRIPTION: {
      description: 'description has no German entry (de, de-DE, ...): summary and description stay',
    },
    LICENSE_EXPRESSION: {
      description: 'legal.license is an expression or a LicenseRef-: the registry keeps one SPDX identifier',
    },
    URL_NOT_HTTPS: { description: 'url is not an https:// address: repositoryUrl stays' },
  },
});

@ObjectType({ description: "A field of the service that a publiccode.yml's key changes" })
export class PubliccodeChange {
  @Field({ description: "The service's field: name, summary, description, license or repositoryUrl" })
  field!: string;

  @Field({ description: 'The publiccode.yml key it comes from, e.g. description.de.shortDescription' })
  key!: string;

  @Field(() => String, { nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true })
  after!: string | null;
}

@ObjectType({ description: 'A value of the file that the import left out, and why' })
export class PubliccodeSkip {
  @Field()
  key!: string;

  @Field(() => Int, { description: "The key's line in the file" })
  line!: number;

  @Field(() => PubliccodeSkipReason)
  reason!: PubliccodeSkipReason;
}

@ObjectType({ description: 'What importing a publiccode.yml changes, or changed, on a service' })
export class PubliccodeImport {
  @Field(() => OnlineService, {
    description: 'The service as it is now: after the import, or unchanged by a dry run',
  })
  service!: unknown;

  @Field()
  dryRun!: boolean;

  @Field({ description: 'Something was written: not a dry run, and the file changed something' })
  applied!: boolean;

  @Field({ description: 'The file\'s page in the repository, or "text" where the file was passed in' })
  source!: string;

  @Field()
  publiccodeYmlVersion!: string;

  @Field(() => [PubliccodeChange], {
    description: 'Each field the file changes, with its value before and after',
  })
  changes!: PubliccodeChange[];

  @Field(() => [PubliccodeSkip])
  skipped!: PubliccodeSkip[];
}
