import { modifyReturning, positional, sql, type RequestContext } from '@platform/core';

/** A task moved to IN_PROGRESS because a task below it did. */
export interface StartedAncestor {
  readonly id: string;
  readonly year: number;
  readonly ownerOrganizationId: string;
}

/**
 * Moves the PLANNED tasks above `taskId` to IN_PROGRESS, in one statement, with their versions: work
 * under a task has begun once any of its subtasks reports progress. Hand-written because it walks
 * the ancestors recursively and updates them together (the caller audits each one).
 */
export function startAncestors(tx: RequestContext, taskId: string): Promise<StartedAncestor[]> {
  const { text, values } = positional(
    sql`WITH RECURSIVE up AS (
          SELECT k.parent_id AS id FROM key_task k WHERE k.id = ${taskId} AND k.parent_id IS NOT NULL
          UNION ALL
          SELECT k.parent_id FROM key_task k JOIN up ON k.id = up.id WHERE k.parent_id IS NOT NULL
        )
        UPDATE key_task t SET status = 'IN_PROGRESS', version = t.version + 1, updated_at = now()
          FROM up WHERE t.id = up.id AND t.status = 'PLANNED'
        RETURNING t.id, t.year, t.owner_organization_id AS "ownerOrganizationId"`,
  );
  return modifyReturning<StartedAncestor>(tx.manager, text, values);
}
