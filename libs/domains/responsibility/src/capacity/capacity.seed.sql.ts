import type { RequestContext } from '@platform/core';

/** A demo commitment as stored. */
export interface SeedCommitmentRow {
  readonly id: string;
  readonly organizationId: string;
  readonly arrivalMinutes: number;
  readonly assemblyPoint: string;
  readonly note: string | null;
}

/**
 * Inserts the demo commitments that do not exist yet, in one statement; the number inserted.
 * Hand-written because seeding is idempotent (`ON CONFLICT DO NOTHING`), which the write helpers are not.
 */
export async function insertSeedCommitments(ctx: RequestContext, rows: readonly SeedCommitmentRow[]): Promise<number> {
  const inserted = await ctx.manager.query(
    `INSERT INTO village_emergency_commitment (id, organization_id, arrival_minutes, assembly_point, note)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[])
     ON CONFLICT DO NOTHING RETURNING id`,
    [rows.map((r) => r.id), rows.map((r) => r.organizationId), rows.map((r) => r.arrivalMinutes), rows.map((r) => r.assemblyPoint), rows.map((r) => r.note)],
  );
  return inserted.length;
}
