import type { ModuleParts } from '../shared/module-parts';

/** The joint-defense area of the rescue module (filled in by its feature). */
export const jointDefenseParts: ModuleParts = { entities: [], resolvers: [], migrations: [] };
