import { SortDirection, defineOrder, type SortKey } from '@platform/core';

/**
 * `enterpriseRedList(orderBy:)`, over the computed rows `g`: the highest score first by default;
 * ties by the enterprise id (one row per enterprise), so paging is lossless for every order.
 */
export const EnterpriseRedListOrder = defineOrder(
  'EnterpriseRedList',
  '企业红黑榜',
  {
    SCORE: { column: 'g.score', description: '风险分值。By the sum of the reasons\' weights.' },
    ENTERPRISE_NAME: { column: 'g."enterpriseName"', description: '企业名称。By the enterprise\'s name.' },
  },
  [
    { column: 'g.score', direction: SortDirection.DESC },
    { column: 'g."enterpriseId"', direction: SortDirection.ASC },
  ],
  { tieBreak: ['g."enterpriseId"'] },
);

/** The sections of a picture, each in one fixed order (the last key the id, so paging is lossless). */
export const SECTION_ORDERS: Readonly<Record<'riskPoints' | 'openHazards' | 'inspections' | 'penaltyCases' | 'certificates' | 'insurancePolicies' | 'drills' | 'emergencyPlans' | 'sensors' | 'openAlarms' | 'equipments', readonly SortKey[]>> = {
  // The reddest first, then by name.
  riskPoints: [
    { column: `(CASE t.level WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 WHEN 'YELLOW' THEN 2 ELSE 3 END)`, direction: SortDirection.ASC },
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
  // Major first, then the oldest found.
  openHazards: [
    { column: `(CASE WHEN t.grade = 'MAJOR' THEN 0 ELSE 1 END)`, direction: SortDirection.ASC },
    { column: 't.found_at', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
  inspections: [
    { column: 't.planned_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
  penaltyCases: [
    { column: 't.filed_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
  // The one expiring first first.
  certificates: [
    { column: 't.valid_until', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
  insurancePolicies: [
    { column: 't.ends_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
  drills: [
    { column: 't.held_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
  emergencyPlans: [
    { column: 't.chain_id', direction: SortDirection.ASC },
    { column: 't.revision', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
  sensors: [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
  openAlarms: [
    { column: 't.triggered_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
  // By name (enterprise_equipment_enterprise_idx).
  equipments: [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
};
