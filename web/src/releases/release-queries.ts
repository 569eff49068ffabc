import { graphql } from '../graphql/generated';

/**
 * The release page's one query and the mutations of a release. Every mutation answers with the
 * release or its gate, so urql's document cache refetches the page (it holds those types) and the
 * page shows the state the API worked out, never one guessed here.
 */

export const GateFields = graphql(`
  fragment GateFields on QaGate {
    id
    kind
    status
    approvals
    requiredApprovals
    blockedReason
    hold
    pendingSince
    viewerMaySignOff
    signOffRefusal
    signOffRefusalMessage
    signOffs {
      id
      verdict
      comment
      evidenceUrl
      outdated
      createdAt
      artifactDigest
      reviewer {
        id
        name
        organisation {
          id
          name
        }
      }
    }
    waiver {
      reason
      ticket
      expiresAt
      expired
      grantedBy {
        id
        name
      }
    }
  }
`);

export const ImpactFields = graphql(`
  fragment ImpactFields on InterfaceImpact {
    bump
    breaking
    semverConsistent
    suggestedVersion
    baseline {
      id
      version
    }
    added {
      direction
      version
      standard {
        key
        name
      }
    }
    removed {
      direction
      version
      standard {
        key
        name
      }
    }
    affectedSubscriptions {
      id
      versionRange
      deployedVersion
      organisation {
        id
        name
      }
    }
  }
`);

export const ReleasePageQuery = graphql(`
  query ReleasePage($slug: String!, $version: SemVer!) {
    service(slug: $slug) {
      id
      slug
      name
      owner {
        id
        key
        name
      }
      release(version: $version) {
        id
        version
        state
        notes
        artifactDigest
        artifactUrl
        importedFrom
        createdAt
        publishedAt
        createdBy {
          id
          name
          organisation {
            id
            name
          }
        }
        changes {
          type
          description
        }
        interfaces {
          direction
          version
          standard {
            key
            name
          }
        }
        impact {
          ...ImpactFields
        }
        gates {
          ...GateFields
        }
        actions {
          action
          allowed
          reason
          message
        }
        deprecation {
          reason
          at
          by {
            id
            name
          }
        }
        withdrawal {
          reason
          at
          by {
            id
            name
          }
        }
      }
    }
  }
`);

export const SignOffMutation = graphql(`
  mutation SignOff($input: SignOffInput!) {
    signOff(input: $input) {
      ...GateFields
    }
  }
`);

export const WaiveGateMutation = graphql(`
  mutation WaiveGate($input: WaiveGateInput!) {
    waiveGate(input: $input) {
      ...GateFields
    }
  }
`);

export const SubmitReleaseMutation = graphql(`
  mutation SubmitRelease($id: ID!) {
    submitRelease(id: $id) {
      id
      state
    }
  }
`);

export const PublishReleaseMutation = graphql(`
  mutation PublishRelease($id: ID!) {
    publishRelease(id: $id) {
      id
      state
    }
  }
`);

export const WithdrawReleaseMutation = graphql(`
  mutation WithdrawRelease($id: ID!, $reason: String!) {
    withdrawRelease(id: $id, reason: $reason) {
      id
      state
    }
  }
`);

export const DeprecateReleaseMutation = graphql(`
  mutation DeprecateRelease($id: ID!, $reason: String!) {
    deprecateRelease(id: $id, reason: $reason) {
      id
      state
    }
  }
`);

export const UpdateReleaseArtifactMutation = graphql(`
  mutation UpdateReleaseArtifact($id: ID!, $artifactDigest: String!, $artifactUrl: String) {
    updateReleaseArtifact(id: $id, artifactDigest: $artifactDigest, artifactUrl: $artifactUrl) {
      id
      state
      artifactDigest
    }
  }
`);
