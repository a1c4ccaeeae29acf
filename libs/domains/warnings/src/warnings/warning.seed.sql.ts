import type { RequestContext } from '@platform/core';

/*
 * The demo seed's inserts into the module's own tables. Hand-written: seeds give the rows their
 * stable ids and times (not the caller's clock) and skip rows that exist (`ON CONFLICT DO NOTHING`),
 * without audit entries or events (nothing happened: the demo data is set up).
 */

export interface SeedWarning {
  readonly id: string;
  readonly identifier: string;
  readonly chainId: string;
  readonly supersedesId: string | null;
  readonly messageType: string;
  readonly status: string;
  readonly issuerOrganizationId: string;
  readonly senderName: string;
  readonly source: string;
  readonly hazardType: string;
  readonly eventName: string;
  readonly level: string;
  readonly headline: string;
  readonly description: string;
  readonly instruction: string;
  readonly sentAt: Date;
  readonly effectiveAt: Date;
  readonly expiresAt: Date;
  readonly note: string | null;
}

/** Inserts a demo record unless its id exists; answers whether it did. */
export async function insertSeedWarning(ctx: RequestContext, w: SeedWarning): Promise<boolean> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO warning (id, identifier, chain_id, supersedes_id, message_type, status, issuer_organization_id, sender_name, source, hazard_type, event_name, level,
       headline, description, instruction, sent_at, effective_at, expires_at, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) ON CONFLICT DO NOTHING RETURNING id`,
    [
      w.id, w.identifier, w.chainId, w.supersedesId, w.messageType, w.status, w.issuerOrganizationId, w.senderName, w.source, w.hazardType, w.eventName, w.level,
      w.headline, w.description, w.instruction, w.sentAt, w.effectiveAt, w.expiresAt, w.note,
    ],
  );
  return inserted.length > 0;
}

export interface SeedDelivery {
  readonly id: string;
  readonly warningId: string;
  readonly organizationId: string;
  readonly responsiblePersonId: string | null;
  readonly status: string;
  readonly deliveredAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgedByUserId: string | null;
  readonly acknowledgedByPersonId: string | null;
  readonly ackChannel: string | null;
  readonly ackNote: string | null;
  readonly nextEscalationAt: Date | null;
}

/** A demo record's target and its delivery (each skipped when it exists). */
export async function insertSeedDelivery(ctx: RequestContext, d: SeedDelivery): Promise<void> {
  await ctx.manager.query(`INSERT INTO warning_target (warning_id, organization_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [d.warningId, d.organizationId, d.deliveredAt]);
  await ctx.manager.query(
    `INSERT INTO warning_delivery (id, warning_id, organization_id, responsible_person_id, status, delivered_at, acknowledged_at, acknowledged_by_user_id, acknowledged_by_person_id, ack_channel, ack_note, next_escalation_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
    [d.id, d.warningId, d.organizationId, d.responsiblePersonId, d.status, d.deliveredAt, d.acknowledgedAt, d.acknowledgedByUserId, d.acknowledgedByPersonId, d.ackChannel, d.ackNote, d.nextEscalationAt],
  );
}
