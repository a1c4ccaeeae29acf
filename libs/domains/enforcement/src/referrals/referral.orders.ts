import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { ReferralStatus } from '../referral-flags/public';

/** `criminalReferrals(orderBy:)`: latest flagged first by default; then by id, so the order (and the cursor) is total. */
export const ReferralOrder = defineOrder(
  'CriminalReferral',
  '刑事移送',
  {
    FLAGGED_AT: { column: 't.flagged_at', description: '标记时间。By when it was flagged.' },
    CODE: { column: 't.code', description: '移送编号。By referral code.', unique: true },
    STATUS: { column: rankOf('t.status', Object.values(ReferralStatus)), description: '状态。By status, in the order of the workflow, DISMISSED last.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.flagged_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** A source's referrals (a case's, an investigation's): in the order flagged. */
export const SOURCE_REFERRAL_KEYS = [
  { column: 't.flagged_at', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
