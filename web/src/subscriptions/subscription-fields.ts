import { graphql } from '../graphql/generated';
import type { SubscriptionFieldsFragment } from '../graphql/generated/graphql';

/** What every list and panel of subscriptions shows of one: the same fields everywhere. */
export const SubscriptionFields = graphql(`
  fragment SubscriptionFields on ServiceSubscription {
    id
    state
    versionRange
    stateReason
    agreementReference
    requestedAt
    decidedAt
    deployedVersion
    deployedAt
    upgradeAvailable
    targetRelease {
      id
      version
    }
    service {
      id
      slug
      name
      subscriptionApproval
      owner {
        id
        name
      }
    }
    organisation {
      id
      key
      name
    }
  }
`);

export type SubscriptionView = SubscriptionFieldsFragment;
