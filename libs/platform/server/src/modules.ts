import { kernelModule, orderModules, type DomainModule } from '@platform/core';

/**
 * The modules to run: the kernel always, then those named in MODULES (or all available), ordered
 * by their dependencies. Unknown names fail with the list of known ones.
 */
export function selectModules(available: readonly DomainModule[], wanted: readonly string[] | 'all'): DomainModule[] {
  const names = new Set(available.map((m) => m.name));
  if (wanted !== 'all') {
    const unknown = wanted.filter((w) => !names.has(w) && w !== kernelModule.name);
    if (unknown.length) throw new Error(`MODULES names unknown module(s): ${unknown.join(', ')}. Known: ${[...names].join(', ')}.`);
  }
  const chosen = wanted === 'all' ? available : available.filter((m) => wanted.includes(m.name));
  return orderModules([kernelModule, ...chosen.filter((m) => m.name !== kernelModule.name)]);
}
