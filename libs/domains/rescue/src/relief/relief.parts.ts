import type { ModuleParts } from '../shared/module-parts';

/** The relief area of the rescue module (filled in by its feature). */
export const reliefParts: ModuleParts = { entities: [], resolvers: [], migrations: [] };
