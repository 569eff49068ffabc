import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  isListType,
  isNonNullType,
  NoSchemaIntrospectionCustomRule,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DomainError, domainErrorIn } from '#src/common/errors/domain-error';
import { MAX_PAGE_SIZE } from './pagination';

/** Later issues' deepest useful query is about 7 levels. */
export const MAX_DEPTH = 10;
export const MAX_ALIASES = 15;
/**
 * A 100-row page with three nested lists of a handful of fields costs about 10,000; a page of
 * pages (100 x 100 rows) costs a million. The limit sits well between.
 */
export const MAX_COST = 50_000;
/**
 * Fields of the query with every fragment spread expanded. The console's largest page asks for a
 * few hundred; a fragment spread 25 x 25 x 25 times expands to 15,625 and is refused here.
 */
export const MAX_NODES = 5_000;
/** Assumed size of a list that has no `first` argument (legal bases, capabilities, gates). */
const UNPAGED_LIST_SIZE = 10;

/**
 * graphql-armor throws its refusals as "Syntax Error: ...", which a caller reads as a typo in the
 * query. Report the same refusal as what it is: a limit.
 */
function reportAsLimit(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
}

export function validationRules(options: { introspection: boolean }): ValidationRule[] {
  const refusal = { exposeLimits: true, propagateOnRejection: false, onReject: [reportAsLimit] };
  const rules: ValidationRule[] = [
    // Depth counts fields: a fragment spread is not a level of the result.
    maxDepthRule({ n: MAX_DEPTH, flattenFragments: true, ...refusal }),
    maxAliasesRule({ n: MAX_ALIASES, ...refusal }),
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
 * parse and validation. A cost that cannot be computed is a refusal, never a pass: the estimator
 * throws on a query of more than MAX_NODES expanded fields and on variables it cannot read.
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
      maxQueryNodes: MAX_NODES,
      estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    throw costUnknown(error);
  }
  if (cost > MAX_COST) {
    const facts = { cost, limit: MAX_COST, maxPageSize: MAX_PAGE_SIZE };
    throw new DomainError('QUERY_TOO_EXPENSIVE', facts, facts);
  }
}

function costUnknown(error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  if (/maximum allowed number of nodes/.test(reason)) {
    return new DomainError('QUERY_TOO_LARGE', { limit: MAX_NODES }, { limit: MAX_NODES });
  }
  if (error instanceof GraphQLError && domainErrorIn(error)) {
    return error; // a scalar refused a variable: its reason, graphql-js' words on the variable in front
  }
  if (error instanceof GraphQLError) {
    return new DomainError('GRAPHQL_VALIDATION', { problem: reason }); // variables that do not fit their types
  }
  return new DomainError('QUERY_COST_UNKNOWN', { problem: reason });
}
