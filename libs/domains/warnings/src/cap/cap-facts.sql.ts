import { raw, sql, unscoped, type RequestContext, type Sql, runSql } from '@platform/core';
import { Organizations } from '@platform/directory';
import type { CapTarget } from './cap.render';

/** What the CAP document of one record needs besides the record: its targets and the earlier records of its chain. */
export interface CapFacts {
  readonly id: string;
  /** Names and division codes, by code. */
  readonly targets: CapTarget[];
  /** Following `supersedes_id` back to the first issue, oldest first. */
  readonly refs: Array<{ identifier: string; sentAt: string }>;
}

/** Why the facts are read whatever the caller's scope. */
const OF_A_READABLE_RECORD = 'the CAP document of a record the caller may read names all its targets and earlier records, as the record itself does';

/**
 * SQL: the targets of the warning record whose id is `warningId` (a column of the enclosing
 * statement, e.g. `w.id`) as a JSON list of `CapTarget`, by code: the CAP `area` of the record. The
 * names and codes come from the directory's `Organizations` (a fragment the kernel writes), unscoped:
 * the document is the record's, not the reader's.
 */
export function capTargets(ctx: RequestContext, warningId: string): Sql {
  if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/i.test(warningId)) throw new Error(`capTargets: ${JSON.stringify(warningId)} is not a column`);
  return unscoped(ctx, Organizations, OF_A_READABLE_RECORD)
    .as('o')
    .where(sql`o.id IN (SELECT t.organization_id FROM warning_target t WHERE t.warning_id = ${raw(warningId)})`)
    .subquery(sql`coalesce(json_agg(json_build_object('name', o.name, 'code', o.code) ORDER BY o.code NULLS LAST, o.name), '[]'::json)`);
}

/**
 * The targets (names and division codes) and the earlier records of the chain (following
 * `supersedes_id` back to the first issue, oldest first) of many warning records the caller has
 * read already, in ONE statement.
 *
 * Hand-written: a recursive walk of the chain (`WITH RECURSIVE`) and JSON lists per record, which
 * `records` does not express. The targets are `capTargets`.
 */
export function capFacts(ctx: RequestContext, ids: readonly string[]): Promise<CapFacts[]> {
  return runSql<CapFacts>(
    ctx.manager,
    sql`
  WITH RECURSIVE earlier AS (
    SELECT w.id AS warning_id, p.id, p.supersedes_id FROM warning w JOIN warning p ON p.id = w.supersedes_id WHERE w.id = ANY(CAST(${ids} AS uuid[]))
    UNION ALL
    SELECT e.warning_id, p.id, p.supersedes_id FROM earlier e JOIN warning p ON p.id = e.supersedes_id
  )
  SELECT w.id, ${capTargets(ctx, 'w.id')} AS targets,
    (SELECT coalesce(json_agg(json_build_object('identifier', p.identifier, 'sentAt', p.sent_at) ORDER BY p.sent_at, p.id), '[]'::json)
       FROM earlier e JOIN warning p ON p.id = e.id WHERE e.warning_id = w.id) AS refs
  FROM warning w WHERE w.id = ANY(CAST(${ids} AS uuid[]))`,
  );
}
