import { registerEnumType } from '@nestjs/graphql';

/** What happened, as a recipient organisation learns it (docs/notifications.md lists each). */
export enum NotificationKind {
  RELEASE_PUBLISHED = 'RELEASE_PUBLISHED',
  RELEASE_DEPRECATED = 'RELEASE_DEPRECATED',
  SUBSCRIPTION_REQUESTED = 'SUBSCRIPTION_REQUESTED',
  SUBSCRIPTION_APPROVED = 'SUBSCRIPTION_APPROVED',
  SUBSCRIPTION_REJECTED = 'SUBSCRIPTION_REJECTED',
  SUBSCRIPTION_SUSPENDED = 'SUBSCRIPTION_SUSPENDED',
  SUBSCRIPTION_RESUMED = 'SUBSCRIPTION_RESUMED',
  SUBSCRIPTION_TERMINATED = 'SUBSCRIPTION_TERMINATED',
  GATE_AWAITING_REVIEW = 'GATE_AWAITING_REVIEW',
  CAMPAIGN_OPENED = 'CAMPAIGN_OPENED',
  CAMPAIGN_TARGET_ADDED = 'CAMPAIGN_TARGET_ADDED',
  CAMPAIGN_DEADLINE_APPROACHING = 'CAMPAIGN_DEADLINE_APPROACHING',
  CAMPAIGN_TARGET_OVERDUE = 'CAMPAIGN_TARGET_OVERDUE',
}

export enum NotificationChannelType {
  WEBHOOK = 'WEBHOOK',
  EMAIL = 'EMAIL',
}

export enum NotificationDeliveryMode {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
}

export enum NotificationDeliveryState {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(NotificationChannelType, { name: 'NotificationChannelType' });
registerEnumType(NotificationDeliveryMode, { name: 'NotificationDeliveryMode' });
registerEnumType(NotificationDeliveryState, { name: 'NotificationDeliveryState' });
