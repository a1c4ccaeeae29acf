import type { ModuleParts } from '../shared/module-parts';

/** The incidents area of the rescue module (filled in by its feature). */
export const incidentsParts: ModuleParts = { entities: [], resolvers: [], migrations: [] };
