import { Extensions } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import type { Sql } from '../sql/sql';

/** Schema extension of a field resolver: its value as SQL (`@SqlForm`), for the read compiler. */
export const SQL_FORM = 'sqlForm';

/**
 * A computed field's value as SQL over a row (`alias` is the row's table alias, its columns by their
 * database names), for the read compiler: the same value the resolver computes, of the field's
 * GraphQL type (a boolean for `Boolean`, text for `String`/`ID`…). The columns it reads are the
 * field's `@ReadsColumns`. `typeName` is the GraphQL type the field is on.
 */
export type SqlFormOf = (alias: string, ctx: RequestContext, typeName: string) => Sql;

/** Declares a field resolver's value as SQL (see `SqlFormOf`), which makes it compilable, e.g. a hazard's `overdue`. */
export function SqlForm(form: SqlFormOf): MethodDecorator {
  return Extensions({ [SQL_FORM]: form }) as MethodDecorator;
}
