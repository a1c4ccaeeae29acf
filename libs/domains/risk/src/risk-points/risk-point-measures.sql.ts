import type { RequestContext } from '@platform/core';
import type { ControlMeasureInput } from './risk-point.inputs';

/**
 * Replaces a risk point's control measures with the given ones: one DELETE and one INSERT of all
 * the new rows. Hand-written because it rewrites a set of rows at once, which the write helpers
 * (one audited record at a time) do not express; the measures are part of the point, so the point's
 * create or update (locked, in scope, in the caller's transaction) is the audited change.
 */
export async function replaceControlMeasures(tx: RequestContext, riskPointId: string, measures: readonly ControlMeasureInput[]): Promise<void> {
  await tx.manager.query(`DELETE FROM risk_control_measure WHERE risk_point_id = $1`, [riskPointId]);
  if (!measures.length) return;
  await tx.manager.query(
    `INSERT INTO risk_control_measure (risk_point_id, kind, description, owner_person_id)
     SELECT $1, m.kind, m.description, m.owner_person_id FROM unnest($2::text[], $3::text[], $4::uuid[]) AS m(kind, description, owner_person_id)`,
    [riskPointId, measures.map((m) => m.kind), measures.map((m) => m.description), measures.map((m) => m.ownerPersonId ?? null)],
  );
}
