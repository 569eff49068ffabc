import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  isListType,
  isNonNullType,
  NoSchemaIntrospectionCustomRule,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DomainError } from '#src/common/errors/domain-error';

/** Later issues' deepest useful query is about 7 levels. */
export const MAX_DEPTH = 10;
export const MAX_ALIASES = 15;
/**
 * A 100-row page with three nested lists of a handful of fields costs about 10,000; a page of
 * pages (100 x 100 rows) costs a million. The limit sits well between.
 */
export const MAX_COST = 50_000;
/** Assumed size of a list that has no `first` argument (legal bases, capabilities, gates). */
const UNPAGED_LIST_SIZE = 10;

export function validationRules(options: { introspection: boolean }): ValidationRule[] {
  const rules: ValidationRule[] = [
    maxDepthRule({ n: MAX_DEPTH, exposeLimits: true }),
    maxAliasesRule({ n: MAX_ALIASES, exposeLimits: true }),
  ];
  if (!options.introspection) {
    rules.push(NoSchemaIntrospectionCustomRule);
  }
  return rules;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** Cost of a field: its children times the rows it can return (`first`, or an assumed list size). */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  // A connection's `first` already counts its rows: its edges are not a second multiplier.
  if (field.name === 'edges') {
    return 1 + childComplexity;
  }
  const first: unknown = args.first;
  if (typeof first === 'number') {
    return 1 + childComplexity * Math.max(first, 1);
  }
  if (isList(field.type)) {
    return 1 + childComplexity * UNPAGED_LIST_SIZE;
  }
  return undefined;
};

/**
 * Runs before execution (with the variables, so `first: $n` counts), after mercurius' cached
 * parse and validation.
 */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
) {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    return; // bad variables: execution reports them with their own error
  }
  if (cost > MAX_COST) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `Query is too expensive: cost ${cost} exceeds the limit of ${MAX_COST}. Ask for smaller pages or fewer nested lists.`,
      { cost, limit: MAX_COST },
    );
  }
}
