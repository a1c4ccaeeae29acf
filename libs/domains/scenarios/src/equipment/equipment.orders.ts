import { SortDirection, defineOrder } from '@platform/core';

/** `enterpriseEquipments(orderBy:)`: by name by default; ties by id. */
export const EnterpriseEquipmentOrder = defineOrder(
  'EnterpriseEquipment',
  '企业设备',
  {
    NAME: { column: 't.name', description: '设备名称。By name.' },
    INSTALLED_YEAR: { column: 't.installed_year', description: '安装年份。By installation year.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was registered.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `equipmentRenewalPlans(orderBy:)`: the earliest due first by default; ties by id. */
export const EquipmentRenewalPlanOrder = defineOrder(
  'EquipmentRenewalPlan',
  '设备更新计划',
  {
    DUE_ON: { column: 't.due_on', description: '计划完成日期。By the day due.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was planned.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.due_on', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** A piece of equipment's plans: the earliest due first. */
export const PLANS_BY_DUE = [
  { column: 't.due_on', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
