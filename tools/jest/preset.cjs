// Shared jest settings: swc with legacy decorators and decorator metadata (TypeORM and
// type-graphql read `design:*` metadata), path aliases taken from tsconfig.base.json.
const path = require('node:path');
const { compilerOptions } = require('../../tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, '..', '..', `${target}.ts`);
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['**/?(*.)+(spec|e2e-spec).ts'],
  globalSetup: path.join(__dirname, 'global-setup.cjs'),
  globalTeardown: path.join(__dirname, 'global-teardown.cjs'),
  setupFiles: ['reflect-metadata'],
  // Hooks and tests get 90 s: a file that starts a gateway over the seeded town may be the one that builds
  // the run's seeded template (migrations and every module's seed, about 10 s alone on 2 cores and over 30 s
  // beside other workers), inside its own hook; the other files clone it in tens of milliseconds.
  testTimeout: 90_000,
};
