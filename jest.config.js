/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/shared', '<rootDir>/dev'],
  // Compiled output is run by the spawned services, never collected as tests or modules twice.
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  // Two cores: each test file starts services and databases of its own.
  maxWorkers: 2,
};
