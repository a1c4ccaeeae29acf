import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo supervision actions (`seedSupervision`). Hand-written because seeding is
 * not on a caller's behalf and is idempotent: each insert keeps the rows that exist (`ON CONFLICT
 * (id) DO NOTHING`), which the write helpers (one audited record at a time) do not express.
 */

/** A demo action as stored. */
export interface SeedSupervisionActionRow {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly matter: string;
  readonly issuedOn: string;
  readonly issuingBody: string;
  readonly addresseeOrganizationId: string;
  readonly responsiblePersonId: string | null;
  readonly ruleVersionId: string;
  readonly responseDueOn: string;
  readonly publicationDueOn: string | null;
  readonly rectificationDueOn: string | null;
  readonly dueOn: string;
  readonly status: string;
  readonly failureCount: number;
  readonly acknowledgedOn: string | null;
  readonly planSubmittedOn: string | null;
  readonly acceptanceRequestedOn: string | null;
  readonly acceptanceDueOn: string | null;
  readonly verifiedOn: string | null;
  readonly closedOn: string | null;
  readonly escalatedOn: string | null;
  readonly extensionRequestedOn: string | null;
  readonly extensionReason: string | null;
  readonly extensionDecisionDueOn: string | null;
  readonly extensionDecidedOn: string | null;
  readonly extensionApproved: boolean | null;
  readonly extendedDueOn: string | null;
  readonly note: string | null;
}

/** A demo timeline entry as stored; `minute` orders the entries of one day. */
export interface SeedSupervisionStepRow {
  readonly id: string;
  readonly supervisionActionId: string;
  readonly action: string;
  readonly recordedOn: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly note: string | null;
  readonly minute: number;
}

/** A demo hazard link as stored. */
export interface SeedSupervisionHazardRow {
  readonly id: string;
  readonly supervisionActionId: string;
  readonly hazardId: string;
}

const ACTION_COLUMNS = [
  'id', 'kind', 'title', 'matter', 'issued_on', 'issuing_body', 'addressee_organization_id', 'responsible_person_id', 'rule_version_id', 'response_due_on', 'publication_due_on',
  'rectification_due_on', 'due_on', 'status', 'failure_count', 'acknowledged_on', 'plan_submitted_on', 'acceptance_requested_on', 'acceptance_due_on', 'verified_on', 'closed_on',
  'escalated_on', 'extension_requested_on', 'extension_reason', 'extension_decision_due_on', 'extension_decided_on', 'extension_approved', 'extended_due_on', 'note',
] as const;

/** Inserts the actions that do not exist yet, in one statement; the number inserted. */
export async function insertSeedSupervisionActions(ctx: RequestContext, rows: readonly SeedSupervisionActionRow[]): Promise<number> {
  if (!rows.length) return 0;
  const values = rows.map((r) => [
    r.id, r.kind, r.title, r.matter, r.issuedOn, r.issuingBody, r.addresseeOrganizationId, r.responsiblePersonId, r.ruleVersionId, r.responseDueOn, r.publicationDueOn,
    r.rectificationDueOn, r.dueOn, r.status, r.failureCount, r.acknowledgedOn, r.planSubmittedOn, r.acceptanceRequestedOn, r.acceptanceDueOn, r.verifiedOn, r.closedOn,
    r.escalatedOn, r.extensionRequestedOn, r.extensionReason, r.extensionDecisionDueOn, r.extensionDecidedOn, r.extensionApproved, r.extendedDueOn, r.note,
  ]);
  const params: unknown[] = [];
  const tuples = values.map((v) => `(${v.map((x) => (params.push(x), `$${params.length}`)).join(', ')})`);
  const inserted = await ctx.manager.query(`INSERT INTO supervision_action (${ACTION_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`, params);
  return inserted.length;
}

/** Inserts the timeline entries that do not exist yet, in one statement, written at 18:00 China time of their day (plus `minute`). */
export async function insertSeedSupervisionSteps(ctx: RequestContext, rows: readonly SeedSupervisionStepRow[]): Promise<void> {
  if (!rows.length) return;
  await ctx.manager.query(
    `INSERT INTO supervision_action_step (id, supervision_action_id, action, recorded_on, from_status, to_status, note, created_at, updated_at)
     SELECT s.id, s.supervision_action_id, s.action, s.recorded_on, s.from_status, s.to_status, s.note,
            (s.recorded_on + time '18:00' + make_interval(mins => s.minute)) AT TIME ZONE 'Asia/Shanghai', (s.recorded_on + time '18:00' + make_interval(mins => s.minute)) AT TIME ZONE 'Asia/Shanghai'
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::int[]) AS s(id, supervision_action_id, action, recorded_on, from_status, to_status, note, minute)
     ON CONFLICT (id) DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.supervisionActionId), rows.map((r) => r.action), rows.map((r) => r.recordedOn), rows.map((r) => r.fromStatus), rows.map((r) => r.toStatus), rows.map((r) => r.note), rows.map((r) => r.minute)],
  );
}

/** Inserts the hazard links that do not exist yet. */
export async function insertSeedSupervisionHazards(ctx: RequestContext, rows: readonly SeedSupervisionHazardRow[]): Promise<void> {
  if (!rows.length) return;
  await ctx.manager.query(
    `INSERT INTO supervision_action_hazard (id, supervision_action_id, hazard_id) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) ON CONFLICT DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.supervisionActionId), rows.map((r) => r.hazardId)],
  );
}
