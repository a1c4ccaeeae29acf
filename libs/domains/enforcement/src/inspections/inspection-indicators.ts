import { IndicatorDirection, IndicatorUnit, businessRuleSql, defineIndicator, records, sql, type IndicatorScope, type RequestContext } from '@platform/core';
import { INSPECTION_FREQUENCY_RULE } from '../business-rules/plans';
import { InspectionPlanEntries, InspectionPlanStatus, InspectionPlans, PlanPermission } from '../plans/public';
import { SpecialOperationCertificateStatus } from '../certificates/public';
import { InspectionStatus, VISITED_STATUSES } from './inspection.enums';
import { InspectionCertificateChecks, Inspections } from './inspections.entities';
import { InspectionPermission } from './inspections.permissions';
import { inspectionDaySql } from './inspection.sql';

/*
 * The inspections' indicators, each attributed to the inspected enterprise (an organization's figure
 * counts the enterprises in its subtree) and computed within the caller's scope for inspections.
 */

/** Recorded visits (the states after the visit), as SQL over alias `t`. */
const visited = sql`t.status = ANY(${[...VISITED_STATUSES]})`;

/** Inspections and plan entries in the caller's scope: the plan and its enterprise list as the plans part declares them. */
const plannedRows = (ctx: RequestContext) => ({
  entries: records(ctx, InspectionPlanEntries).as('e').subquery(sql`e.plan_id, e.enterprise_id, e.enterprise_class, e.planned_months`),
  plans: records(ctx, InspectionPlans).as('p').where(sql`p.status = ${InspectionPlanStatus.APPROVED}`).subquery(sql`p.id, p.organization_id, p.year`),
});

/**
 * 年度检查计划执行率: visits recorded in the period by an approved plan's legal subject at enterprises
 * of that year's plan ÷ inspections the plans planned in months of the period (key and ordinary together).
 */
export const planExecution = defineIndicator({
  code: 'enforcement.plan-execution',
  nameZh: '年度检查计划执行率',
  nameEn: 'Annual inspection plan execution',
  description: 'Visits recorded in the period by the legal subject of an approved annual plan at enterprises of its list (that year) over the inspections the approved plans scheduled in months of the period (an entry\'s planned months), key and ordinary enterprises together; may exceed 1.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  // The plan's own permission: who is to be inspected when is kept from villages and enterprises
  // (inspections are unannounced), so they do not evaluate it rather than see 0 of 0.
  permission: PlanPermission.Read,
  compute: (ctx, s: IndicatorScope) => {
    const { entries, plans } = plannedRows(ctx);
    const done = records(ctx, Inspections).where(visited).where(s.dayWithin('t.visited_on')).subquery(sql`t.enterprise_id, t.legal_subject_id, t.visited_on`);
    return sql`SELECT
        (SELECT count(*) FROM ${entries} e JOIN ${plans} p ON p.id = e.plan_id JOIN ${done} i ON i.enterprise_id = e.enterprise_id AND i.legal_subject_id = p.organization_id AND date_part('year', i.visited_on) = p.year
          WHERE ${s.inSubtree('e.enterprise_id')}) AS numerator,
        (SELECT count(*) FROM ${entries} e JOIN ${plans} p ON p.id = e.plan_id CROSS JOIN LATERAL unnest(e.planned_months) AS m(month)
          WHERE ${s.inSubtree('e.enterprise_id')} AND make_date(p.year, m.month, 1) >= ${s.from} AND make_date(p.year, m.month, 1) < ${s.to}) AS denominator`;
  },
});

/**
 * 超频次检查企业数: enterprises whose non-cancelled inspections (every legal subject: the scope is the
 * enterprise's, so all of them; each counted on its visit day, else its planned day) in a calendar year
 * within the period exceed the cap the frequency rule sets for their class (as last classified) on that
 * year's last day, or today while the year runs. Target 0; a cap published mid-year applies to the whole year.
 */
