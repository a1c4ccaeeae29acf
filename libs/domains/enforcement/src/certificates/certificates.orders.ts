import { SortDirection, defineOrder } from '@platform/core';
import { nextDueOnColumn } from './certificate-status';

/** `enforcementCertificates(orderBy:)`: by number by default; ties by id, so the order (and the cursor) is total. */
export const EnforcementCertificateOrder = defineOrder(
  'EnforcementCertificate',
  '行政执法证',
  {
    NUMBER: { column: 't.number', description: '证号。By certificate number.', unique: true },
    VALID_TO: { column: 't.valid_to', description: '有效期止。By the last valid day.' },
    VALID_FROM: { column: 't.valid_from', description: '有效期起。By the first valid day.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was registered.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [{ column: 't.number', direction: SortDirection.ASC }],
);

/** `specialOperationCertificates(orderBy:)`: the one that next needs its holder to act first by default. */
export const SpecialOperationCertificateOrder = defineOrder(
  'SpecialOperationCertificate',
  '特种作业操作证',
  {
    NEXT_DUE_ON: { column: nextDueOnColumn('t'), description: '下一到期日。By the next review due day, or the last valid day when no review comes before it.' },
    VALID_UNTIL: { column: 't.valid_until', description: '有效期至。By the last valid day.' },
    ISSUED_ON: { column: 't.issued_on', description: '初领日期。By the issue day.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was registered.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: nextDueOnColumn('t'), direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** A certificate's reviews: in the order held. */
export const SpecialOperationReviewOrder = defineOrder(
  'SpecialOperationCertificateReview',
  '特种作业操作证复审记录',
  {
    REVIEWED_ON: { column: 't.reviewed_on', description: '复审日期。By the day of the review.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was recorded.' },
  },
  [
    { column: 't.reviewed_on', direction: SortDirection.ASC },
    { column: 't.created_at', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
