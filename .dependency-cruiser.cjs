/**
 * The house as a graph (issue 14): no import cycles between files, and none between folders, in any
 * library or app. Libraries' one-way dependencies are Nx's module-boundary rule (eslint.config.mjs);
 * this catches the cycles inside a library that no tag can see, e.g. a feature folder importing a
 * sub-folder that imports it back. `npm run cycles` (part of `npm test`).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files import each other (directly or through others): move what both need into a third file.',
      from: { pathNot: '^node_modules' },
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      scope: 'folder',
      comment: 'Folders import each other: one of them should own what both need, or a shared folder below both.',
      from: { pathNot: '^node_modules' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.data|\\.nx)/' },
    // Type-only imports count too: a cycle of types is still a cycle for a reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
