import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

@ObjectType()
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field({ description: "The token's subject, or a system actor such as seed or github" })
  actor!: string;

  @Field({ description: 'e.g. "release.publish"' })
  action!: string;

  @Field()
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => String, { nullable: true, description: 'Canonical JSON' })
  data!: string | null;

  @Field({ description: "sha256 over this event and the previous event's hash" })
  hash!: string;
}

/** What is wrong with the chain (verify-chain.ts's kinds, and the checkpoint file that cannot be used). */
export enum AuditChainProblem {
  CONTENT_MISMATCH = 'CONTENT_MISMATCH',
  LINK_MISMATCH = 'LINK_MISMATCH',
  CHECKPOINT_SIGNATURE_INVALID = 'CHECKPOINT_SIGNATURE_INVALID',
  CHECKPOINT_EVENT_REPLACED = 'CHECKPOINT_EVENT_REPLACED',
  CHECKPOINT_EVENTS_REMOVED = 'CHECKPOINT_EVENTS_REMOVED',
  CHECKPOINT_FILE_UNUSABLE = 'CHECKPOINT_FILE_UNUSABLE',
}

registerEnumType(AuditChainProblem, {
  name: 'AuditChainProblem',
  description: 'Why the audit chain does not verify (`reason` says it in words)',
  valuesMap: {
    CONTENT_MISMATCH: {
      description: "The event's content does not match its hash: it was edited after it was written",
    },
    LINK_MISMATCH: {
      description:
        'The event does not link to the event before it: an event before it was removed, or edited and re-hashed',
    },
    CHECKPOINT_SIGNATURE_INVALID: {
      description:
        'A checkpoint of AUDIT_CHECKPOINT_FILE is signed with another key, or was changed after it was signed',
    },
    CHECKPOINT_EVENT_REPLACED: {
      description: "The event at a checkpoint's position is not the one it names: the chain was rewritten",
    },
    CHECKPOINT_EVENTS_REMOVED: {
      description: 'A checkpointed event is no longer in the chain: the newest events were removed',
    },
    CHECKPOINT_FILE_UNUSABLE: {
      description:
        'AUDIT_CHECKPOINT_FILE cannot be read, holds a line that is not a checkpoint, or holds none',
    },
  },
});

@ObjectType({
  description:
    'The audit chain recomputed from its first event, as npm run audit:verify does: each event against its hash and its link to the one before it, and, where AUDIT_CHECKPOINT_FILE is configured, each signed checkpoint against the chain',
})
export class AuditChainVerification {
  @Field({
    description:
      'True when every event matches its hash and links to the one before it, and every checkpoint (where configured) holds',
  })
  ok!: boolean;

  @Field(() => Int, {
    description:
      'Events recomputed and found intact: the whole chain when ok; otherwise those checked before the failure',
  })
  verifiedEvents!: number;

  @Field(() => AuditChainProblem, { nullable: true, description: 'Null when ok' })
  problem!: AuditChainProblem | null;

  @Field(() => String, {
    nullable: true,
    description: 'What is wrong, in plain English, e.g. "content does not match its hash"; null when ok',
  })
  reason!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The first event that fails (CONTENT_MISMATCH, LINK_MISMATCH), or the event a failing checkpoint names (which may be gone)',
  })
  brokenEventId!: string | null;

  @Field(() => AuditEvent, {
    nullable: true,
    description:
      'That event as it is stored now (its content may be the tampered one); null when it is no longer in the chain',
  })
  brokenEvent!: AuditEvent | null;

  @Field(() => Int, {
    nullable: true,
    description: "That event's position in the chain (1 is the first event ever written)",
  })
  brokenEventSeq!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The line of AUDIT_CHECKPOINT_FILE at fault: the checkpoint that does not hold, or the line that is not a checkpoint',
  })
  checkpointLine!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the failing checkpoint was taken' })
  checkpointTakenAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The signed checkpoints read from AUDIT_CHECKPOINT_FILE and checked against the chain; null when no checkpoint file is configured: then the chain alone is checked, and the removal of its newest events would not show',
  })
  checkpointsChecked!: number | null;

  @Field({ description: 'When the verification finished' })
  checkedAt!: Date;
}
