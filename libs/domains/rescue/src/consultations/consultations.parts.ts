import type { ModuleParts } from '../shared/module-parts';

/** The consultations area of the rescue module (filled in by its feature). */
export const consultationsParts: ModuleParts = { entities: [], resolvers: [], migrations: [] };
