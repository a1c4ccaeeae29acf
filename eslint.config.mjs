import nx from '@nx/eslint-plugin';

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
            { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:server'] },
            // Domains: each names the domains it may use (one way); their tests also start the gateway (server, access, testing).
            { sourceTag: 'scope:risk', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:access', 'scope:server', 'scope:testing'] },
            { sourceTag: 'scope:rescue', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:directory', 'scope:risk', 'scope:access', 'scope:server', 'scope:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Libraries on the kernel data layer read and write only through records()/createRecord/updateRecord
    // (the kernel applies row scope to every statement). SQL that must stay hand-written lives in *.sql.ts.
    // Each library joins this list when it has moved (issues 13 and 14: access, risk, the rescue libraries).
    files: ['libs/platform/directory/src/**/*.ts'],
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
          ],
        },
      ],
    },
  },
];
