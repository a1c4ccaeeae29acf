import type { ModuleParts } from '../shared/module-parts';

/** The command area of the rescue module (filled in by its feature). */
export const commandParts: ModuleParts = { entities: [], resolvers: [], migrations: [] };
