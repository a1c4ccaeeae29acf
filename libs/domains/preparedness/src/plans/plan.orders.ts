import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { EmergencyPlanStatus } from './plan.enums';

/*
 * The orders of the plans', drills', drill rules' and drill compliance lists (`orderBy`), each a
 * `defineOrder`; the default keys are each list's order without `orderBy`.
 */

/** `emergencyPlans(orderBy:)`: by title, then newest revision first, by default; the id makes the order total. */
export const EmergencyPlanOrder = defineOrder(
  'EmergencyPlan',
  '应急预案',
  {
    TITLE: { column: 't.title', description: '预案名称。By title.' },
    REVISION: { column: 't.revision', description: '修订版次。By revision number within its chain.' },
    STATUS: {
      column: rankOf('t.status', [EmergencyPlanStatus.DRAFT, EmergencyPlanStatus.EFFECTIVE, EmergencyPlanStatus.SUPERSEDED, EmergencyPlanStatus.ARCHIVED]),
      description: '状态。By status in the order of the life cycle: DRAFT, EFFECTIVE, SUPERSEDED, ARCHIVED.',
    },
    APPROVED_ON: { column: 't.approved_on', description: '批准日期。By the day of approval; drafts last ascending.' },
    NEXT_REVIEW_ON: { column: 't.next_review_on', description: '下次评审日期。By the day the next review is due; without one last ascending.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.title', direction: SortDirection.ASC },
    { column: 't.revision', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `drills(orderBy:)`: latest held first by default; then by id, so the order (and the cursor) is total. */
export const DrillOrder = defineOrder(
  'Drill',
  '应急演练',
  {
    HELD_ON: { column: 't.held_on', description: '演练日期。By the day the drill was held.' },
    TITLE: { column: 't.title', description: '演练名称。By title.' },
    PARTICIPANT_COUNT: { column: 't.participant_count', description: '参演人数。By how many people took part.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.held_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `drillRules(orderBy:)`: highest priority first (the order rules are chosen in), then by code, by default. */
export const DrillRuleOrder = defineOrder(
  'DrillRule',
  '演练考核规则',
  {
    PRIORITY: { column: 't.priority', description: '优先级。By priority (descending: the order rules are chosen in).' },
    // Codes are unique (archived rules keep theirs): no id needed after it.
    CODE: { column: 't.code', description: '规则代码。By code.', unique: true },
    NAME: { column: 't.name', description: '规则名称。By name.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.priority', direction: SortDirection.DESC },
    { column: 't.code', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/**
 * `drillCompliance(orderBy:)`, over the computed rows (`compliancePage`: the organization `t`, its
 * year `x`): by organization name by default, then id (a total order).
 */
export const DrillComplianceOrder = defineOrder(
  'DrillCompliance',
  '演练达标情况',
  {
    ORGANIZATION_NAME: { column: 't.name', description: '组织名称。By the name of the organization assessed.' },
    MET: { column: 'x.met', description: '是否达标。Not met (false) before met (true) ascending.' },
    LAST_QUALIFYING_DRILL_ON: { column: 'x.last_on', description: '最近合格演练日期。By the day of the last qualifying drill in the year; none last ascending.' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
