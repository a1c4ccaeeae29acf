import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { QrCodes } from './qr-codes.entities';
import { QrCodePermission } from './qr-codes.permissions';
import { selfCheckMissingSql, takesSelfChecksSql } from './self-check.sql';
import { scansOfCodesSql } from './qr-codes.sql';

/**
 * 场所月度自查率: active codes with an owner (an enterprise) kept in the subtree whose self-check for the
 * current month (China time) is in, over all such codes. A state: the period does not narrow it.
 */
export const qrSelfCheckRate = defineIndicator({
  code: 'scenarios.qr-self-check-rate',
  nameZh: '场所月度自查率',
  nameEn: 'Places with this month\'s self-check',
  description: 'Active QR codes with an owning enterprise kept in the subtree whose owner\'s self-check for the current month (China time) is submitted, over all such codes (the same codes as qrCodes(filter: { selfCheckMissing: false }) among those taking self-checks); the period does not narrow it.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: QrCodePermission.SelfCheckRead,
  compute: (ctx, s) =>
    records(ctx, QrCodes, QrCodePermission.SelfCheckRead)
      .where(takesSelfChecksSql('t'))
      .where(s.inSubtree('t.organization_id'))
      .subquery(sql`count(*) FILTER (WHERE NOT ${selfCheckMissingSql('t', sql`date_trunc('month', ${s.today})`)}) AS numerator, count(*) AS denominator`),
});

/** 扫码次数: scans in the period (China days) of the codes kept in the subtree, revoked ones included. */
export const qrScans = defineIndicator({
  code: 'scenarios.qr-scans',
  nameZh: '安全隐患码扫码次数',
  nameEn: 'QR code scans',
  description: 'Resolutions (scans) in the period, by China day, of the QR codes kept in the subtree (enterprises and public places), revoked codes included for the days they were active.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: QrCodePermission.Manage,
  compute: (ctx, s) => scansOfCodesSql(records(ctx, QrCodes, QrCodePermission.Manage).where(s.inSubtree('t.organization_id')).subquery(sql`t.id`), (column) => s.dayWithin(column)),
});

export const qrCodeIndicators = [qrSelfCheckRate, qrScans];
