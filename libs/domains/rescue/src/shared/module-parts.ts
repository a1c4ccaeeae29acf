import type { ObjectLiteral } from 'typeorm';
import type { ClassType, ModuleRuntime, RequestContext, ScopedEntity, StartedModule } from '@platform/core';

/** What one feature area of the rescue module adds; `rescue.module.ts` joins the areas into one DomainModule. */
export interface ModuleParts {
  readonly entities: readonly ClassType[];
  readonly resolvers: readonly ClassType[];
  readonly migrations: readonly ClassType[];
  /** Declared entities reachable by `node(nodeId:)` (their types implement `Node`). */
  readonly scopedEntities?: readonly ScopedEntity<ObjectLiteral>[];
  /** Deterministic, idempotent demo data of the area, run in the order of the areas. */
  readonly seed?: (ctx: RequestContext) => Promise<void>;
  /** Started with the gateway (sweeps, HTTP routes); the module joins every area's services, routes and stops. */
  readonly start?: (runtime: ModuleRuntime) => Promise<StartedModule>;
}
