import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { Organizations } from '@platform/directory';
import { PublicityActivities } from './publicity.entities';
import { PublicityPermission } from './publicity.permissions';
import { gapCountSql } from './publicity.sql';

/** 安全宣传活动次数: activities (not removed) held in the period at organizations of the subtree. */
export const publicityActivitiesIndicator = defineIndicator({
  code: 'reporting.publicity-activities',
  nameZh: '安全宣传活动次数',
  nameEn: 'Safety publicity activities held',
  description: 'Safety publicity activities (安全生产月, 防灾减灾日, 消防宣传月, 宣传五进 and others, not removed) held in the period at organizations of the subtree.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: PublicityPermission.Read,
  compute: (ctx, s) =>
    records(ctx, PublicityActivities)
      .where(sql`t.archived_at IS NULL`)
      .where(s.dayWithin('t.held_on'))
      .where(s.inSubtree('t.organization_id'))
      .subquery(sql`count(*) AS numerator`),
});

/**
 * 宣传五进全覆盖率: the active villages and communities of the subtree (the evaluated organization
 * itself when it is one) at which — counting activities held at the village or community or anywhere
 * in its subtree, not removed, within the period — each of the five targets (企业、农村、社区、学校、
 * 家庭) had at least one activity, over all active villages and communities of the subtree. For a
 * year, evaluate with the year as the period. Organizations of other kinds do not count.
 */
export const publicityFiveIntoCoverage = defineIndicator({
  code: 'reporting.publicity-five-into-coverage',
  nameZh: '宣传五进全覆盖率',
  nameEn: 'Villages and communities with all five publicity targets covered',
  description: 'Active villages and communities of the subtree where activities into each of the five targets (enterprises, villages, communities, schools, families) were held within the period, at the village or community or anywhere in it, over all active villages and communities of the subtree.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: PublicityPermission.Read,
  compute: (ctx, s) =>
    records(ctx, Organizations, PublicityPermission.Read)
      .as('fv')
      .where(sql`fv.kind IN ('VILLAGE', 'COMMUNITY') AND fv.archived_at IS NULL`)
      .where(s.inSubtree('fv.id'))
      .subquery(sql`count(*) FILTER (WHERE ${gapCountSql(ctx, 'fv', s.from, s.to)} = 0) AS numerator, count(*) AS denominator`),
});

export const publicityIndicators = [publicityActivitiesIndicator, publicityFiveIntoCoverage];
