import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '#src/common/graphql/pagination';
import {
  MaturityModel,
  ReuseModel,
  ServiceLifecycle,
  SubscriptionApproval,
  Themenfeld,
} from './catalogue-enums';
import { QaGateKind } from '#src/qa/qa-policy.rules';

registerEnumType(Themenfeld, { name: 'Themenfeld', description: 'The 14 OZG subject areas' });
registerEnumType(ServiceLifecycle, { name: 'ServiceLifecycle' });
registerEnumType(MaturityModel, {
  name: 'MaturityModel',
  description: 'The OZG maturity model (Reifegradmodell) a Reifegrad is rated in',
  valuesMap: {
    V1_1: { description: 'Reifegradmodell 1.1 (June 2020): levels 0-4, 3 counts as OZG-compliant' },
    V2_0: { description: 'Reifegradmodell 2.0 (July 2025, replaces 1.1): levels 0-7 over 13 criteria' },
  },
});
registerEnumType(ReuseModel, {
  name: 'ReuseModel',
  valuesMap: { EFA_CENTRAL: { description: 'One for all: run centrally, connected by others' } },
});
registerEnumType(SubscriptionApproval, { name: 'SubscriptionApproval' });
registerEnumType(QaGateKind, { name: 'QaGateKind' });

@ObjectType()
export class LegalNorm {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'e.g. "WoGG", "LBO SH"' })
  abbreviation!: string;

  @Field()
  title!: string;

  @Field({ description: '"EU", "DE", or "DE-" + state code, e.g. "DE-SH"' })
  jurisdiction!: string;

  @Field(() => String, { nullable: true, description: 'e.g. https://www.gesetze-im-internet.de/wogg/' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'European Legislation Identifier, where one exists' })
  eli!: string | null;
}

@ObjectType({ description: "A service's legal basis: a norm, optionally narrowed to a provision." })
export class LegalReference {
  normId!: string;

  @Field(() => LegalNorm)
  norm!: LegalNorm;

  @Field(() => String, { nullable: true, description: 'e.g. "§ 22 Abs. 1"' })
  provision!: string | null;

  // `url` (the provision's own page where the norm is on gesetze-im-internet.de, else the norm's
  // address) is derived when read: LegalReferenceResolver.
}

@ObjectType()
export class QaGateRule {
  @Field(() => QaGateKind)
  kind!: QaGateKind;

  @Field(() => Int)
  requiredApprovals!: number;
}

@ObjectType()
export class QaPolicy {
  @Field(() => [QaGateRule])
  rules!: QaGateRule[];
}

@ObjectType({
  description: 'A service suggested while typing: its name or one of its keywords begins with what was typed',
})
export class ServiceSuggestion {
  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The keyword that matched, when it was a keyword and not the name ("Angelschein")',
  })
  matchedKeyword!: string | null;
}

@ObjectType()
export class OnlineService {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String], { description: '14-digit Leistungsschlüssel' })
  leikaKeys!: string[];

  @Field(() => [String], {
    description:
      'Synonyms, colloquial names and keywords people search for (as FIM lists them, e.g. "Angelschein" for the Fischereischein); search ranks them below the name and above the summary',
  })
  keywords!: string[];

  @Field(() => [String])
  ozgIds!: string[];

  @Field(() => Themenfeld, { nullable: true })
  themenfeld!: Themenfeld | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Reifegrad in maturityModel: 0-4 in V1_1, 0-7 in V2_0; null if not rated',
  })
  maturityLevel!: number | null;

  @Field(() => MaturityModel, {
    nullable: true,
    description: 'The model maturityLevel is rated in; null if not rated',
  })
  maturityModel!: MaturityModel | null;

  @Field()
  sdgRelevant!: boolean;

  @Field(() => ServiceLifecycle)
  lifecycle!: ServiceLifecycle;

  @Field(() => ReuseModel)
  reuseModel!: ReuseModel;

  @Field(() => SubscriptionApproval)
  subscriptionApproval!: SubscriptionApproval;

  ownerId!: string;

  @Field(() => String, { nullable: true, description: 'SPDX identifier, e.g. EUPL-1.2' })
  license!: string | null;

  @Field(() => String, { nullable: true })
  repositoryUrl!: string | null;

  qaPolicy!: unknown;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class OnlineServiceConnection extends ConnectionType(OnlineService) {}
