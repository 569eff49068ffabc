import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Organisation } from '#src/organisations/organisation.model';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import {
  NotificationChannelType,
  NotificationDeliveryMode,
  NotificationDeliveryState,
  NotificationKind,
} from './notification-enums';

@ObjectType({ description: "One organisation's notice of an event (docs/notifications.md)" })
export class Notification {
  @Field(() => ID, { description: 'Also the webhook-id of every delivery of it' })
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field({ description: 'The event type on the wire, e.g. "release.published"' })
  type!: string;

  @Field({ description: 'One line in German, as the console and the e-mails show it' })
  title!: string;

  @Field({ description: 'The console path of the item, e.g. /leistungen/wohngeld/versionen/2.0.0' })
  link!: string;

  @Field(() => QaGateKind, { nullable: true, description: 'For GATE_AWAITING_REVIEW: the gate kind' })
  gateKind!: QaGateKind | null;

  @Field()
  occurredAt!: Date;

  @Field({ description: 'The viewer has read it' })
  read!: boolean;

  @Field({ description: 'The JSON body a webhook receives for it (schemaVersion 1)' })
  payload!: string;
}

@ObjectType({ description: "A page of an organisation's notifications, newest first" })
export class NotificationPage {
  @Field(() => [Notification])
  items!: Notification[];

  @Field(() => Int, { description: 'All the viewer may read (of the filter unreadOnly: false)' })
  totalCount!: number;

  @Field(() => Int, { description: 'Those the viewer has not read' })
  unreadCount!: number;

  @Field({ description: 'More items follow this page' })
  hasMore!: boolean;
}

@ObjectType({ description: 'One attempt history: a notification or a digest to one channel' })
export class NotificationDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationDeliveryState)
  state!: NotificationDeliveryState;

  @Field(() => Int, { description: 'Attempts made so far' })
  attempts!: number;

  @Field(() => String, {
    nullable: true,
    description: "The delivered notification's title (null for a digest)",
  })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'For a daily digest: the UTC day it collects' })
  digestDay!: string | null;

  @Field(() => Date, { nullable: true, description: 'While PENDING: when it is tried (again)' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status of the last attempt" })
  responseStatus!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The last attempt, in words (HTTP status, error, SMTP answer)',
  })
  detail!: string | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'A webhook endpoint or an e-mail recipient of an organisation' })
export class NotificationChannel {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationChannelType)
  type!: NotificationChannelType;

  @Field(() => [NotificationKind])
  kinds!: NotificationKind[];

  @Field(() => [QaGateKind], { description: 'With GATE_AWAITING_REVIEW: the gate kinds' })
  gateKinds!: QaGateKind[];

  @Field(() => NotificationDeliveryMode)
  mode!: NotificationDeliveryMode;

  @Field(() => String, { nullable: true, description: 'WEBHOOK: the endpoint' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'EMAIL: the address' })
  email!: string | null;

  @Field({
    description: 'false: switched off (by hand, by unsubscribing, or after failures: disabledReason)',
  })
  enabled!: boolean;

  @Field(() => String, { nullable: true })
  disabledReason!: string | null;

  @Field(() => Date, { nullable: true })
  disabledAt!: Date | null;

  @Field(() => Int, { description: 'Failed attempts in a row (webhooks)' })
  failureStreak!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'After a rotation: until when the previous secret still signs',
  })
  previousSecretValidUntil!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: 'A webhook endpoint with its signing secret: shown this once, never again' })
export class WebhookEndpointSecret {
  @Field(() => NotificationChannel)
  channel!: NotificationChannel;

  @Field({ description: 'whsec_…: verify webhook-signature with it (Standard Webhooks)' })
  secret!: string;
}

@ObjectType({ description: "An organisation's notification settings, as far as the viewer may see them" })
export class NotificationSettings {
  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => [NotificationKind], { description: 'The kinds the viewer may choose' })
  choosableKinds!: NotificationKind[];

  @Field(() => [QaGateKind], { description: 'The gate kinds the viewer may choose' })
  choosableGateKinds!: QaGateKind[];

  @Field({ description: 'E-mail is configured on this registry (SMTP)' })
  emailAvailable!: boolean;

  @Field(() => [NotificationChannel], { description: 'The channels the viewer may see' })
  channels!: NotificationChannel[];
}
