import { graphql } from '../graphql/generated';

/** A target as the campaign page shows it; every target mutation answers with it. */
export const CampaignTargetFields = graphql(`
  fragment CampaignTargetFields on CampaignTarget {
    id
    state
    overdue
    atRisk
    plannedReleaseDate
    assignee
    exclusionReason
    subscribersCompliant
    subscribersTotal
    issueUrl
    issueState
    issueDetail
    viewerActions
    estimate {
      optimisticHours
      likelyHours
      pessimisticHours
      expectedHours
    }
    release {
      id
      version
    }
    service {
      id
      slug
      name
      owner {
        id
        name
      }
    }
    rollout {
      deployedVersion
      compliant
      subscription {
        id
        organisation {
          id
          name
        }
      }
    }
  }
`);

export const CampaignQuery = graphql(`
  query Campaign($id: ID!) {
    campaign(id: $id) {
      id
      title
      description
      state
      effectiveDate
      amendment
      provisions
      closedAt
      cancellationReason
      createdAt
      createdBy {
        name
      }
      norm {
        id
        abbreviation
        title
      }
      viewerActions
      progress {
        targetsTotal
        overdueTargets
        subscribersCompliant
        subscribersTotal
        byState {
          state
          count
        }
        burndown {
          date
          openTargets
        }
      }
      targets {
        ...CampaignTargetFields
      }
    }
  }
`);

/** The service's releases, for "Version verknüpfen" (only PUBLISHED ones fulfil a change). */
export const TargetReleasesQuery = graphql(`
  query TargetReleases($slug: String!) {
    service(slug: $slug) {
      id
      releases(first: 50) {
        edges {
          node {
            id
            version
            state
            publishedAt
          }
        }
      }
    }
  }
`);

export const PlanTargetMutation = graphql(`
  mutation PlanCampaignTarget($input: PlanCampaignTargetInput!) {
    planCampaignTarget(input: $input) {
      ...CampaignTargetFields
    }
  }
`);

export const LinkReleaseMutation = graphql(`
  mutation LinkCampaignRelease($targetId: ID!, $releaseId: ID!) {
    linkCampaignRelease(targetId: $targetId, releaseId: $releaseId) {
      ...CampaignTargetFields
    }
  }
`);

export const ExcludeTargetMutation = graphql(`
  mutation ExcludeCampaignTarget($targetId: ID!, $reason: String!) {
    excludeCampaignTarget(targetId: $targetId, reason: $reason) {
      ...CampaignTargetFields
    }
  }
`);

export const IncludeTargetMutation = graphql(`
  mutation IncludeCampaignTarget($targetId: ID!) {
    includeCampaignTarget(targetId: $targetId) {
      ...CampaignTargetFields
    }
  }
`);

export const RetryIssueMutation = graphql(`
  mutation RetryCampaignTargetIssue($targetId: ID!) {
    retryCampaignTargetIssue(targetId: $targetId) {
      ...CampaignTargetFields
    }
  }
`);

export const CompleteCampaignMutation = graphql(`
  mutation CompleteCampaign($id: ID!) {
    completeCampaign(id: $id) {
      id
      state
      closedAt
      viewerActions
    }
  }
`);

export const CancelCampaignMutation = graphql(`
  mutation CancelCampaign($id: ID!, $reason: String!) {
    cancelCampaign(id: $id, reason: $reason) {
      id
      state
      closedAt
      cancellationReason
      viewerActions
    }
  }
`);

export const CampaignPreviewQuery = graphql(`
  query CampaignPreview($input: CampaignPreviewInput!) {
    campaignPreview(input: $input) {
      subscribersTotal
      warnings
      norm {
        id
        abbreviation
        title
      }
      targets {
        citedProvisions
        subscribersTotal
        service {
          id
          slug
          name
          owner {
            id
            name
          }
        }
      }
    }
  }
`);

export const OpenCampaignMutation = graphql(`
  mutation OpenCampaign($input: OpenCampaignInput!) {
    openCampaign(input: $input) {
      id
      title
    }
  }
`);

export const AddTargetMutation = graphql(`
  mutation AddCampaignTarget($campaignId: ID!, $serviceSlug: String!) {
    addCampaignTarget(campaignId: $campaignId, serviceSlug: $serviceSlug) {
      ...CampaignTargetFields
    }
  }
`);
