import { SortDirection, sql, unscoped, type RequestContext } from '@platform/core';
import { TipOutcome, Tips } from '../tips/public';

/** Outcomes that make a tip no valid report (for a reward): refused, sent back, or found untrue. */
export const INVALID_OUTCOMES: readonly TipOutcome[] = [TipOutcome.REJECTED, TipOutcome.SENT_BACK, TipOutcome.NOT_VERIFIED, TipOutcome.NO_HAZARD_FOUND];

/**
 * The first valid reporter of a tip's duplicate group (安监总财〔2018〕19号: only the first valid
 * reporter is rewarded): the group is the tip merged into and every tip merged into it; its first
 * valid tip is the earliest received (then lowest id) without an invalid outcome. Read unscoped: the
 * reward rule applies whoever asks. Null for a tip that does not exist.
 */
export async function firstValidTipOfGroup(ctx: RequestContext, tipId: string): Promise<string | null> {
  const reason = 'the reward rule looks at the whole duplicate group, whatever the caller may read';
  const [tip] = await unscoped(ctx, Tips, reason).where(sql`t.id = ${tipId}`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'duplicateOfId'] });
  if (!tip) return null;
  const root = tip.duplicateOfId ?? tip.id;
  const [first] = await unscoped(ctx, Tips, reason)
    .where(sql`(t.id = ${root} OR t.duplicate_of_id = ${root}) AND NOT coalesce(t.outcome = ANY(${[...INVALID_OUTCOMES]}::text[]), false)`)
    .list({ keys: [{ column: 't.received_at', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id'] });
  return first?.id ?? null;
}
