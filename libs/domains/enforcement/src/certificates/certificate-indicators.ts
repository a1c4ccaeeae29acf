import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { DUE_STATUSES, inStatuses } from './certificate-status';
import { SpecialOperationCertificates } from './certificates.entities';
import { CertificatePermission } from './certificates.permissions';

/**
 * 待复审和即将到期的特种作业操作证数: the certificates of workers of enterprises in the subtree that
 * need action today (the same as `specialOperationCertificatesDue`). A state: the period does not narrow it.
 */
export const dueSpecialOperationCertificates = defineIndicator({
  code: 'enforcement.special-operation-certificates-due',
  nameZh: '待复审和即将到期的特种作业操作证数',
  nameEn: 'Special-operation certificates due for review or expiring',
  description: 'Special-operation certificates of workers of enterprises in the subtree that are due for review or expire within their rule\'s window today, or whose review is overdue (the same list as specialOperationCertificatesDue); the period does not narrow it.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: CertificatePermission.OperatorRead,
  compute: (ctx, s) =>
    records(ctx, SpecialOperationCertificates)
      .where(inStatuses(s.today, DUE_STATUSES))
      .where(s.inSubtree('t.enterprise_id'))
      .subquery(sql`count(*) AS numerator`),
});
