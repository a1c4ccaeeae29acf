import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo problem list (`seedProblems`). Hand-written because seeding is not on a
 * caller's behalf and is idempotent: each insert keeps the rows that exist (`ON CONFLICT DO NOTHING`),
 * which the write helpers (one audited record at a time, refusing an existing id) do not express.
 */

/** A demo problem as stored. */
export interface SeedProblemRow {
  readonly id: string;
  readonly organizationId: string;
  readonly category: string;
  readonly title: string;
  readonly description: string | null;
  readonly foundOn: string;
  readonly sourceKind: string;
  readonly sourceNodeId: string | null;
  readonly sourceReference: string | null;
  readonly ownerOrganizationId: string;
  readonly ownerPersonId: string | null;
  readonly dueOn: string;
  readonly status: string;
  readonly closedOn: string | null;
  readonly closedById: string | null;
  readonly closedByKind: string | null;
  readonly closedByName: string | null;
  readonly effectivenessCriteria: string | null;
  readonly checkDueOn: string | null;
  readonly effectivenessRuleVersionId: string | null;
  readonly effectivenessResult: string | null;
  readonly checkedOn: string | null;
  readonly checkedById: string | null;
  readonly checkedByKind: string | null;
  readonly checkedByName: string | null;
  readonly checkNote: string | null;
  readonly repeatRuleVersionId: string;
}

/** A demo timeline entry as stored. */
export interface SeedProblemUpdateRow {
  readonly id: string;
  readonly problemId: string;
  readonly recordedOn: string;
  readonly status: string;
  readonly effectivenessResult: string | null;
  readonly note: string;
  readonly actorName: string;
}

/** A demo review as stored, with the problems it raised. */
export interface SeedReviewRow {
  readonly id: string;
  readonly organizationId: string;
  readonly title: string;
  readonly heldOn: string;
  readonly subjectNodeId: string | null;
  readonly findings: string;
  readonly lessons: string;
  readonly problemIds: readonly string[];
}

const COLUMNS = [
  'id', 'organization_id', 'category', 'title', 'description', 'found_on', 'source_kind', 'source_node_id', 'source_reference', 'owner_organization_id', 'owner_person_id', 'due_on', 'status',
  'closed_on', 'closed_by_id', 'closed_by_kind', 'closed_by_name', 'effectiveness_criteria', 'check_due_on', 'effectiveness_rule_version_id', 'effectiveness_result', 'checked_on', 'checked_by_id', 'checked_by_kind', 'checked_by_name', 'check_note', 'repeat_rule_version_id',
] as const;
const TYPES = ['uuid', 'uuid', 'text', 'text', 'text', 'date', 'text', 'text', 'text', 'uuid', 'uuid', 'date', 'text', 'date', 'uuid', 'text', 'text', 'text', 'date', 'uuid', 'text', 'date', 'uuid', 'text', 'text', 'text', 'uuid'] as const;
const PROPERTIES: ReadonlyArray<keyof SeedProblemRow> = [
  'id', 'organizationId', 'category', 'title', 'description', 'foundOn', 'sourceKind', 'sourceNodeId', 'sourceReference', 'ownerOrganizationId', 'ownerPersonId', 'dueOn', 'status',
  'closedOn', 'closedById', 'closedByKind', 'closedByName', 'effectivenessCriteria', 'checkDueOn', 'effectivenessRuleVersionId', 'effectivenessResult', 'checkedOn', 'checkedById', 'checkedByKind', 'checkedByName', 'checkNote', 'repeatRuleVersionId',
];

/** Inserts the problems that do not exist yet, in one statement (so they share one creation time); the number inserted. */
export async function insertSeedProblems(ctx: RequestContext, rows: readonly SeedProblemRow[]): Promise<number> {
  if (!rows.length) return 0;
  const arrays = TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  const created = await ctx.manager.query(
    `INSERT INTO problem (${COLUMNS.join(', ')}) SELECT * FROM unnest(${arrays}) ON CONFLICT (id) DO NOTHING RETURNING id`,
    PROPERTIES.map((p) => rows.map((r) => r[p])),
  );
  return created.length;
}

/** Inserts the timeline entries that do not exist yet, in one statement (written at 18:00 China time of their day). */
export async function insertSeedProblemUpdates(ctx: RequestContext, rows: readonly SeedProblemUpdateRow[]): Promise<void> {
  if (!rows.length) return;
  await ctx.manager.query(
    `INSERT INTO problem_update (id, problem_id, recorded_on, status, effectiveness_result, note, actor_name, created_at, updated_at)
     SELECT u.id, u.problem_id, u.recorded_on, u.status, u.result, u.note, u.actor, u.recorded_on + time '18:00' AT TIME ZONE 'Asia/Shanghai', u.recorded_on + time '18:00' AT TIME ZONE 'Asia/Shanghai'
       FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, problem_id, recorded_on, status, result, note, actor)
     ON CONFLICT (id) DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.problemId), rows.map((r) => r.recordedOn), rows.map((r) => r.status), rows.map((r) => r.effectivenessResult), rows.map((r) => r.note), rows.map((r) => r.actorName)],
  );
}

/** Inserts a review that does not exist yet and its links to problems. */
export async function insertSeedReview(ctx: RequestContext, r: SeedReviewRow): Promise<void> {
  await ctx.manager.query(
    `INSERT INTO problem_review (id, organization_id, title, held_on, subject_node_id, findings, lessons) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
    [r.id, r.organizationId, r.title, r.heldOn, r.subjectNodeId, r.findings, r.lessons],
  );
  await ctx.manager.query(`INSERT INTO problem_review_problem (review_id, problem_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [r.id, r.problemIds]);
}
