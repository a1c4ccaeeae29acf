import type { ModuleParts } from '../shared/module-parts';
import { Warning, WarningTarget } from './warning.entity';
import { CreateWarnings1764402400000 } from '../migrations/1764402400000-create-warnings';

/** Graded warnings with call-and-response (预警 + 叫应). */
export const warningsParts: ModuleParts = { entities: [Warning, WarningTarget], resolvers: [], migrations: [CreateWarnings1764402400000] };
