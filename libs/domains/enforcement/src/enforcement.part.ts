import type { BusinessRuleDefinition, ClassType, EventCatalog, IndicatorDefinition, ModuleHttpRoute, PermissionDeclaration, RequestContext, ScopedEntity } from '@platform/core';

/**
 * One part of the enforcement module (a folder: the law catalog, enforcement items, certificates,
 * annual plans, inspections): what it adds to the module's declaration. The module is the parts put
 * together (`enforcement.module.ts`), so each part keeps its own entities, permissions, events,
 * rules, indicators, migration and seed.
 */
export interface EnforcementPart {
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
  /** Plain GET endpoints of the part (a document's download), mounted by the gateway when the module starts. */
  readonly httpRoutes?: readonly ModuleHttpRoute[];
}

/** A part that adds nothing yet. */
export const EMPTY_PART: EnforcementPart = { entities: [], resolvers: [], migrations: [], permissions: [], scopedEntities: [], events: [], businessRules: [], indicators: [] };
