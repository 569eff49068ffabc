import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '#src/common/graphql/pagination';
import { SemVerScalar } from '#src/common/graphql/scalars';
import {
  ChangeType,
  InterfaceDirection,
  ReleaseState,
  VersionBump,
  type InterfaceUse,
  type UserRef,
} from './release-enums';

registerEnumType(ReleaseState, {
  name: 'ReleaseState',
  valuesMap: {
    APPROVED: { description: 'Every gate PASSED or WAIVED' },
    REJECTED: { description: 'A gate FAILED; a new artifact digest sends it back to IN_REVIEW' },
    WITHDRAWN: { description: 'Taken back before publication' },
  },
});
registerEnumType(ChangeType, { name: 'ChangeType' });
registerEnumType(InterfaceDirection, { name: 'InterfaceDirection' });
registerEnumType(VersionBump, { name: 'VersionBump' });

@ObjectType('ChangeEntry')
export class ChangeEntryModel {
  @Field(() => ChangeType)
  type!: ChangeType;

  @Field()
  description!: string;
}

@ObjectType('InterfaceUse')
export class InterfaceUseModel {
  /** The standard's key; the field resolver turns it into the InterfaceStandard. */
  standardKey!: string;

  @Field()
  version!: string;

  @Field(() => InterfaceDirection)
  direction!: InterfaceDirection;
}

/** Why, when and by whom a release ended: the shape of Deprecation and Withdrawal. */
@ObjectType({ isAbstract: true })
abstract class Ending {
  @Field()
  reason!: string;

  @Field()
  at!: Date;

  byUser!: UserRef;
}

@ObjectType()
export class Deprecation extends Ending {}

@ObjectType()
export class Withdrawal extends Ending {}

@ObjectType()
export class Release {
  @Field(() => ID)
  id!: string;

  serviceId!: string;

  @Field(() => SemVerScalar)
  version!: string;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => [ChangeEntryModel])
  changes!: ChangeEntryModel[];

  @Field({ description: '"sha256:" + 64 hex digits' })
  artifactDigest!: string;

  @Field(() => String, { nullable: true })
  artifactUrl!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;
}

@ObjectType()
export class ReleaseConnection extends ConnectionType(Release) {}

@ObjectType({ description: 'This release compared with its baseline' })
export class InterfaceImpact {
  /** The release's service and interfaces: what affectedSubscriptions compares (also for a preview). */
  serviceId!: string;
  uses!: InterfaceUse[];
  baselineId!: string | null;

  @Field(() => VersionBump)
  bump!: VersionBump;

  @Field(() => [InterfaceUseModel])
  added!: InterfaceUseModel[];

  @Field(() => [InterfaceUseModel])
  removed!: InterfaceUseModel[];

  @Field({
    description: 'A (standard, version, direction) of the baseline is gone, or a BREAKING change entry',
  })
  breaking!: boolean;

  @Field({ description: 'false when breaking and the bump is MINOR or PATCH' })
  semverConsistent!: boolean;

  @Field(() => SemVerScalar, {
    description:
      "The smallest version consistent with the changes: the baseline's next major when breaking, next minor when it adds interfaces or has an ADDED change, else next patch; without a baseline the release's own version",
  })
  suggestedVersion!: string;
}

export enum ReleaseActionKind {
  UPDATE_NOTES = 'UPDATE_NOTES',
  UPDATE_CONTENTS = 'UPDATE_CONTENTS',
  UPDATE_ARTIFACT = 'UPDATE_ARTIFACT',
  SUBMIT = 'SUBMIT',
  PUBLISH = 'PUBLISH',
  WITHDRAW = 'WITHDRAW',
  DEPRECATE = 'DEPRECATE',
  WAIVE = 'WAIVE',
}
registerEnumType(ReleaseActionKind, {
  name: 'ReleaseActionKind',
  description:
    'The lifecycle actions on a release: updateRelease (notes; changes and interfaces), updateReleaseArtifact, submitRelease, publishRelease, withdrawRelease, deprecateRelease, waiveGate',
});

@ObjectType({
  description:
    'Whether the viewer may take an action on the release now, and if not why: the error the mutation would give, from the same checks',
})
export class ReleaseActionAvailability {
  @Field(() => ReleaseActionKind)
  action!: ReleaseActionKind;

  @Field()
  allowed!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The refusal's extensions.reason, e.g. PUBLISH_NOT_APPROVED",
  })
  reason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The refusal's message in the request's language (Accept-Language)",
  })
  message!: string | null;
}
