import { records, sql, type RequestContext, runSql } from '@platform/core';
import type { Warning } from '../model/warning.entity';
import { WarningStatus } from '../model/warning.enums';
import { Warnings } from '../warnings.entities';
import { capTargets } from './cap-facts.sql';
import type { CapTarget } from './cap.render';

/** The columns of a current record an entry of the feed shows. */
export type CapFeedRecord = Pick<
  Warning,
  'id' | 'identifier' | 'messageType' | 'senderName' | 'hazardType' | 'eventName' | 'level' | 'description' | 'sentAt' | 'effectiveAt' | 'expiresAt'
> & {
  /** Names and division codes, by code (as the CAP document's `area`). */
  readonly targets: readonly CapTarget[];
};

/** What the feed of one caller shows at one moment. */
export interface CapFeedFacts {
  /** Newest sent first, at most the limit asked for. */
  readonly entries: readonly CapFeedRecord[];
  /**
   * The latest moment the feed changed for this caller: a record in their scope was sent (issued), or
   * replaced (the `sent_at` of the update or cancellation of its chain), or passed its `expires_at`
   * (whether the sweep has marked it EXPIRED yet or not). All from the gateway's clock, like `now`.
   * Null when their scope holds no record.
   */
  readonly changedAt: Date | null;
}

interface Row extends Partial<CapFeedRecord> {
  readonly changedAt: Date | null;
}

/**
 * The records of the CAP feed within the caller's `rescue.warning:read` scope (the kernel's
 * `Warnings` declaration), in ONE statement: the current ones (ACTIVE and not past `expiresAt` at
 * `now`, including those issued ahead of their `effectiveAt`), newest sent first, at most `limit`,
 * each with its targets (`capTargets`, computed for those rows only); and beside them the moment the
 * feed last changed (`CapFeedFacts.changedAt`), over all records in scope and their chains, for
 * Last-Modified. Records are never changed but for their status, which only an update or a
 * cancellation (a new record of the chain) or the expiry changes.
 *
 * Hand-written around the kernel's fragments: `records(…).subquery()` carries the scope, and
 * neither a page nor an aggregate gives a bounded list with a JSON column per row and a scalar
 * beside it (which must come back even when the list is empty).
 */
export async function capFeedFacts(ctx: RequestContext, now: Date, limit: number): Promise<CapFeedFacts> {
  const current = records(ctx, Warnings)
    .as('w')
    .where(sql`w.status = ${WarningStatus.ACTIVE} AND w.expires_at > ${now}`)
    .subquery(
      sql`w.id, w.identifier, w.message_type AS "messageType", w.sender_name AS "senderName", w.hazard_type AS "hazardType", w.event_name AS "eventName", w.level,
          w.description, w.sent_at AS "sentAt", w.effective_at AS "effectiveAt", w.expires_at AS "expiresAt"`,
    );
  // The latest record of each chain (warning_chain_idx) replaced or repeated the record in scope: only its time is read.
  const changedAt = records(ctx, Warnings)
    .as('m')
    .subquery(sql`max(greatest((SELECT max(c.sent_at) FROM warning c WHERE c.chain_id = m.chain_id), CASE WHEN m.expires_at <= ${now} THEN m.expires_at END))`);
  const rows = await runSql<Row>(
    ctx.manager,
    sql`
  SELECT f."changedAt", e.*, CASE WHEN e.id IS NULL THEN NULL ELSE ${capTargets(ctx, 'e.id')} END AS targets
  FROM (SELECT ${changedAt} AS "changedAt") f
  LEFT JOIN (SELECT * FROM ${current} c ORDER BY c."sentAt" DESC, c.id DESC LIMIT ${limit}) e ON TRUE
  ORDER BY e."sentAt" DESC, e.id DESC`,
  );
  return {
    changedAt: rows[0]?.changedAt ?? null,
    entries: rows.filter((r) => r.id).map(({ changedAt: _changedAt, ...entry }) => entry as CapFeedRecord),
  };
}
