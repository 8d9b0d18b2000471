/** Jest runs TypeScript through ts-jest as native ESM (the app is "type": "module"). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
  // One worker: Prisma's schema engine migrates under a database-wide PostgreSQL lock with a 10 s
  // timeout, and two workers migrating test schemas while PGlite suites load the CPU can exceed it.
  maxWorkers: 1,
};
