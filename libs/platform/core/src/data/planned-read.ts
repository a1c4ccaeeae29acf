import type { ObjectLiteral } from 'typeorm';
import type { ScopedEntity } from './entity';
import type { Sql } from '../sql/sql';
import type { PageRequest, PageWindow, SortKey } from '../pagination/keyset';

/**
 * A read the data layer was asked for while a request was being planned (`RequestContext.forPlanning`),
 * instead of running it: the records of a declared entity (its scope and the caller's conditions, over
 * alias `t`) and what of them, a page or the record with an id. The read compiler turns it into SQL
 * that returns the response's JSON.
 */
export type PlannedRead =
  | {
      readonly kind: 'page';
      readonly entity: ScopedEntity<ObjectLiteral>;
      /** The scope and the conditions, over alias `t`. */
      readonly condition: Sql;
      readonly keys: readonly SortKey[];
      readonly page: PageRequest;
      readonly window: PageWindow;
    }
  | {
      readonly kind: 'one';
      readonly entity: ScopedEntity<ObjectLiteral>;
      readonly condition: Sql;
      /** The primary key column and the id asked for. */
      readonly keyColumn: string;
      readonly id: string;
    };

const PLANNED = Symbol('planned read');

/** Thrown when planning meets what it cannot plan (a read whose rows the code would look at): the request then runs its resolvers. */
export class PlanningRefused extends Error {
  constructor(reason: string) {
    super(`Not compiled: ${reason}`);
  }
}

/**
 * The value a planned read stands in for: it carries the plan, and refuses to be looked at (any
 * property read throws `PlanningRefused`), so code that inspects a row it loaded (`row.path`, a
 * filter over rows) cannot go on with a placeholder: the request then runs its resolvers instead.
 * It is not thenable, so it can be awaited and returned through promises and DataLoaders.
 */
export function plannedValue<T>(read: PlannedRead): T {
  return new Proxy(Object.create(null) as object, {
    get(_target, property) {
      if (property === PLANNED) return read;
      if (typeof property === 'symbol' || property === 'then') return undefined;
      throw new PlanningRefused(`the code read ${property} of a ${read.entity.typeName} it loaded`);
    },
  }) as T;
}

/** The planned read a value stands for, or null when it is anything else. */
export function plannedReadOf(value: unknown): PlannedRead | null {
  if (value === null || typeof value !== 'object') return null;
  return ((value as Record<symbol, unknown>)[PLANNED] as PlannedRead | undefined) ?? null;
}
