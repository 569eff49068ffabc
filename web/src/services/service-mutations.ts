import { graphql } from '../graphql/generated';

/**
 * The changes the service forms make. Each answers with the changed object (id and typename), so
 * urql's document cache refetches the pages that show it (the service page, the norm lists).
 */

export const RegisterServiceMutation = graphql(`
  mutation RegisterService($input: RegisterServiceInput!) {
    registerService(input: $input) {
      id
      slug
      name
    }
  }
`);

export const UpdateServiceMutation = graphql(`
  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {
    updateService(id: $id, input: $input) {
      id
      slug
      name
      summary
      updatedAt
    }
  }
`);

export const RegisterLegalNormMutation = graphql(`
  mutation RegisterLegalNorm($input: RegisterLegalNormInput!) {
    registerLegalNorm(input: $input) {
      id
      abbreviation
      title
      jurisdiction
      url
    }
  }
`);

export const SetQaPolicyMutation = graphql(`
  mutation SetQaPolicy($serviceId: ID!, $rules: [QaGateRuleInput!]!) {
    setQaPolicy(serviceId: $serviceId, rules: $rules) {
      id
      qaPolicy {
        rules {
          kind
          requiredApprovals
        }
      }
    }
  }
`);

/** The registered norms whose abbreviation or title contains the text (all of them for none). */
export const LegalNormChoicesQuery = graphql(`
  query LegalNormChoices($search: String) {
    legalNorms(search: $search) {
      id
      abbreviation
      title
      jurisdiction
    }
  }
`);
