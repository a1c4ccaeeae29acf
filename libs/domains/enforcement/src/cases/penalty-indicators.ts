import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql, unscoped, type IndicatorScope } from '@platform/core';
import { CasePermission } from './cases.permissions';
import { PenaltyCaseDecision } from './case.enums';
import { PenaltyCases } from './cases.entities';
import { EnforcementDiscretionBands } from '../items/public';
import { PenaltySubjectKind } from './penalty.enums';
import { CHECKING } from './penalty.sql';

/**
 * 一案双罚率: of the cases decided with a penalty in the period whose item provides a person band
 * (the law provides a person line), those with both a unit line and a person line. Attributed to the
 * party enterprise, within the caller's scope for cases.
 */
export const dualPenaltyRate = defineIndicator({
  code: 'enforcement.dual-penalty-rate',
  nameZh: '一案双罚率',
  nameEn: 'Dual penalty rate',
  description: 'Cases decided with a penalty in the period whose item provides a person band and that carry both a unit line and a person line, over all cases decided with a penalty in the period whose item provides a person band.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: CasePermission.Read,
  compute: (ctx, s: IndicatorScope) => {
    const cases = records(ctx, PenaltyCases)
      .where(sql`t.decision = ${PenaltyCaseDecision.PENALTY}`)
      .where(s.dayWithin('t.decided_on'))
      .where(s.inSubtree('t.enterprise_id'))
      .subquery(sql`t.id, t.enforcement_item_id`);
    const personBands = unscoped(ctx, EnforcementDiscretionBands, CHECKING).as('b').where(sql`b.subject = ${PenaltySubjectKind.PERSON}`).subquery(sql`b.item_id`);
    const has = (kind: PenaltySubjectKind) => sql`EXISTS (SELECT 1 FROM enforcement_penalty_line l WHERE l.case_id = c.id AND l.subject_kind = ${kind})`;
    return sql`SELECT count(*) FILTER (WHERE ${has(PenaltySubjectKind.UNIT)} AND ${has(PenaltySubjectKind.PERSON)}) AS numerator, count(*) AS denominator
      FROM ${cases} c WHERE EXISTS (SELECT 1 FROM ${personBands} b WHERE b.item_id = c.enforcement_item_id)`;
  },
});

/** The indicators of penalties. */
export const penaltyIndicators = [dualPenaltyRate];
