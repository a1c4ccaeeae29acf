import type { ModuleParts } from '../shared/module-parts';

/** The supplies area of the rescue module (filled in by its feature). */
export const suppliesParts: ModuleParts = { entities: [], resolvers: [], migrations: [] };
