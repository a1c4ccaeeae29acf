import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { ProblemStatus } from './problem.enums';
import { Problems } from './problems.entities';
import { ProblemPermission } from './problems.permissions';
import { isRepeatSql } from './problem-repeats.sql';

/**
 * 问题整改闭环有效率: of the problems whose deadline falls in the period, the share closed on or before
 * the deadline and verified EFFECTIVE (a closure not yet verified, or found INEFFECTIVE, does not count).
 */
export const problemEffectiveClosure = defineIndicator({
  code: 'responsibility.problem-effective-closure',
  nameZh: '问题整改闭环有效率',
  nameEn: 'Problems closed on time and verified effective',
  description: 'Problems whose deadline falls in the period that were closed on or before it and verified EFFECTIVE by an independent check, over all problems whose deadline falls in the period, by the organization they were found in.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: ProblemPermission.ProblemRead,
  compute: (ctx, s) =>
    records(ctx, Problems)
      .where(s.dayWithin('t.due_on'))
      .where(s.inSubtree('t.organization_id'))
      .subquery(sql`count(*) FILTER (WHERE t.status = ${ProblemStatus.EFFECTIVE} AND t.closed_on <= t.due_on) AS numerator, count(*) AS denominator`),
});

/** 重复问题数: problems found in the period that repeat an earlier one (same organization and category within the window). */
export const problemRepeats = defineIndicator({
  code: 'responsibility.problem-repeats',
  nameZh: '重复问题数',
  nameEn: 'Repeat problems',
  description: 'Problems found in the period that repeat an earlier problem of the same organization and category found within the window of rule responsibility.problem.repeat (12 months as seeded) before them.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: ProblemPermission.ProblemRead,
  compute: (ctx, s) =>
    records(ctx, Problems)
      .where(s.dayWithin('t.found_on'))
      .where(s.inSubtree('t.organization_id'))
      .where(isRepeatSql('t'))
      .subquery(sql`count(*) AS numerator`),
});
