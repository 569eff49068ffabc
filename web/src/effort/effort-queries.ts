import { graphql } from '../graphql/generated';

export const MaintenancePlanQuery = graphql(`
  query MaintenancePlan($ownerKey: String!, $from: Date!, $to: Date!) {
    maintenancePlan(ownerKey: $ownerKey, from: $from, to: $to) {
      from
      to
      calibrationFactor
      calibrationBasis
      expectedHours
      standardDeviationHours
      p50Hours
      p90Hours
      fte
      costEur
      hourlyRateEur
      hoursPerFteYear
      owner {
        id
        key
        name
      }
      items {
        kind
        expectedHours
        standardDeviationHours
        service {
          id
          slug
          name
          maintenanceBaseline {
            optimisticHours
            likelyHours
            pessimisticHours
          }
        }
        campaignTarget {
          id
          plannedReleaseDate
          estimate {
            optimisticHours
            likelyHours
            pessimisticHours
          }
          campaign {
            id
            title
          }
        }
      }
    }
  }
`);

/** The owner's services with their baselines, and the open targets on them, for the forms. */
export const OwnerWorkQuery = graphql(`
  query OwnerWork($ownerKey: String!) {
    services(filter: { ownerKey: $ownerKey }, first: 100) {
      edges {
        node {
          id
          slug
          name
          maintenanceBaseline {
            optimisticHours
            likelyHours
            pessimisticHours
            expectedHours
          }
        }
      }
    }
    campaigns(first: 100) {
      edges {
        node {
          id
          title
          state
          targets {
            id
            state
            service {
              id
            }
          }
        }
      }
    }
  }
`);

/** The owners a plan can be made for: an OPERATOR chooses among them. */
export const PlanOwnersQuery = graphql(`
  query PlanOwners {
    organisations(ownsServices: true, first: 100) {
      edges {
        node {
          id
          key
          name
        }
      }
    }
  }
`);

export const EffortEntriesQuery = graphql(`
  query EffortEntries($serviceSlug: String!) {
    effortEntries(serviceSlug: $serviceSlug, first: 10) {
      totalCount
      edges {
        node {
          id
          date
          hours
          note
          recordedBy {
            name
          }
          campaignTarget {
            id
            campaign {
              id
              title
            }
          }
        }
      }
    }
  }
`);

export const SetBaselineMutation = graphql(`
  mutation SetMaintenanceBaseline($serviceSlug: String!, $estimate: ThreePointInput!) {
    setMaintenanceBaseline(serviceSlug: $serviceSlug, estimate: $estimate) {
      id
      maintenanceBaseline {
        optimisticHours
        likelyHours
        pessimisticHours
        expectedHours
      }
    }
  }
`);

export const RecordEffortMutation = graphql(`
  mutation RecordEffort($input: RecordEffortInput!) {
    recordEffort(input: $input) {
      id
      date
      hours
      service {
        id
        slug
        name
      }
    }
  }
`);
