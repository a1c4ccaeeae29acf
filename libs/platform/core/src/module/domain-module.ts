import type { NonEmptyArray } from 'type-graphql';
import type { DataSource, MixedList, EntitySchema, ObjectLiteral } from 'typeorm';
import type { Logger } from 'pino';
import type { ClassType } from '../graphql/class-type';
import type { ScopedEntity } from '../data/entity';
import type { RequestContext } from '../context/request-context';
import type { EventBus } from '../events/event-bus';
import type { EventCatalog } from '../events/event-catalog';
import type { Clock } from '../time/clock';
import type { PermissionDeclaration } from '../access/permission';
import type { Limiter, LimiterOptions, StartedModule } from './module-runtime';
import type { Every } from './periodic-jobs';
import type { ModuleSettings } from './settings';
import type { BusinessRuleDefinition } from '../business-rules/business-rule';
import type { IndicatorDefinition } from '../indicators/indicator';

/**
 * What a plugin module brings to the gateway. The gateway composes every enabled module into one
 * GraphQL schema and one TypeORM DataSource; a disabled module contributes nothing (its tables stay
 * as they are). Vendure-style: one declaration says everything the module adds.
 */
export interface DomainModule {
  /** Short, stable, lower-case name used in `MODULES` and in permission codes (`risk`, `directory`). */
  readonly name: string;
  /** Chinese term and English sentence, shown in logs and the module catalog. */
  readonly description: string;
  /** Names of modules this one needs (their entities and public services). */
  readonly dependsOn?: readonly string[];
  /** TypeORM entities owned by this module. */
  readonly entities: MixedList<ClassType | EntitySchema>;
  /** type-graphql resolver classes. */
  readonly resolvers: readonly ClassType[];
  /** TypeORM migration classes, named `<Timestamp><Name>` so they sort across modules. */
  readonly migrations: readonly ClassType[];
  /** Permissions this module declares; every operation field it adds names one of them. */
  readonly permissions: readonly PermissionDeclaration[];
  /** Entities whose row scope the module declares (`defineScopedEntity`): read through `records()`, reachable by `node(nodeId:)`. */
  readonly scopedEntities?: readonly ScopedEntity<ObjectLiteral>[];
  /** The environment variables the module reads (`defineSettings`): checked with the gateway's own at start, all bad ones reported together. */
  readonly settings?: ModuleSettings;
  /**
   * The module's event catalogs (`defineEvents`), so the gateway knows every event type it may emit:
   * those whose catalog declares a subject are offered to webhooks (`webhookEventTypes`).
   */
  readonly events?: readonly EventCatalog[];
  /**
   * The business rules the module applies (`defineBusinessRule`): codes prefixed with the module's
   * name; their versions are data (seeded by the module's migration, added by admins).
   */
  readonly businessRules?: readonly BusinessRuleDefinition[];
  /** The indicators the module registers (`defineIndicator`): codes prefixed with the module's name, computed in SQL for a subtree and a period. */
  readonly indicators?: readonly IndicatorDefinition[];
  /** Extra types to put into the schema even when no resolver returns them (interfaces' implementations). */
  readonly orphanedTypes?: readonly ClassType[];
  /** Deterministic, idempotent demo data. Runs inside one transaction. */
  readonly seed?: (ctx: RequestContext, options: SeedOptions) => Promise<void>;
  /** Called once when the gateway starts, after migrations: provides services or the authenticator. */
  readonly start?: (runtime: ModuleRuntime) => Promise<StartedModule>;
}

export interface SeedOptions {
  /** Every enabled module (e.g. to know the declared permissions). */
  readonly modules: readonly DomainModule[];
  /** Also create the demo accounts with the documented password (embedded demo only, by default). */
  readonly demoAccounts: boolean;
}

/** What a module gets when the gateway starts it: the database, settings and the other modules. */
export interface ModuleRuntime {
  readonly dataSource: DataSource;
  readonly log: Logger;
  /** The process environment; a module reads its own settings from it with its `ModuleSettings.read`, checked by the gateway at start. */
  readonly settings: Readonly<Record<string, string | undefined>>;
  /** Where the embedded database and generated secrets live. */
  readonly dataDir: string;
  /** True when the gateway runs on its embedded PostgreSQL. */
  readonly embedded: boolean;
  /** Every enabled module, e.g. for the permission catalog. */
  readonly modules: readonly DomainModule[];
  /** The gateway's event bus, for events a module raises outside a request (scheduled sweeps). */
  readonly events: EventBus;
  /** Makes a rate limiter (shared through Redis when REDIS_URL is set). */
  readonly limiter: (options: LimiterOptions) => Limiter;
  /** Where "now" comes from (the system clock; a ManualClock in tests), for sweeps and deadlines. */
  readonly clock: Clock;
  /**
   * Schedules periodic work (sweeps): single-flight, one replica at a time, as the system principal
   * with this clock; stopped by whoever started the modules (the gateway's `close()`), so a module
   * need not stop its jobs itself.
   */
  readonly every: Every;
  /**
   * False in one-off commands (bootstrap, create-admin, create-api-client), which start the modules
   * for their services only: no background work (queue workers, relays) is started. A gateway
   * leaves it unset (true).
   */
  readonly background?: boolean;
}

/** Returns the resolvers of the given modules as the non-empty array type-graphql requires. */
export function resolversOf(modules: readonly DomainModule[]): NonEmptyArray<ClassType> {
  const resolvers = modules.flatMap((m) => m.resolvers);
  if (resolvers.length === 0) throw new Error('No module with resolvers is enabled: check MODULES.');
  return resolvers as unknown as NonEmptyArray<ClassType>;
}

/**
 * Orders modules so that each comes after those it depends on, and checks that every dependency
 * is enabled. Throws with a message naming the missing module.
 */
export function orderModules(modules: readonly DomainModule[]): DomainModule[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  if (byName.size !== modules.length) throw new Error('Two modules share a name.');
  const ordered: DomainModule[] = [];
  const visiting = new Set<string>();
  const visit = (m: DomainModule): void => {
    if (ordered.includes(m)) return;
    if (visiting.has(m.name)) throw new Error(`Module dependency cycle at "${m.name}".`);
    visiting.add(m.name);
    for (const dep of m.dependsOn ?? []) {
      const d = byName.get(dep);
      if (!d) throw new Error(`Module "${m.name}" needs module "${dep}", which is not enabled.`);
      visit(d);
    }
    visiting.delete(m.name);
    ordered.push(m);
  };
  modules.forEach(visit);
  return ordered;
}
