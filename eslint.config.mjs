import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Our libraries that own tables, by module name. */
const LIBRARIES = {
  core: 'libs/platform/core',
  directory: 'libs/platform/directory',
  access: 'libs/platform/access',
  risk: 'libs/domains/risk',
  preparedness: 'libs/domains/preparedness',
  command: 'libs/domains/command',
  community: 'libs/domains/community',
  warnings: 'libs/domains/warnings',
  response: 'libs/domains/response',
  responsibility: 'libs/domains/responsibility',
  enforcement: 'libs/domains/enforcement',
  reporting: 'libs/domains/reporting',
  scenarios: 'libs/domains/scenarios',
  webhooks: 'libs/platform/webhooks',
};
/** The libraries on the kernel data layer (issue 13); the rescue libraries join in issue 14. */
const DATA_LAYER_LIBRARIES = ['directory', 'access', 'risk', 'preparedness', 'command', 'community', 'warnings', 'response', 'responsibility', 'enforcement', 'reporting', 'scenarios', 'webhooks'];

/** The tables a library's migrations create. */
function tablesOf(name) {
  const dir = `${LIBRARIES[name]}/src/migrations`;
  if (!existsSync(dir)) return [];
  const tables = new Set();
  for (const file of readdirSync(dir)) {
    for (const m of readFileSync(`${dir}/${file}`, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)/g)) tables.add(m[1]);
  }
  return [...tables];
}

/** Selectors for SQL text (string and template parts) that names another module's table after FROM, JOIN, INTO or UPDATE. */
function foreignTableSelectors(name) {
  const foreign = Object.keys(LIBRARIES).filter((other) => other !== name && other !== 'core').flatMap(tablesOf);
  if (!foreign.length) return [];
  const pattern = `\\b(?:from|join|into|update)\\s+(?:${foreign.join('|')})\\b`;
  const message = `SQL names another module's table: read it through that module's exported, scoped readers (records over its declared entities).`;
  return [
    { selector: `TemplateElement[value.raw=/${pattern}/i]`, message },
    { selector: `Literal[value=/${pattern}/i]`, message },
  ];
}

/**
 * Module boundaries (Nx tags, two dimensions):
 *   type:app → type:domain, type:platform;  type:domain → type:domain (one-way, by scope), type:platform;  type:platform → type:platform.
 *   scope:kernel (core) depends on nothing of ours; production libraries never use scope:testing.
 * A domain that uses another domain gets a one-way scope rule here (e.g. scope:enforcement → scope:risk).
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.data', 'tools/bench/.cache/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: false,
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:platform'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:platform'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
            { sourceTag: 'scope:kernel', onlyDependOnLibsWithTags: ['scope:kernel'] },
            { sourceTag: 'scope:directory', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:testing'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:kernel'] },
            { sourceTag: 'scope:access', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:testing'] },
            // Webhooks (issue 16): subscriptions of API clients (access) to every module's events, filtered by organization subtree (directory).
            { sourceTag: 'scope:webhooks', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:testing'] },
            { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:server'] },
            // Domains: each names the domains it may use (one way); their tests also start the gateway (server, access, testing).
            { sourceTag: 'scope:risk', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:server', 'scope:testing'] },
            // The rescue libraries (issue 14), one way: preparedness ← command ← warnings ← response; community ← warnings, response.
            { sourceTag: 'scope:preparedness', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:server', 'scope:testing', 'scope:risk'] },
            { sourceTag: 'scope:command', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:server', 'scope:testing', 'scope:risk', 'scope:preparedness'] },
            { sourceTag: 'scope:community', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:server', 'scope:testing'] },
            { sourceTag: 'scope:warnings', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:server', 'scope:testing', 'scope:risk', 'scope:preparedness', 'scope:command', 'scope:community'] },
            { sourceTag: 'scope:response', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:server', 'scope:testing', 'scope:risk', 'scope:preparedness', 'scope:command', 'scope:community', 'scope:warnings'] },
            // Responsibility (issue 18) reads risk (listed supervision, hazards) and the rescue libraries (village capacity) through their public faces.
            { sourceTag: 'scope:responsibility', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:server', 'scope:testing', 'scope:risk', 'scope:preparedness', 'scope:command', 'scope:community', 'scope:warnings', 'scope:response'] },
            // Enforcement (issues 19, 20) reads the directory (enterprises, persons), reports hazards through risk's public face and investigates
            // response's incidents through its declarations; its tests start response with the modules response depends on.
            { sourceTag: 'scope:enforcement', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:server', 'scope:testing', 'scope:risk', 'scope:preparedness', 'scope:command', 'scope:community', 'scope:warnings', 'scope:response'] },
            // Reporting (issue 21) raises hazards through risk's public face, reads final fines and accident grades through enforcement's, names
            // response's incidents, warnings' warnings and command's teams; its tests start them with the modules they depend on.
            { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:server', 'scope:testing', 'scope:risk', 'scope:preparedness', 'scope:command', 'scope:community', 'scope:warnings', 'scope:response', 'scope:enforcement'] },
            // Scenarios (issue 22) read every other module through its public face (readers, declarations, indicators), raise hazards through
            // risk's and warning drafts through warnings'; its tests start them all.
            { sourceTag: 'scope:scenarios', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:server', 'scope:testing', 'scope:risk', 'scope:preparedness', 'scope:command', 'scope:community', 'scope:warnings', 'scope:response', 'scope:responsibility', 'scope:enforcement', 'scope:reporting'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // Libraries on the kernel data layer read and write only through records()/createRecord/updateRecord
  // (the kernel applies row scope to every statement). SQL that must stay hand-written lives in *.sql.ts.
  // Each library joins DATA_LAYER_LIBRARIES when it has moved (issue 14: the rescue libraries).
  ...DATA_LAYER_LIBRARIES.map((name) => ({
    files: [`${LIBRARIES[name]}/src/**/*.ts`],
    ignores: ['**/*.sql.ts', '**/*.spec.ts', '**/migrations/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['query', 'createQueryBuilder', 'escapeQueryWithParameters'].map((property) => ({
          property,
          message: 'Read and write through records()/createRecord()/updateRecord() (the kernel applies the scope); hand-written SQL belongs in a *.sql.ts file.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@platform/core',
              importNames: ['readRows', 'organizationWithinScope', 'organizationIdWithinScope', 'paginate', 'paginateSql', 'paginateRows', 'pagesByParent', 'readOne'],
              message: 'Use records(ctx, <declared entity>): it applies the declared scope.',
            },
            {
              name: '@platform/directory',
              importNames: ['organizationScope', 'organizationIdInScope', 'withinSubtreeSql', 'organizationInScope', 'assertReadablePerson', 'scopedPersons'],
              message: 'Use records(ctx, Organizations | Persons, permission) and .reference(id, field); organizationIdWithinSubtree for subtree filters.',
            },
          ],
        },
      ],
      // Another module's tables are read through its exported, scoped readers, never named in SQL text.
      'no-restricted-syntax': ['error', ...foreignTableSelectors(name)],
    },
  })),
  // The admin console (apps/console): React's rules of hooks and effect dependencies; the generated documents are not linted.
  { ignores: ['apps/console/src/generated/**'] },
  { ...reactHooks.configs.flat['recommended-latest'], files: ['apps/console/src/**/*.tsx', 'apps/console/src/**/*.ts'] },
];
