import type { ModuleParts } from '../shared/module-parts';

/** The duty area of the rescue module (filled in by its feature). */
export const dutyParts: ModuleParts = { entities: [], resolvers: [], migrations: [] };
