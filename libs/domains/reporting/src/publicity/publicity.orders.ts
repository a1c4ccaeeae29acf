import { SortDirection, defineOrder } from '@platform/core';

/** `publicityActivities(orderBy:)`: the latest held first by default. */
export const PublicityActivityOrder = defineOrder(
  'PublicityActivity',
  '安全宣传活动',
  {
    HELD_ON: { column: 't.held_on', description: '举办日期。By the day held.' },
    AUDIENCE: { column: 't.audience_count', description: '受众人数。By the audience count.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.held_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `evacuationCommendations(orderBy:)`: the latest first by default. */
export const CommendationOrder = defineOrder(
  'EvacuationCommendation',
  '预警转移表扬',
  {
    COMMENDED_ON: { column: 't.commended_on', description: '表扬日期。By the day of the commendation.' },
    EVACUATED: { column: 't.evacuated_count', description: '转移人数。By how many were evacuated.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was recorded.' },
  },
  [
    { column: 't.commended_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/**
 * `publicityCoverage(orderBy:)`, over the computed rows `g`: by name by default; ties by the
 * organization id (one row per village or community), so paging is lossless for every order.
 */
export const PublicityCoverageOrder = defineOrder(
  'PublicityCoverageRow',
  '五进覆盖行',
  {
    ORGANIZATION_NAME: { column: 'g."organizationName"', description: '村社区名称。By the village\'s or community\'s name.' },
    ORGANIZATION_KIND: { column: 'g."organizationKind"', description: '类型。By kind (COMMUNITY before VILLAGE ascending).' },
    GAP_COUNT: { column: 'g."gapCount"', description: '缺口数。By how many 五进 targets have no activity in the year.' },
  },
  [
    { column: 'g."organizationName"', direction: SortDirection.ASC },
    { column: 'g."organizationId"', direction: SortDirection.ASC },
  ],
  { tieBreak: ['g."organizationId"'] },
);
