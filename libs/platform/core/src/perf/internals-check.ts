import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The installed version of a package, read from its package.json (found by walking up from its
 * entry point: type-graphql, typeorm and pg-pool do not export `./package.json`); 'unknown' when
 * it cannot be found. For error messages only.
 */
export function installedVersion(name: string): string {
  let dir: string;
  try {
    dir = dirname(require.resolve(name));
  } catch {
    return 'unknown';
  }
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === name && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No (readable) package.json at this level: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/** Problems listed in one error at most; the rest are counted (one renamed property can break every field). */
const LISTED = 8;

/**
 * A library no longer has a shape the platform's read path relies on (see the `perf/README.md` of
 * the library that relies on it). Thrown at start-up, so an upgrade fails before it serves a request.
 */
export class InternalsChangedError extends Error {
  constructor(
    readonly packageName: string,
    readonly version: string,
    readonly problems: readonly string[],
    readme: string,
  ) {
    const listed = problems.slice(0, LISTED).join('; ');
    const more = problems.length > LISTED ? `; and ${problems.length - LISTED} more` : '';
    super(`${packageName} ${version} no longer has what the platform's read path relies on: ${listed}${more}. Pin the previous version or adapt the code described in ${readme}.`);
    this.name = 'InternalsChangedError';
  }
}
