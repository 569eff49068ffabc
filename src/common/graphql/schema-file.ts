import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The committed schema.gql: generated from the code (code-first), sorted so diffs stay readable. */
export function renderSchema(schema: GraphQLSchema): string {
  return (
    '# Generated from the code by `npm run schema` (do not edit; a test fails when it is stale).\n\n' +
    printSchema(lexicographicSortSchema(schema)) +
    '\n'
  );
}