export const enterprisesOverFrequencyCap = defineIndicator({
  code: 'enforcement.enterprises-over-frequency-cap',
  nameZh: '超频次检查企业数',
  nameEn: 'Enterprises inspected beyond the yearly cap',
  description: 'Enterprises whose administrative inspections by all legal subjects in a calendar year (counted in the period) exceed the yearly cap of their class under the frequency rule in force at the year\'s end (or today); target 0.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: InspectionPermission.Read,
  compute: (ctx, s: IndicatorScope) => {
    const counted = records(ctx, Inspections)
      .where(sql`t.status <> ${InspectionStatus.CANCELLED}`)
      .where(s.dayWithin('coalesce(t.visited_on, t.planned_on)'))
      .where(s.inSubtree('t.enterprise_id'))
      .subquery(sql`t.enterprise_id, date_part('year', ${inspectionDaySql('t')})::int AS year, ${inspectionDaySql('t')} AS day, t.created_at, t.enterprise_class`);
    const ruleDay = sql`least(make_date(g.year, 12, 31), ${s.today})`;
    const value = businessRuleSql.valueOf(businessRuleSql.versionAt(INSPECTION_FREQUENCY_RULE.code, ruleDay));
    const cap = sql`CAST(${value} ->> (CASE g.enterprise_class WHEN 'KEY' THEN 'keyPerYear' ELSE 'ordinaryPerYear' END) AS int)`;
    return sql`SELECT count(DISTINCT g.enterprise_id) AS numerator FROM (
        SELECT x.enterprise_id, x.year, count(*) AS n, (array_agg(x.enterprise_class ORDER BY x.day DESC, x.created_at DESC) FILTER (WHERE x.enterprise_class IS NOT NULL))[1] AS enterprise_class
          FROM ${counted} x GROUP BY x.enterprise_id, x.year
      ) g WHERE g.enterprise_class IS NOT NULL AND g.n > ${cap}`;
  },
});

/** 整改复查按期率: re-inspections due in the period recorded by their due day ÷ those due. */
export const reinspectionOnTime = defineIndicator({
  code: 'enforcement.reinspection-on-time',
  nameZh: '整改复查按期率',
  nameEn: 'Re-inspections on time',
  description: 'Inspections whose re-inspection fell due in the period (the rectification deadline plus the re-inspection rule\'s days) re-inspected on or before the due day, over those due; cancelled ones cannot be due.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: InspectionPermission.Read,
  compute: (ctx, s: IndicatorScope) =>
    records(ctx, Inspections)
      .where(s.dayWithin('t.reinspection_due_on'))
      .where(s.inSubtree('t.enterprise_id'))
      .subquery(sql`count(*) FILTER (WHERE t.reinspected_on IS NOT NULL AND t.reinspected_on <= t.reinspection_due_on) AS numerator, count(*) AS denominator`),
});

/** The statuses of a special-operation certificate that count as valid when checked (the due ones are still valid). */
const VALID_STATUSES = [SpecialOperationCertificateStatus.VALID, SpecialOperationCertificateStatus.REVIEW_DUE, SpecialOperationCertificateStatus.EXPIRING];

/** 特种作业人员持证率: certificates checked at visits in the period that were valid that day ÷ certificates checked. */
export const specialOperatorsCertified = defineIndicator({
  code: 'enforcement.special-operators-certified',
  nameZh: '特种作业人员持证率',
  nameEn: 'Special operators holding a valid certificate',
  description: 'Special-operation certificates checked at inspections visited in the period whose status on the visit day was valid (VALID, REVIEW_DUE or EXPIRING) over all certificates checked.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: InspectionPermission.Read,
  compute: (ctx, s: IndicatorScope) => {
    const visits = records(ctx, Inspections).as('i').where(sql`i.id = t.inspection_id AND ${s.dayWithin('i.visited_on')} AND ${s.inSubtree('i.enterprise_id')}`);
    return records(ctx, InspectionCertificateChecks)
      .where(sql`EXISTS ${visits.subquery(sql`1`)}`)
      .subquery(sql`count(*) FILTER (WHERE t.status = ANY(${VALID_STATUSES})) AS numerator, count(*) AS denominator`);
  },
});

export const inspectionIndicators = [planExecution, enterprisesOverFrequencyCap, reinspectionOnTime, specialOperatorsCertified];
