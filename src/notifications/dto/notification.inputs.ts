import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { Text } from '#src/common/validation/text';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import { NotificationDeliveryMode, NotificationKind } from '../notification-enums';

const KINDS = Object.values(NotificationKind).length;

@InputType({ description: 'Which events a channel sends' })
abstract class ChoiceInput {
  @Field(() => String, {
    nullable: true,
    description: "The organisation's key; default: the viewer's own (an OPERATOR may name any)",
  })
  @Text({ max: 64, optional: true })
  organisationKey?: string | null;

  @Field(() => [NotificationKind], { description: 'The event kinds to send (at least one)' })
  @IsArray()
  @ArrayMaxSize(KINDS)
  @IsEnum(NotificationKind, { each: true })
  kinds!: NotificationKind[];

  @Field(() => [QaGateKind], {
    nullable: true,
    description: 'With GATE_AWAITING_REVIEW: the gate kinds to be told of (a reviewer: its own kinds)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(QaGateKind, { each: true })
  gateKinds?: QaGateKind[] | null;
}

@InputType({ description: 'A webhook endpoint (Standard Webhooks); its secret is shown once in the answer' })
export class AddWebhookEndpointInput extends ChoiceInput {
  @Field(() => String, {
    description: "https in production; never an address of the registry's own networks",
  })
  @Text({ max: 2_000 })
  url!: string;
}

@InputType({ description: 'An e-mail recipient: each event at once, or a daily digest' })
export class AddEmailRecipientInput extends ChoiceInput {
  @Field(() => String)
  @Text({ max: 254 })
  email!: string;

  @Field(() => NotificationDeliveryMode, { nullable: true, description: 'Default: IMMEDIATE' })
  @IsOptional()
  @IsEnum(NotificationDeliveryMode)
  mode?: NotificationDeliveryMode | null;
}

@InputType({ description: 'Changes a channel; an omitted field stays as it is' })
export class UpdateNotificationChannelInput {
  @Field(() => ID)
  @Text({ max: 64 })
  id!: string;

  @Field(() => [NotificationKind], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(KINDS)
  @IsEnum(NotificationKind, { each: true })
  kinds?: NotificationKind[] | null;

  @Field(() => [QaGateKind], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(QaGateKind, { each: true })
  gateKinds?: QaGateKind[] | null;

  @Field(() => NotificationDeliveryMode, { nullable: true })
  @IsOptional()
  @IsEnum(NotificationDeliveryMode)
  mode?: NotificationDeliveryMode | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true switches a disabled endpoint on again (its failure count restarts)',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;
}

@InputType({
  description: 'Marks notifications read for the viewer: the ones named, or all of the organisation',
})
export class MarkNotificationsReadInput {
  @Field(() => String, { nullable: true })
  @Text({ max: 64, optional: true })
  organisationKey?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Omitted: every notification the viewer may read' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  ids?: string[] | null;
}
