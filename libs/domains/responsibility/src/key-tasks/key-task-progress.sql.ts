import { runSql, sql, type RequestContext } from '@platform/core';
import type { KeyTaskStatus } from './key-task.enums';

/** A leaf of a task's subtree with its share of the task's progress. */
export interface ProgressLeaf {
  readonly rootId: string;
  readonly id: string;
  readonly status: KeyTaskStatus;
  readonly reportedProgress: number;
  readonly indicatorCode: string | null;
  readonly indicatorTarget: number | null;
  readonly ownerOrganizationId: string;
  readonly year: number;
  /** The product, down the path from the root, of each task's weight over its non-cancelled siblings' total. */
  readonly share: number;
}

/** How deep a task tree may go (a section, a work point, a task and two levels of subtasks). */
export const MAX_TASK_DEPTH = 5;

/**
 * The leaves under each of `rootIds` with their shares, in ONE statement: walking down from each root,
 * a child's share is its parent's times its weight over the total weight of its non-cancelled
 * siblings; cancelled tasks are left out; a task whose children are all cancelled is a leaf. The
 * rolled-up progress of a root is then Σ share × leaf progress, which equals the recursive weighted
 * mean (Decidim's rule) at every level.
 *
 * Hand-written because it is recursive. It reads the whole subtree whatever the caller's scope: the
 * roots are tasks the caller has read (through `records`), and their progress is a property of each
 * root, not a list of its subtasks.
 */
export function progressLeaves(ctx: RequestContext, rootIds: readonly string[]): Promise<ProgressLeaf[]> {
  return runSql<ProgressLeaf>(
    ctx.manager,
    sql`WITH RECURSIVE tree AS (
          SELECT t.id AS root_id, t.id, t.status, t.reported_progress, t.indicator_code, t.indicator_target, t.owner_organization_id, t.year, CAST(1 AS float8) AS share, 1 AS depth
            FROM key_task t WHERE t.id = ANY(CAST(${[...rootIds]} AS uuid[]))
          UNION ALL
          SELECT tree.root_id, c.id, c.status, c.reported_progress, c.indicator_code, c.indicator_target, c.owner_organization_id, c.year,
                 tree.share * c.weight / (SELECT sum(s.weight) FROM key_task s WHERE s.parent_id = c.parent_id AND s.status <> 'CANCELLED'), tree.depth + 1
            FROM key_task c JOIN tree ON c.parent_id = tree.id
           WHERE c.status <> 'CANCELLED' AND tree.depth < ${MAX_TASK_DEPTH}
        )
        SELECT tree.root_id AS "rootId", tree.id, tree.status, tree.reported_progress AS "reportedProgress", tree.indicator_code AS "indicatorCode",
               tree.indicator_target AS "indicatorTarget", tree.owner_organization_id AS "ownerOrganizationId", tree.year, tree.share
          FROM tree
         WHERE NOT EXISTS (SELECT 1 FROM key_task c WHERE c.parent_id = tree.id AND c.status <> 'CANCELLED')`,
  );
}
