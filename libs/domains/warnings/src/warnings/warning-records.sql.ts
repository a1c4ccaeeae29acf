import { modifyReturning, type RequestContext } from '@platform/core';
import type { WarningLevel } from '../model/warning.enums';

/*
 * The hand-written writes of issuing, updating and cancelling warnings, on the module's own tables
 * only. Hand-written because each writes many rows in one statement (`records`/`createRecord` write
 * one record), or takes a lock `records` does not offer; the audit entry and event of each change
 * are the new record's (`createRecord` in `WarningService`), in the same transaction.
 */

/**
 * Serializes the records of one issuing unit within the transaction (a transaction-level advisory
 * lock on the unit code), so that two of them never count the same serial of a second.
 */
export async function lockIssuerSerial(tx: RequestContext, unitCode: string): Promise<void> {
  await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('rescue.warning.serial:' || $1))`, [unitCode]);
}

/** One delivery to make: the village or community and who must answer there (null when nobody holds such a position). */
export interface DeliveryTarget {
  readonly organizationId: string;
  readonly responsiblePersonId: string | null;
}

/**
 * A new record's targets and one PENDING delivery each, in the order given, delivered at its sent
 * time; with `escalate`, due after its level's policy minutes (a cancellation notice does not
 * escalate). Two statements whatever the number of targets; answers the deliveries' ids.
 */
export async function insertTargetsAndDeliveries(
  tx: RequestContext,
  warning: { readonly id: string; readonly sentAt: Date; readonly level: WarningLevel },
  targets: readonly DeliveryTarget[],
  escalate: boolean,
): Promise<string[]> {
  const organizationIds = targets.map((t) => t.organizationId);
  await tx.manager.query(`INSERT INTO warning_target (warning_id, organization_id, added_at) SELECT $1, unnest(CAST($2 AS uuid[])), $3`, [warning.id, organizationIds, warning.sentAt]);
  const rows: Array<{ id: string }> = await tx.manager.query(
    `INSERT INTO warning_delivery (warning_id, organization_id, responsible_person_id, status, delivered_at, next_escalation_at)
     SELECT $1, t.id, t.person_id, 'PENDING', CAST($3 AS timestamptz),
            CASE WHEN CAST($4 AS boolean) THEN CAST($3 AS timestamptz) + make_interval(mins => (SELECT p.minutes FROM warning_escalation_policy p WHERE p.level = $5)) END
       FROM unnest(CAST($2 AS uuid[]), CAST($6 AS uuid[])) WITH ORDINALITY AS t(id, person_id, ord)
      ORDER BY t.ord
     RETURNING id`,
    [warning.id, organizationIds, warning.sentAt, escalate, warning.level, targets.map((t) => t.responsiblePersonId)],
  );
  return rows.map((r) => r.id);
}

/**
 * Cancels the PENDING deliveries of a record that was updated or cancelled (they are no longer
 * owed) and stops their escalation, in one statement; answers how many. Covered by the new
 * record's audit entry (`cancelledDeliveries`).
 */
export async function cancelPendingDeliveries(tx: RequestContext, warningId: string): Promise<number> {
  const rows = await modifyReturning<{ id: string }>(
    tx.manager,
    `UPDATE warning_delivery SET status = 'CANCELLED', next_escalation_at = NULL, version = version + 1, updated_at = now() WHERE warning_id = $1 AND status = 'PENDING' RETURNING id`,
    [warningId],
  );
  return rows.length;
}

/**
 * A level's escalation policy: the policy is keyed by its level (no `id` for `updateRecord`); the
 * caller has locked it and checked the version, and audits the change.
 */
export async function updateEscalationPolicyRow(tx: RequestContext, level: WarningLevel, minutes: number, maxSteps: number): Promise<void> {
  await tx.manager.query(`UPDATE warning_escalation_policy SET minutes = $2, max_steps = $3, version = version + 1, updated_at = now() WHERE level = $1`, [level, minutes, maxSteps]);
}
