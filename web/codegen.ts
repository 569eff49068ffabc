import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation in web/src from the committed schema.gql: a change of the schema that
 * breaks a page breaks `npm run typecheck`, not the page's users. The output is generated, not
 * committed (web/src/graphql/generated is ignored by git).
 */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    // Every enum of the schema, for the label tables (web/src/ui/labels.ts).
    'web/src/graphql/generated/enums.ts': {
      plugins: ['typescript'],
      config: { onlyEnums: true, enumsAsTypes: true },
    },
    'web/src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: {
          Date: 'string',
          DateTime: 'string',
          SemVer: 'string',
          SemVerRange: 'string',
        },
      },
    },
  },
  silent: true,
};

export default config;
