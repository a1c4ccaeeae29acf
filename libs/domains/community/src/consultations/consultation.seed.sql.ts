import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo consultations (`seedConsultations`). Hand-written because seeding is not
 * on a caller's behalf and is idempotent: each insert keeps the row that exists (`ON CONFLICT DO
 * NOTHING`) and says whether it inserted, which the write helpers (one audited record at a time,
 * refusing an existing id) do not express. The seed's own audit entry records the number inserted.
 */

/** A demo meeting as stored. */
export interface SeedConsultationRow {
  readonly id: string;
  readonly organizationId: string;
  readonly kind: string;
  readonly heldOn: string;
  readonly title: string;
  readonly topics: readonly string[];
  readonly conclusions: string;
  readonly otherParticipants: string | null;
}

/** A demo action item as stored. */
export interface SeedActionItemRow {
  readonly id: string;
  readonly description: string;
  readonly ownerOrganizationId: string | null;
  readonly ownerPersonId: string | null;
  readonly dueOn: string;
  readonly status: 'OPEN' | 'DONE' | 'CANCELLED';
  readonly doneOn: string | null;
  readonly note: string | null;
}

/** Inserts the meeting unless it exists; true when it was inserted (its departments and items are then inserted with it). */
export async function insertSeedConsultation(ctx: RequestContext, c: SeedConsultationRow): Promise<boolean> {
  const created = await ctx.manager.query(
    `INSERT INTO consultation (id, organization_id, kind, held_on, title, topics, conclusions, other_participants)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [c.id, c.organizationId, c.kind, c.heldOn, c.title, c.topics, c.conclusions, c.otherParticipants],
  );
  return created.length > 0;
}

/** Links the departments that took part in the meeting. */
export async function insertSeedDepartments(ctx: RequestContext, consultationId: string, organizationIds: readonly string[]): Promise<void> {
  if (!organizationIds.length) return;
  await ctx.manager.query(`INSERT INTO consultation_department (consultation_id, organization_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [consultationId, organizationIds]);
}

/** Inserts an action item of the meeting unless it exists. */
export async function insertSeedActionItem(ctx: RequestContext, consultationId: string, i: SeedActionItemRow): Promise<void> {
  await ctx.manager.query(
    `INSERT INTO consultation_action_item (id, consultation_id, description, owner_organization_id, owner_person_id, due_on, status, done_on, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
    [i.id, consultationId, i.description, i.ownerOrganizationId, i.ownerPersonId, i.dueOn, i.status, i.doneOn, i.note],
  );
}
