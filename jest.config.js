/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  // agenda, its Mongo backend and jose ship ESM only; swc turns them into CommonJS for Jest. So is
  // node-fetch 3, which BigQuery's HTTP layer (teeny-request) loads with a dynamic import().
  transformIgnorePatterns: ['/node_modules/(?!(agenda|@agendajs|jose|teeny-request|node-fetch|fetch-blob|data-uri-to-buffer|formdata-polyfill)/)'],
  // A dynamic import() names the compiled file (`../composition.js`, as Node's ESM rules want);
  // in tests that is the .ts source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
