import type { ModuleParts } from '../shared/module-parts';

/** The cap area of the rescue module (filled in by its feature). */
export const capParts: ModuleParts = { entities: [], resolvers: [], migrations: [] };
