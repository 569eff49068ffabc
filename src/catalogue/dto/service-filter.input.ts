import { Field, InputType, Int } from '@nestjs/graphql';
import { MaturityModel, ServiceLifecycle, Themenfeld } from '../catalogue-enums';

@InputType()
export class ServiceFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Full text over name, keywords, summary and description, ranked: German stemming, compounds, typos, umlaut transliterations, the last word as a prefix; web search syntax ("phrase", -word, or). Services matching more words rank first.',
  })
  search?: string | null;

  @Field(() => Themenfeld, { nullable: true })
  themenfeld?: Themenfeld | null;

  @Field(() => String, { nullable: true })
  leikaKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Abbreviation, e.g. "WoGG"' })
  legalNorm?: string | null;

  @Field(() => String, { nullable: true })
  ownerKey?: string | null;

  @Field(() => ServiceLifecycle, { nullable: true })
  lifecycle?: ServiceLifecycle | null;

  @Field(() => String, { nullable: true, description: 'Services whose latest release uses this standard' })
  interfaceStandard?: string | null;

  @Field(() => Boolean, { nullable: true })
  hasPublishedRelease?: boolean | null;

  @Field(() => MaturityModel, {
    nullable: true,
    description:
      'Services rated in this model; with maturityLevel or minMaturityLevel, the model those levels are in (V1_1 when omitted)',
  })
  maturityModel?: MaturityModel | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Reifegrad exactly this level in maturityModel (0 to 4 in V1_1, 0 to 7 in V2_0); services without a Reifegrad, or rated in the other model, never match',
  })
  maturityLevel?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Reifegrad at least this level in maturityModel (in V1_1, 3 = OZG-compliant); services without a Reifegrad, or rated in the other model, never match',
  })
  minMaturityLevel?: number | null;
}
