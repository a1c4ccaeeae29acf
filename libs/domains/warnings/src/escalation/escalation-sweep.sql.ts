import { modifyReturning, type RequestContext } from '@platform/core';
import type { WarningLevel } from '../model/warning.enums';

/*
 * The escalation sweep's hand-written statements, on the module's own tables only. Hand-written
 * because the sweep is not on a caller's behalf (no scope applies) and works in bulk or with locks
 * `records` does not offer: records expire in one `UPDATE … RETURNING`, due deliveries are taken
 * with `FOR UPDATE … SKIP LOCKED` so that replicas sweeping at once take different rows. The audit
 * entries and events are written by the sweep (`escalation.service.ts`), in the same transaction.
 */

/** A delivery whose escalation deadline passed, with its record's level and its level's policy. */
export interface DueDelivery {
  readonly id: string;
  readonly warningId: string;
  readonly organizationId: string;
  readonly responsiblePersonId: string | null;
  readonly escalationStep: number;
  readonly level: WarningLevel;
  /** Whether its record is still in force (ACTIVE, not past its expiry). */
  readonly live: boolean;
  readonly minutes: number | null;
  readonly maxSteps: number | null;
}

/**
 * Records in force past their expiry at `now` become EXPIRED (the warning workflow's `expire` step,
 * in bulk), their deliveries' escalation stops; answers the records this statement expired.
 */
export async function expireWarnings(tx: RequestContext, now: Date): Promise<Array<{ id: string; chainId: string; level: WarningLevel }>> {
  const expired = await modifyReturning<{ id: string; chainId: string; level: WarningLevel }>(
    tx.manager,
    `UPDATE warning SET status = 'EXPIRED', version = version + 1, updated_at = now() WHERE status = 'ACTIVE' AND expires_at <= $1
     RETURNING id, chain_id AS "chainId", level`,
    [now],
  );
  if (expired.length) {
    await tx.manager.query(`UPDATE warning_delivery SET next_escalation_at = NULL, version = version + 1, updated_at = now() WHERE warning_id = ANY($1::uuid[]) AND next_escalation_at IS NOT NULL`, [
      expired.map((w) => w.id),
    ]);
  }
  return expired;
}

/** Up to `limit` PENDING deliveries due at `now`, oldest deadline first, locked (skipping those another sweep holds). */
export function lockDueDeliveries(tx: RequestContext, now: Date, limit: number): Promise<DueDelivery[]> {
  return tx.manager.query(
    `SELECT d.id, d.warning_id AS "warningId", d.organization_id AS "organizationId", d.responsible_person_id AS "responsiblePersonId",
            d.escalation_step AS "escalationStep", w.level, (w.status = 'ACTIVE' AND w.expires_at > $1) AS live, p.minutes, p.max_steps AS "maxSteps"
       FROM warning_delivery d
       JOIN warning w ON w.id = d.warning_id
       LEFT JOIN warning_escalation_policy p ON p.level = w.level
      WHERE d.status = 'PENDING' AND d.next_escalation_at <= $1
      ORDER BY d.next_escalation_at, d.id
      LIMIT $2
      FOR UPDATE OF d SKIP LOCKED`,
    [now, limit],
  );
}

/** A due delivery that escalates no further (its record is no longer in force, or it is at its level's last step): its deadline is cleared. */
export async function clearEscalation(tx: RequestContext, deliveryId: string): Promise<void> {
  await tx.manager.query(`UPDATE warning_delivery SET next_escalation_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [deliveryId]);
}

/** A delivery one step up the chain: its new responsible person (kept when the chain found nobody), step and next deadline. */
export async function moveDeliveryUp(tx: RequestContext, deliveryId: string, personId: string | null, step: number, next: Date | null): Promise<void> {
  await tx.manager.query(
    `UPDATE warning_delivery SET responsible_person_id = coalesce($2, responsible_person_id), escalation_step = $3, next_escalation_at = $4, version = version + 1, updated_at = now() WHERE id = $1`,
    [deliveryId, personId, step, next],
  );
}
