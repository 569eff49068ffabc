import { graphql } from '../graphql/generated';

/**
 * The notification pages' operations. The API answers `markNotificationsRead` with a number and
 * `removeNotificationChannel` with an id, which name no type urql's document cache could
 * invalidate; so the changes here name the types they touch (`REFRESH_*`, as
 * `additionalTypenames`), and every query that showed them (the list, the header's count, the
 * settings) is fetched again.
 */

export const REFRESH_NOTIFICATIONS = { additionalTypenames: ['NotificationPage', 'Notification'] };
export const REFRESH_SETTINGS = { additionalTypenames: ['NotificationSettings', 'NotificationChannel'] };

/** The header's badge: only the count of the unread ones. */
export const UnreadNotificationsQuery = graphql(`
  query UnreadNotifications {
    notifications(first: 1, unreadOnly: true) {
      unreadCount
    }
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int!, $offset: Int!, $unreadOnly: Boolean!) {
    notifications(first: $first, offset: $offset, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      hasMore
      items {
        id
        kind
        type
        title
        link
        occurredAt
        read
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(input: { ids: $ids })
  }
`);

export const ChannelFields = graphql(`
  fragment ChannelFields on NotificationChannel {
    id
    type
    kinds
    gateKinds
    mode
    url
    email
    enabled
    disabledReason
    disabledAt
    failureStreak
    previousSecretValidUntil
    createdAt
    updatedAt
    deliveries(first: 20) {
      id
      state
      attempts
      title
      digestDay
      nextAttemptAt
      lastAttemptAt
      responseStatus
      detail
      deliveredAt
      createdAt
    }
  }
`);

export const NotificationSettingsQuery = graphql(`
  query NotificationSettings {
    notificationSettings {
      organisation {
        id
        key
        name
      }
      choosableKinds
      choosableGateKinds
      emailAvailable
      channels {
        ...ChannelFields
      }
    }
  }
`);

export const AddWebhookEndpointMutation = graphql(`
  mutation AddWebhookEndpoint($input: AddWebhookEndpointInput!) {
    addWebhookEndpoint(input: $input) {
      secret
      channel {
        ...ChannelFields
      }
    }
  }
`);

export const AddEmailRecipientMutation = graphql(`
  mutation AddEmailRecipient($input: AddEmailRecipientInput!) {
    addEmailRecipient(input: $input) {
      ...ChannelFields
    }
  }
`);

export const UpdateNotificationChannelMutation = graphql(`
  mutation UpdateNotificationChannel($input: UpdateNotificationChannelInput!) {
    updateNotificationChannel(input: $input) {
      ...ChannelFields
    }
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      channel {
        ...ChannelFields
      }
    }
  }
`);

export const RemoveNotificationChannelMutation = graphql(`
  mutation RemoveNotificationChannel($id: ID!) {
    removeNotificationChannel(id: $id)
  }
`);
