import { IndicatorDirection, IndicatorUnit, businessRuleSql, defineIndicator, localDaySql, raw, records, sql, type IndicatorDefinition, type IndicatorScope } from '@platform/core';
import { AccidentGrade, AccidentInvestigationKind, FourNotSparedStatus } from './accident.enums';
import { accidentGradeSql } from './accident-grade';
import { AccidentFourNotSpareds, AccidentInvestigations } from './accidents.entities';
import { AccidentPermission } from './accidents.permissions';
import { pastDueSql } from './accident.sql';

/*
 * The accident investigations' indicators, each attributed to the investigation's organization (the
 * enterprise, else the incident's reporting organization; an organization's figure counts its
 * subtree) and computed within the caller's scope for accident investigations.
 */

/** The China day an accident happened, over alias `t`. */
const ACCIDENT_DAY = localDaySql('t.occurred_at');

/** SQL: the grade of the work-safety accident under `t`, from its stored figures and grade rule version. */
const GRADE = accidentGradeSql('t', businessRuleSql.valueOf(raw('t.grade_rule_version_id')));

/** Work-safety accidents that happened in the period whose grade is one of `grades` (counted in one statement). */
function accidentsGraded(code: string, nameZh: string, nameEn: string, description: string, grades: readonly AccidentGrade[]): IndicatorDefinition {
  return defineIndicator({
    code: `enforcement.accidents-by-grade${code}`,
    nameZh,
    nameEn,
    description,
    unit: IndicatorUnit.COUNT,
    direction: IndicatorDirection.LOWER_IS_BETTER,
    permission: AccidentPermission.Read,
    compute: (ctx, s: IndicatorScope) =>
      records(ctx, AccidentInvestigations)
        .where(sql`t.kind = ${AccidentInvestigationKind.WORK_SAFETY} AND t.grade_rule_version_id IS NOT NULL`)
        .where(s.dayWithin(ACCIDENT_DAY))
        .where(s.inSubtree('t.organization_id'))
        .subquery(sql`count(*) FILTER (WHERE ${GRADE} = ANY(${[...grades]}::text[])) AS numerator`),
  });
}

/**
 * 较大及以上生产安全事故起数: work-safety accidents that happened in the period graded 较大 or worse
 * (the town's goal: none), and one figure per grade. The grade is computed in SQL (`accidentGradeSql`)
 * from the stored figures and the rule version stored with them, the same function the service
 * applies, so the figures agree with the list.
 */
export const accidentsLargerOrWorse = accidentsGraded(
  '',
  '较大及以上生产安全事故起数',
  'Work-safety accidents graded larger or worse',
  'Work-safety accidents that happened in the period whose grade (Order 493 art. 3, from the figures and the grade rule version stored at the last refresh) is larger (较大), serious or extraordinarily serious; the town\'s goal is 0. Per grade: .ordinary, .larger, .serious, .extraordinarily-serious.',
  [AccidentGrade.LARGER, AccidentGrade.SERIOUS, AccidentGrade.EXTRAORDINARILY_SERIOUS],
);
const perGrade = [
  accidentsGraded('.ordinary', '一般生产安全事故起数', 'Ordinary work-safety accidents', 'Work-safety accidents that happened in the period graded ordinary (一般: below 3 deaths, 10 serious injuries and ¥10,000,000 direct loss).', [AccidentGrade.ORDINARY]),
  accidentsGraded('.larger', '较大生产安全事故起数', 'Larger work-safety accidents', 'Work-safety accidents that happened in the period graded larger (较大: 3–9 deaths, 10–49 serious injuries or ¥10,000,000 to under ¥50,000,000); the town\'s goal is 0.', [AccidentGrade.LARGER]),
  accidentsGraded('.serious', '重大生产安全事故起数', 'Serious work-safety accidents', 'Work-safety accidents that happened in the period graded serious (重大: 10–29 deaths, 50–99 serious injuries or ¥50,000,000 to under ¥100,000,000); the goal is 0.', [AccidentGrade.SERIOUS]),
  accidentsGraded('.extraordinarily-serious', '特别重大生产安全事故起数', 'Extraordinarily serious work-safety accidents', 'Work-safety accidents that happened in the period graded extraordinarily serious (特别重大: 30 deaths, 100 serious injuries or ¥100,000,000 and above); the goal is 0.', [AccidentGrade.EXTRAORDINARILY_SERIOUS]),
];

/** 调查逾期数: investigations whose report or reply is past its due day today (a stock, whatever the period). */
export const investigationsPastDue = defineIndicator({
  code: 'enforcement.investigations-past-due',
  nameZh: '事故调查逾期数',
  nameEn: 'Accident investigations past due',
  description: 'Investigations still investigating after the report\'s due day (60 days from the accident, plus an approved extension) or reported and not replied after the reply\'s due day (15 days; 30 for extraordinarily serious), as of today; target 0.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: AccidentPermission.Read,
  compute: (ctx, s: IndicatorScope) =>
    records(ctx, AccidentInvestigations)
      .where(pastDueSql('t', s.today))
      .where(s.inSubtree('t.organization_id'))
      .subquery(sql`count(*) AS numerator`),
});

/** 四不放过未落实项数: open 四不放过 items of investigations of accidents that happened before the period's end. */
export const fourNotSparedOpen = defineIndicator({
  code: 'enforcement.four-not-spared-open',
  nameZh: '四不放过未落实项数',
  nameEn: 'Open four-not-spared items',
  description: 'Items of the 四不放过 checklist (cause, responsible persons, measures, education) still open on investigations of accidents that happened before the period\'s end; an investigation cannot close while one is open.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: AccidentPermission.Read,
  compute: (ctx, s: IndicatorScope) => {
    const investigations = records(ctx, AccidentInvestigations).as('i').where(sql`i.id = t.investigation_id AND ${raw(localDaySql('i.occurred_at'))} < CAST(${s.to} AS date) AND ${s.inSubtree('i.organization_id')}`);
    return records(ctx, AccidentFourNotSpareds)
      .where(sql`t.status = ${FourNotSparedStatus.OPEN} AND EXISTS ${investigations.subquery(sql`1`)}`)
      .subquery(sql`count(*) AS numerator`);
  },
});

export const accidentIndicators = [accidentsLargerOrWorse, ...perGrade, investigationsPastDue, fourNotSparedOpen];
