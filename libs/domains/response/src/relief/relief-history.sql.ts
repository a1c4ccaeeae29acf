import type { RequestContext } from '@platform/core';
import type { ReliefStatus } from './relief.enums';

/**
 * One row of a relief case's approval history (`ReliefCase.steps`), in the step's transaction.
 * Hand-written because the row is part of the change it records, whose audit entry and event the
 * step writes (the workflow's `applyStep`, the application, the payment): a plain insert with no audit
 * entry of its own, which the write helpers do not offer. The time is the database's (when the step
 * was recorded), as for every record's `createdAt`.
 */
export async function insertReliefCaseStep(tx: RequestContext, caseId: string, action: string, from: ReliefStatus | null, to: ReliefStatus, note: string | null): Promise<void> {
  const p = tx.principal;
  await tx.manager.query(
    `INSERT INTO relief_case_step (case_id, action, from_status, to_status, actor_kind, actor_id, actor_person_id, actor_name, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [caseId, action, from, to, p.kind, p.id, p.personId ?? null, p.displayName, note],
  );
}
