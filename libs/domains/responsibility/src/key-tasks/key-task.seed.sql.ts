import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo key tasks (`seedKeyTasks`). Hand-written because seeding is not on a
 * caller's behalf and is idempotent: each insert keeps the row that exists (`ON CONFLICT DO NOTHING`),
 * which the write helpers (one audited record at a time, refusing an existing id) do not express.
 */

/** A demo task as stored. */
export interface SeedKeyTaskRow {
  readonly id: string;
  readonly year: number;
  readonly parentId: string | null;
  readonly depth: number;
  readonly code: string;
  readonly position: number;
  readonly title: string;
  readonly description: string | null;
  readonly ownerOrganizationId: string;
  readonly ownerPersonId: string | null;
  readonly weight: number;
  readonly startsOn: string;
  readonly dueOn: string;
  readonly status: string;
  readonly reportedProgress: number;
  readonly completedOn: string | null;
  readonly indicatorCode: string | null;
  readonly indicatorTarget: number | null;
  readonly scheduleRuleVersionId: string;
  readonly note: string | null;
}

/** A demo timeline entry as stored. */
export interface SeedKeyTaskUpdateRow {
  readonly id: string;
  readonly taskId: string;
  readonly recordedOn: string;
  readonly progress: number | null;
  readonly status: string;
  readonly note: string;
}

/** Inserts the tasks that do not exist yet (parents before children: the rows come in that order); the number inserted. */
export async function insertSeedKeyTasks(ctx: RequestContext, rows: readonly SeedKeyTaskRow[]): Promise<number> {
  let inserted = 0;
  for (const t of rows) {
    const created = await ctx.manager.query(
      `INSERT INTO key_task (id, year, parent_id, depth, code, position, title, description, owner_organization_id, owner_person_id, weight, starts_on, due_on, status, reported_progress, completed_on, indicator_code, indicator_target, schedule_rule_version_id, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [t.id, t.year, t.parentId, t.depth, t.code, t.position, t.title, t.description, t.ownerOrganizationId, t.ownerPersonId, t.weight, t.startsOn, t.dueOn, t.status, t.reportedProgress, t.completedOn, t.indicatorCode, t.indicatorTarget, t.scheduleRuleVersionId, t.note],
    );
    inserted += created.length;
  }
  return inserted;
}

/** Inserts the timeline entries that do not exist yet, in one statement. */
export async function insertSeedKeyTaskUpdates(ctx: RequestContext, rows: readonly SeedKeyTaskUpdateRow[]): Promise<void> {
  if (!rows.length) return;
  await ctx.manager.query(
    `INSERT INTO key_task_update (id, task_id, recorded_on, progress, status, note, created_at, updated_at)
     SELECT u.id, u.task_id, u.recorded_on, u.progress, u.status, u.note, u.recorded_on + time '18:00' AT TIME ZONE 'Asia/Shanghai', u.recorded_on + time '18:00' AT TIME ZONE 'Asia/Shanghai'
       FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::int[], $5::text[], $6::text[]) AS u(id, task_id, recorded_on, progress, status, note)
     ON CONFLICT (id) DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.taskId), rows.map((r) => r.recordedOn), rows.map((r) => r.progress), rows.map((r) => r.status), rows.map((r) => r.note)],
  );
}
