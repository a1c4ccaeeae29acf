import type DataLoader from 'dataloader';
import { SortDirection, defineChildPages, defineReference, records, sql, type RequestContext } from '@platform/core';
import type { TipReward } from './tip-reward.entity';
import { InternalRewardLedgerYears, InternalRewardMechanisms, TipRewards } from './rewards.entities';
import { LEDGER_KEYS } from './reward.orders';
import type { InternalRewardMechanism } from './internal-reward-mechanism.entity';

/** Rewards by id, within the caller's read scope (others load as null). */
export const TipRewardReference = defineReference(TipRewards, 'reporting.reward.byId');

/** An enterprise's ledger years, latest first. */
export const InternalRewardLedgerPages = defineChildPages(InternalRewardLedgerYears, { name: 'reporting.internal-reward.ledger', parentColumn: 'enterprise_id', keys: LEDGER_KEYS });

const BY_ID = [{ column: 't.id', direction: SortDirection.ASC }];

/** The reward of each tip (by tip id; null when none or out of the caller's scope for rewards): one statement per request level. */
export const rewardOfTip = (ctx: RequestContext): DataLoader<string, TipReward | null> =>
  ctx.loaders.get('reporting.reward.byTip', undefined, async (tipIds: readonly string[]) => {
    const rows = await records(ctx, TipRewards).where(sql`t.tip_id = ANY(${[...tipIds]})`).list({ keys: BY_ID, limit: tipIds.length });
    const byTip = new Map(rows.map((r) => [r.tipId, r]));
    return tipIds.map((id) => byTip.get(id) ?? null);
  });

/** The mechanism of each enterprise (null when none recorded or out of scope): one statement per request level. */
export const mechanismOfEnterprise = (ctx: RequestContext): DataLoader<string, InternalRewardMechanism | null> =>
  ctx.loaders.get('reporting.internal-reward.byEnterprise', undefined, async (ids: readonly string[]) => {
    const rows = await records(ctx, InternalRewardMechanisms).where(sql`t.enterprise_id = ANY(${[...ids]})`).list({ keys: BY_ID, limit: ids.length });
    const byEnterprise = new Map(rows.map((r) => [r.enterpriseId, r]));
    return ids.map((id) => byEnterprise.get(id) ?? null);
  });
