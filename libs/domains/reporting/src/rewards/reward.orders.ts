import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { TipRewardStatus } from './reward.enums';

/** `tipRewards(orderBy:)`: latest computed first by default; then by id, so the order (and the cursor) is total. */
export const TipRewardOrder = defineOrder(
  'TipReward',
  '举报奖励',
  {
    COMPUTED_AT: { column: 't.computed_at', description: '核算时间。By when it was computed.' },
    CLAIM_DUE_ON: { column: 't.claim_due_on', description: '领取期限。By claim deadline (unapproved ones have none).' },
    AMOUNT: { column: 't.amount_yuan', description: '奖励金额。By the amount computed.' },
    STATUS: { column: rankOf('t.status', Object.values(TipRewardStatus)), description: '状态。By status, in the order of the workflow.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.computed_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `internalRewardMechanisms(orderBy:)`: latest changed first by default. */
export const InternalRewardMechanismOrder = defineOrder(
  'InternalRewardMechanism',
  '企业内部举报奖励机制',
  {
    SINCE: { column: 't.since', description: '建立日期。By the day it was set up (those not in place have none).' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.updated_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** An enterprise's ledger: latest year first. */
export const LEDGER_KEYS = [
  { column: 't.year', direction: SortDirection.DESC },
  { column: 't.id', direction: SortDirection.DESC },
];
