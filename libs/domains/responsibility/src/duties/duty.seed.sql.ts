import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo duty lists and reports (`seedDuties`). Hand-written because seeding is
 * not on a caller's behalf and is idempotent: each insert keeps the rows that exist (`ON CONFLICT DO
 * NOTHING`), which the write helpers (one audited record at a time, refusing an existing id) do not express.
 */

/** A demo duty list as stored (signed ones signed by their official, recorded by the system). */
export interface SeedDutyListRow {
  readonly id: string;
  readonly personId: string;
  readonly organizationId: string;
  readonly positionTitle: string;
  readonly year: number;
  readonly revision: number;
  readonly previousId: string | null;
  readonly title: string;
  readonly status: string;
  readonly signedAt: string | null;
  readonly createdAt: string;
}

export interface SeedDutyItemRow {
  readonly id: string;
  readonly listId: string;
  readonly key: string;
  readonly position: number;
  readonly text: string;
  readonly legalBasis: string;
  readonly category: string;
  readonly createdAt: string;
}

export interface SeedDutyActionRow {
  readonly id: string;
  readonly itemId: string;
  readonly actedOn: string;
  readonly description: string;
  readonly linkedNodeId: string | null;
}

export interface SeedDutyReportRow {
  readonly id: string;
  readonly personId: string;
  readonly organizationId: string;
  readonly positionTitle: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly title: string;
  readonly text: string;
  readonly status: string;
  readonly generatedAt: string;
  readonly actionIds: readonly string[];
  readonly keyTaskIds: readonly string[];
  readonly hazardIds: readonly string[];
  readonly dueOn: string;
  readonly deadlineRuleVersionId: string;
  readonly submittedAt: string | null;
}

/** Inserts the lists that do not exist yet (earlier revisions first: the rows come in that order); the number inserted. */
export async function insertSeedDutyLists(ctx: RequestContext, rows: readonly SeedDutyListRow[]): Promise<number> {
  let inserted = 0;
  for (const l of rows) {
    const created = await ctx.manager.query(
      `INSERT INTO duty_list (id, person_id, organization_id, position_title, year, revision, previous_id, title, status, signed_at, signed_by_kind, signed_by_id, signed_by_person_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10::timestamptz IS NULL THEN NULL ELSE 'system' END, NULL, CASE WHEN $10::timestamptz IS NULL THEN NULL ELSE $2::uuid END, $11, coalesce($10::timestamptz, $11::timestamptz))
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [l.id, l.personId, l.organizationId, l.positionTitle, l.year, l.revision, l.previousId, l.title, l.status, l.signedAt, l.createdAt],
    );
    inserted += created.length;
  }
  return inserted;
}

/** Inserts the items that do not exist yet, in one statement. */
export async function insertSeedDutyItems(ctx: RequestContext, rows: readonly SeedDutyItemRow[]): Promise<void> {
  if (!rows.length) return;
  await ctx.manager.query(
    `INSERT INTO duty_item (id, list_id, key, position, text, legal_basis, category, created_at, updated_at)
     SELECT u.id, u.list_id, u.key, u.position, u.text, u.legal_basis, u.category, u.created_at, u.created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::timestamptz[]) AS u(id, list_id, key, position, text, legal_basis, category, created_at)
     ON CONFLICT (id) DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.listId), rows.map((r) => r.key), rows.map((r) => r.position), rows.map((r) => r.text), rows.map((r) => r.legalBasis), rows.map((r) => r.category), rows.map((r) => r.createdAt)],
  );
}

/** Inserts the actions that do not exist yet, in one statement (recorded at 18:00 China time of their day). */
export async function insertSeedDutyActions(ctx: RequestContext, rows: readonly SeedDutyActionRow[]): Promise<void> {
  if (!rows.length) return;
  await ctx.manager.query(
    `INSERT INTO duty_action (id, item_id, acted_on, description, linked_node_id, created_at, updated_at)
     SELECT u.id, u.item_id, u.acted_on, u.description, u.linked_node_id, u.acted_on + time '18:00' AT TIME ZONE 'Asia/Shanghai', u.acted_on + time '18:00' AT TIME ZONE 'Asia/Shanghai'
       FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[], $5::text[]) AS u(id, item_id, acted_on, description, linked_node_id)
     ON CONFLICT (id) DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.itemId), rows.map((r) => r.actedOn), rows.map((r) => r.description), rows.map((r) => r.linkedNodeId)],
  );
}

/** Inserts a report unless it exists (a submitted one submitted by the system for its official). */
export async function insertSeedDutyReport(ctx: RequestContext, r: SeedDutyReportRow): Promise<number> {
  const created = await ctx.manager.query(
    `INSERT INTO duty_report (id, person_id, organization_id, position_title, period_from, period_to, title, text, status, generated_at, action_ids, key_task_ids, hazard_ids, due_on, deadline_rule_version_id,
                              submitted_at, submitted_by_kind, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::uuid[], $12::uuid[], $13::uuid[], $14, $15, $16, CASE WHEN $16::timestamptz IS NULL THEN NULL ELSE 'system' END, $10, coalesce($16::timestamptz, $10::timestamptz))
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [r.id, r.personId, r.organizationId, r.positionTitle, r.periodFrom, r.periodTo, r.title, r.text, r.status, r.generatedAt, r.actionIds, r.keyTaskIds, r.hazardIds, r.dueOn, r.deadlineRuleVersionId, r.submittedAt],
  );
  return created.length;
}
