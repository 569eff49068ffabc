import { graphql } from '../graphql/generated';

/** Every change of a subscription answers with the subscription, so lists and panels show the new state. */

export const RequestSubscriptionMutation = graphql(`
  mutation RequestSubscription($input: RequestSubscriptionInput!) {
    requestSubscription(input: $input) {
      ...SubscriptionFields
    }
  }
`);

export const ReportDeploymentMutation = graphql(`
  mutation ReportDeployment($subscriptionId: ID!, $version: SemVer!) {
    reportDeployment(subscriptionId: $subscriptionId, version: $version) {
      ...SubscriptionFields
    }
  }
`);

export const ChangeSubscriptionRangeMutation = graphql(`
  mutation ChangeSubscriptionRange($id: ID!, $versionRange: SemVerRange!) {
    changeSubscriptionRange(id: $id, versionRange: $versionRange) {
      ...SubscriptionFields
    }
  }
`);

export const TerminateSubscriptionMutation = graphql(`
  mutation TerminateSubscription($id: ID!, $reason: String!) {
    terminateSubscription(id: $id, reason: $reason) {
      ...SubscriptionFields
    }
  }
`);

export const ApproveSubscriptionMutation = graphql(`
  mutation ApproveSubscription($id: ID!, $agreementReference: String) {
    approveSubscription(id: $id, agreementReference: $agreementReference) {
      ...SubscriptionFields
    }
  }
`);

export const RejectSubscriptionMutation = graphql(`
  mutation RejectSubscription($id: ID!, $reason: String!) {
    rejectSubscription(id: $id, reason: $reason) {
      ...SubscriptionFields
    }
  }
`);

export const SuspendSubscriptionMutation = graphql(`
  mutation SuspendSubscription($id: ID!, $reason: String!) {
    suspendSubscription(id: $id, reason: $reason) {
      ...SubscriptionFields
    }
  }
`);

export const ResumeSubscriptionMutation = graphql(`
  mutation ResumeSubscription($id: ID!) {
    resumeSubscription(id: $id) {
      ...SubscriptionFields
    }
  }
`);
