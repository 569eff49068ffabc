/** Unit specs (*.spec.ts, next to the code and in test/unit) and integration specs (test/*.e2e-spec.ts). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs', ignoreDynamic: true },
      },
    ],
  },
  // The package.json `imports` aliases point at the build; tests run the TypeScript sources.
  moduleNameMapper: {
    '^#src/(.*)$': '<rootDir>/src/$1',
    '^#migrations$': '<rootDir>/migrations/index.ts',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  // Two cores: two workers keep the machine busy without starving PostgreSQL.
  maxWorkers: 2,
};
