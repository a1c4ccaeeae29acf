import type { Patch, RequestContext } from '@platform/core';
import { ConsultationActionItem } from './consultation.entity';

/*
 * The rows a consultation keeps with it: the departments that took part (link rows) and the action
 * items agreed at the meeting, written in one statement each. Hand-written because they write a set
 * of rows at once (and leave the links already there, ON CONFLICT DO NOTHING), which the write
 * helpers (one audited record at a time) do not express. The caller has checked every id through
 * `records(…).referenceAll`/`reference` and locked the consultation; the consultation's own audit
 * entry and event record the change.
 */

/** Links the departments; ones already linked keep their `added_at`. */
export async function insertConsultationDepartments(tx: RequestContext, consultationId: string, organizationIds: readonly string[]): Promise<void> {
  if (!organizationIds.length) return;
  await tx.manager.query(`INSERT INTO consultation_department (consultation_id, organization_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [consultationId, organizationIds]);
}

/** Unlinks the departments not among `keep` (the departments given replace the old ones). */
export async function deleteConsultationDepartmentsExcept(tx: RequestContext, consultationId: string, keep: readonly string[]): Promise<void> {
  await tx.manager.query(`DELETE FROM consultation_department WHERE consultation_id = $1 AND NOT (organization_id = ANY($2::uuid[]))`, [consultationId, keep]);
}

/** Inserts the action items agreed when the meeting is recorded (audited with the meeting's `rescue.consultation.record`). */
export async function insertConsultationActionItems(tx: RequestContext, items: ReadonlyArray<Patch<ConsultationActionItem>>): Promise<void> {
  if (!items.length) return;
  await tx.manager.createQueryBuilder().insert().into(ConsultationActionItem).values(items.map((item) => ({ ...item }))).execute();
}
