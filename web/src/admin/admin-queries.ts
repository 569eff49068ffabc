import { graphql } from '../graphql/generated';

/** The operator's desk's operations (web/src/pages/verwaltung.tsx), each typed by codegen. */

export const AdminOrganisationsQuery = graphql(`
  query AdminOrganisations($kind: OrganisationKind, $first: Int, $after: String) {
    organisations(kind: $kind, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          key
          name
          kind
          ags
          kreisschluessel
          parent {
            id
            key
            name
          }
        }
      }
    }
  }
`);

export const RegisterOrganisationMutation = graphql(`
  mutation RegisterOrganisation($input: RegisterOrganisationInput!) {
    registerOrganisation(input: $input) {
      id
      key
      name
      kind
    }
  }
`);

export const AdminInterfaceStandardsQuery = graphql(`
  query AdminInterfaceStandards {
    interfaceStandards {
      key
      name
      kind
    }
  }
`);

export const RegisterInterfaceStandardMutation = graphql(`
  mutation RegisterInterfaceStandard($input: InterfaceStandardInput!) {
    registerInterfaceStandard(input: $input) {
      key
      name
      kind
    }
  }
`);

export const AuditTrailQuery = graphql(`
  query AdminAuditTrail($entityId: ID!) {
    auditTrail(entityId: $entityId) {
      id
      at
      actor
      action
      entityType
      entityId
      hash
    }
  }
`);

export const VerifyAuditChainQuery = graphql(`
  query VerifyAuditChain {
    verifyAuditChain {
      ok
      verifiedEvents
      problem
      reason
      brokenEventId
      brokenEventSeq
      brokenEvent {
        id
        at
        action
        entityType
        entityId
      }
      checkpointLine
      checkpointTakenAt
      checkpointsChecked
      checkedAt
    }
  }
`);

export const GithubDeliveriesQuery = graphql(`
  query AdminGithubDeliveries($outcome: DeliveryOutcome, $first: Int, $after: String) {
    githubDeliveries(outcome: $outcome, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          event
          action
          repository
          receivedAt
          outcome
          detail
          attempts
        }
      }
    }
  }
`);

export const ReplayGithubDeliveryMutation = graphql(`
  mutation ReplayGithubDelivery($id: ID!) {
    replayGithubDelivery(id: $id) {
      id
      outcome
      detail
      attempts
    }
  }
`);

/** After a registration, the lists that show it are fetched again (also when they were empty before). */
export const REFRESH_ORGANISATIONS = { additionalTypenames: ['Organisation', 'OrganisationConnection'] };
export const REFRESH_STANDARDS = { additionalTypenames: ['InterfaceStandard'] };
export const REFRESH_DELIVERIES = { additionalTypenames: ['GithubDelivery', 'GithubDeliveryConnection'] };
