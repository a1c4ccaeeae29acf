import type { BusinessRuleDefinition } from '../business-rules/business-rule';
import type { RequestContext } from '../context/request-context';
import type { ScopedEntity } from '../data/entity';
import type { EventCatalog } from '../events/event-catalog';
import type { ClassType } from '../graphql/class-type';
import type { IndicatorDefinition } from '../indicators/indicator';
import type { PermissionDeclaration } from '../access/permission';
import type { DomainModule } from './domain-module';
import type { ModuleHttpRoute } from './module-runtime';

/**
 * One part of a large module (a folder: the responsibility module's key tasks or problem list, the
 * enforcement module's law catalog or inspections): what it adds to the module's declaration. A module
 * built of parts is `moduleFromParts(PARTS)` plus its name, description and dependencies, so each part
 * keeps its own entities, permissions, events, rules, indicators, migration, seed and routes.
 */
export interface ModulePart {
  readonly entities: readonly ClassType[];
  readonly resolvers: readonly ClassType[];
  readonly migrations: readonly ClassType[];
  readonly permissions: readonly PermissionDeclaration[];
  readonly scopedEntities: readonly ScopedEntity<any>[];
  readonly events: readonly EventCatalog[];
  readonly businessRules: readonly BusinessRuleDefinition[];
  readonly indicators: readonly IndicatorDefinition[];
  /** Deterministic, idempotent demo data of the part; parts seed in the module's order. */
  readonly seed?: (ctx: RequestContext) => Promise<void>;
  /** Plain GET or POST endpoints of the part (a document's download, Open311's requests), mounted by the gateway when the module starts. */
  readonly httpRoutes?: readonly ModuleHttpRoute[];
}

/** What a module built of `parts` declares: everything of each part, seeded in the parts' order, the parts' routes mounted at start. */
export function moduleFromParts(parts: readonly ModulePart[]): Pick<DomainModule, 'entities' | 'resolvers' | 'migrations' | 'permissions' | 'scopedEntities' | 'events' | 'businessRules' | 'indicators' | 'seed' | 'start'> {
  const httpRoutes = parts.flatMap((p) => p.httpRoutes ?? []);
  return {
    entities: parts.flatMap((p) => p.entities),
    resolvers: parts.flatMap((p) => p.resolvers),
    migrations: parts.flatMap((p) => p.migrations),
    permissions: parts.flatMap((p) => p.permissions),
    scopedEntities: parts.flatMap((p) => p.scopedEntities),
    events: parts.flatMap((p) => p.events),
    businessRules: parts.flatMap((p) => p.businessRules),
    indicators: parts.flatMap((p) => p.indicators),
    seed: async (ctx) => {
      for (const part of parts) await part.seed?.(ctx);
    },
    ...(httpRoutes.length ? { start: async () => ({ httpRoutes }) } : {}),
  };
}
