import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '#src/common/auth/decorators';
import { ALL_ROLES } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { ArgPipe } from '#src/common/validation/arg.pipe';
import { InputValidationPipe } from '#src/common/validation/input-validation.pipe';
import { Text } from '#src/common/validation/text';
import {
  AddEmailRecipientInput,
  AddWebhookEndpointInput,
  MarkNotificationsReadInput,
  UpdateNotificationChannelInput,
} from './dto/notification.inputs';
import {
  NotificationChannel,
  NotificationDelivery,
  NotificationPage,
  NotificationSettings,
  WebhookEndpointSecret,
} from './notification.model';
import { NotificationsService } from './notifications.service';

const organisationArg = () => new ArgPipe('organisationKey', Text({ max: 64, optional: true }));

/** Every role acts for its organisation's notifications (reviewers for their gate kinds): notification.rules.ts. */
@Resolver()
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => NotificationPage, {
    description:
      "An organisation's notifications, newest first, with the viewer's unread markers (its MUNICIPALITY_ADMIN, MAINTAINER or reviewers, OPERATOR)",
  })
  notifications(
    @CurrentViewer() viewer: Viewer,
    @Args('organisationKey', { type: () => String, nullable: true }, organisationArg())
    organisationKey: string | null,
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false }) unreadOnly: boolean,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ) {
    return this.service.list(viewer, organisationKey ?? null, {
      unreadOnly,
      first: Math.min(Math.max(first, 0), 100),
      offset: Math.max(offset, 0),
    });
  }

  @Roles(...ALL_ROLES)
  @Query(() => NotificationSettings, {
    description: "An organisation's notification channels and what the viewer may choose",
  })
  notificationSettings(
    @CurrentViewer() viewer: Viewer,
    @Args('organisationKey', { type: () => String, nullable: true }, organisationArg())
    organisationKey: string | null,
  ) {
    return this.service.settings(viewer, organisationKey ?? null);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Int, {
    description: 'Marks notifications read for the viewer; answers the unread count left',
  })
  markNotificationsRead(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: MarkNotificationsReadInput,
  ) {
    return this.service.markRead(viewer, input);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => WebhookEndpointSecret, {
    description: 'Registers a webhook endpoint; the answer holds its signing secret, shown only this once',
  })
  addWebhookEndpoint(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: AddWebhookEndpointInput,
  ) {
    return this.service.addWebhook(viewer, input);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => NotificationChannel, {
    description: 'Registers an e-mail recipient (each event at once, or a daily digest)',
  })
  addEmailRecipient(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: AddEmailRecipientInput,
  ) {
    return this.service.addEmail(viewer, input);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => NotificationChannel, {
    description: 'Changes the kinds, the mode, or switches a channel off or on again',
  })
  updateNotificationChannel(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: UpdateNotificationChannelInput,
  ) {
    return this.service.update(viewer, input);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => WebhookEndpointSecret, {
    description: 'A new signing secret, shown this once; the previous one keeps signing for 24 hours',
  })
  rotateWebhookSecret(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.rotateSecret(viewer, id);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => ID, { description: 'Removes a channel and its delivery log; answers its id' })
  removeNotificationChannel(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.remove(viewer, id);
  }
}

@Resolver(() => NotificationChannel)
export class NotificationChannelResolver {
  constructor(private readonly service: NotificationsService) {}

  @ResolveField(() => [NotificationDelivery], { description: 'The delivery log, newest first (at most 100)' })
  deliveries(
    @Parent() channel: NotificationChannel,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ) {
    return this.service.deliveries(channel.id, first);
  }
}
