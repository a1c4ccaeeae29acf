import { ParamNames, compile, type RequestContext, type Sql } from '@platform/core';

/**
 * Runs one composed statement (values as parameters, fragments from `records(…).subquery()` with
 * the kernel's scope in them) and answers its rows as the driver gives them. For the module's few
 * statements `records` does not express (see each caller's `*.sql.ts` file for why).
 */
export async function runStatement<R>(ctx: RequestContext, statement: Sql): Promise<R[]> {
  const { text, params } = compile(statement, new ParamNames('s'));
  const [query, values] = ctx.manager.connection.driver.escapeQueryWithParameters(text, params);
  return (await ctx.manager.query(query, values)) as R[];
}
