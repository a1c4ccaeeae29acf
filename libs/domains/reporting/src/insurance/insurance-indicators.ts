import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { LiabilityInsurancePolicies } from './insurance.entities';
import { InsurancePermission } from './insurance.permissions';
import { coverageRowsSql, lapsingSql, mandateVersionAt } from './insurance.sql';

/**
 * 安责险覆盖率: operating enterprises of the subtree in a sector mandatory under the rule version in
 * force today that an ACTIVE policy meeting its rule version's minimum limit covers today ÷ those
 * enterprises (the same rows as `liabilityInsuranceCoverage(filter: { mandatoryOnly: true })`). A
 * state: the period does not narrow it.
 */
export const insuranceCoverage = defineIndicator({
  code: 'reporting.insurance-coverage',
  nameZh: '安责险覆盖率',
  nameEn: 'Work-safety liability insurance coverage of mandatory enterprises',
  description: 'Operating enterprises of the subtree in a sector where work-safety liability insurance is mandatory (reporting.insurance-mandatory-sectors in force today, 应急〔2025〕27号) that an active policy with a per-person limit meeting the minimum (¥400,000) covers today, over all such enterprises; the period does not narrow it.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: InsurancePermission.Read,
  compute: (ctx, s) =>
    sql`SELECT count(*) FILTER (WHERE c.mandatory AND c.covered) AS numerator, count(*) FILTER (WHERE c.mandatory) AS denominator
        FROM ${coverageRowsSql(ctx, s.today, mandateVersionAt(s.today), s.inSubtree('o.id'))} c`,
});

/** 即将到期安责险保单数: active policies of enterprises of the subtree ending within their rule's lapse window (30 days) with no renewal, today. */
export const insuranceLapsing = defineIndicator({
  code: 'reporting.insurance-lapsing',
  nameZh: '即将到期安责险保单数',
  nameEn: 'Liability insurance policies lapsing within 30 days',
  description: 'Active work-safety liability insurance policies of enterprises of the subtree whose last day is within their rule version\'s lapse window (30 days) of today, both ends included, and that no renewal follows (the same list as liabilityInsurancePolicies(filter: { lapsing: true })); the period does not narrow it.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: InsurancePermission.Read,
  compute: (ctx, s) =>
    records(ctx, LiabilityInsurancePolicies)
      .where(lapsingSql('t', s.today))
      .where(s.inSubtree('t.enterprise_id'))
      .subquery(sql`count(*) AS numerator`),
});

export const insuranceIndicators = [insuranceCoverage, insuranceLapsing];
