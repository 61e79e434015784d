// End-to-end tests: the built pages in headless Chromium. Run with `npm run e2e`, which installs
// Debian's chromium when missing and builds dist/ first. Kept out of `npm test` (the root config
// only matches *.test.ts; these are *.e2e.ts).
const path = require('path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 240000,
  maxWorkers: 1,
};
