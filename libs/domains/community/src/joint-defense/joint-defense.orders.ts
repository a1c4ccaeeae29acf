import { SortDirection, defineOrder } from '@platform/core';

/** `jointDefenseGroups(orderBy:)`: by name by default; the id makes the order total. */
export const JointDefenseGroupOrder = defineOrder(
  'JointDefenseGroup',
  '联防组',
  {
    NAME: { column: 't.name', description: '名称。By name.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `vulnerableHouseholds(orderBy:)`: group by group, then by the head's name, by default (index joint_defense_household_vulnerable_idx). */
export const VulnerableHouseholdOrder = defineOrder(
  'VulnerableHousehold',
  '重点住户',
  {
    GROUP: { column: 't.group_id', description: '联防组。Group by group (by the group\'s id), each group\'s households together.' },
    HEAD_NAME: { column: 't.head_name', description: '户主。By the name of the head of the household.' },
    ADDRESS: { column: 't.address', description: '住址。By address.' },
    MEMBER_COUNT: { column: 't.member_count', description: '人数。By how many people live in the household.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.group_id', direction: SortDirection.ASC },
    { column: 't.head_name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
