import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql, type IndicatorDefinition, type IndicatorScope, type RequestContext, type Sql } from '@platform/core';
import { PenaltyCases } from './cases.entities';
import { CasePermission } from './cases.permissions';
import { decidedLateSql, decisionDueAtSql, openBeforeDecisionSql } from './case.sql';

/*
 * The cases' indicators, each attributed to the party enterprise (an organization's figure counts the
 * enterprises in its subtree) and computed within the caller's scope for cases. The days left on the
 * legal decision clock are a snapshot as of today (the period does not apply); the late decisions
 * count the decisions made in the period.
 */

/** SQL over `t`: days left on the legal decision clock as of the scope's today (negative when overdue). */
const daysLeft = (s: IndicatorScope): Sql => sql`(${decisionDueAtSql('t', s.today)} - ${s.today})`;

const openCount = (ctx: RequestContext, s: IndicatorScope, condition: Sql): Sql =>
  records(ctx, PenaltyCases).where(openBeforeDecisionSql('t')).where(s.inSubtree('t.enterprise_id')).where(condition).subquery(sql`count(*) AS numerator`);

/** One bucket of open cases by days left. */
function bucket(code: string, nameZh: string, nameEn: string, description: string, condition: (s: IndicatorScope) => Sql): IndicatorDefinition {
  return defineIndicator({
    code: `enforcement.cases-by-days-left${code}`,
    nameZh,
    nameEn,
    description,
    unit: IndicatorUnit.COUNT,
    direction: IndicatorDirection.LOWER_IS_BETTER,
    permission: CasePermission.Read,
    compute: (ctx, s) => openCount(ctx, s, condition(s)),
  });
}

/** 临期案件数: open cases with at most 30 days left on the legal decision clock (overdue ones included). */
export const casesByDaysLeft = bucket('', '临期案件数', 'Open cases near their legal decision date', 'Open cases (filed, not yet decided) with at most 30 calendar days left on the legal decision clock as of today, overdue ones included (filing day + decision days + suspended days + extension); a snapshot, the period does not apply. Buckets: .overdue, .within-week, .within-month, .beyond-month.', (s) => sql`${daysLeft(s)} <= 30`);
export const casesOverdue = bucket('.overdue', '超期未决案件数', 'Open cases past their legal decision date', 'Open cases whose legal decision date has passed undecided, as of today; target 0.', (s) => sql`${daysLeft(s)} < 0`);
export const casesWithinWeek = bucket('.within-week', '7日内到期案件数', 'Open cases due within a week', 'Open cases with 0 to 7 calendar days left on the legal decision clock, as of today.', (s) => sql`${daysLeft(s)} BETWEEN 0 AND 7`);
export const casesWithinMonth = bucket('.within-month', '8至30日到期案件数', 'Open cases due within a month', 'Open cases with 8 to 30 calendar days left on the legal decision clock, as of today.', (s) => sql`${daysLeft(s)} BETWEEN 8 AND 30`);
export const casesBeyondMonth = bucket('.beyond-month', '30日以上到期案件数', 'Open cases due beyond a month', 'Open cases with more than 30 calendar days left on the legal decision clock, as of today.', (s) => sql`${daysLeft(s)} > 30`);

/** 超期决定案件数: cases decided in the period after their legal decision date. Target 0. */
export const casesDecidedLate = defineIndicator({
  code: 'enforcement.cases-decided-late',
  nameZh: '超期决定案件数',
  nameEn: 'Cases decided after their legal date',
  description: 'Cases decided in the period after their legal decision date (filing day + decision days + days suspended + the approved extension, 行政处罚法 第六十条); target 0.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: CasePermission.Read,
  compute: (ctx, s: IndicatorScope) =>
    records(ctx, PenaltyCases)
      .where(s.dayWithin('t.decided_on'))
      .where(s.inSubtree('t.enterprise_id'))
      .where(decidedLateSql('t'))
      .subquery(sql`count(*) AS numerator`),
});

export const caseIndicators = [casesByDaysLeft, casesOverdue, casesWithinWeek, casesWithinMonth, casesBeyondMonth, casesDecidedLate];
