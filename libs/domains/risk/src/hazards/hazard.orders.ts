import { SortDirection, defineOrder, rankOf, type SortKey } from '@platform/core';
import type { Hazard } from './hazard.entity';
import { HazardGrade, HazardStatus } from './hazard.enums';

/** Newest found first; the id makes the order total (also the order of nested hazard lists). */
export const hazardSortKeys = (alias: string): SortKey<Hazard>[] => [
  { column: `${alias}.found_at`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** The states in the order of the life cycle (a rejected report ends it early: last). */
const HAZARD_STATUS_ORDER = [
  HazardStatus.REPORTED,
  HazardStatus.CONFIRMED,
  HazardStatus.PLANNED,
  HazardStatus.RECTIFYING,
  HazardStatus.SUBMITTED,
  HazardStatus.VERIFIED,
  HazardStatus.CLOSED,
  HazardStatus.REJECTED,
];

/** `hazards(orderBy:)`: newest found first by default (`hazardSortKeys`, which nested hazard lists keep). */
export const HazardOrder = defineOrder(
  'Hazard',
  '隐患',
  {
    FOUND_AT: { column: 't.found_at', description: '发现时间。By when the hazard was found.' },
    TITLE: { column: 't.title', description: '名称。By title.' },
    STATUS: { column: rankOf('t.status', HAZARD_STATUS_ORDER), description: '状态。By state, in the order of the life cycle: REPORTED, CONFIRMED, PLANNED, RECTIFYING, SUBMITTED, VERIFIED, CLOSED, then REJECTED.' },
    GRADE: { column: rankOf('t.grade', [HazardGrade.GENERAL, HazardGrade.MAJOR]), description: '等级。By grade, GENERAL before MAJOR; not yet graded last ascending.' },
    DEADLINE: { column: 't.deadline', description: '整改期限。By rectification deadline; without one last ascending.' },
    CLOSED_AT: { column: 't.closed_at', description: '销号时间。By when the hazard was closed; open ones last ascending.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  hazardSortKeys('t'),
);
