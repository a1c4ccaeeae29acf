import type { ModuleParts } from '../shared/module-parts';

/** The plans area of the rescue module (filled in by its feature). */
export const plansParts: ModuleParts = { entities: [], resolvers: [], migrations: [] };
