import { SortDirection, defineOrder, rankOf, type SortKey } from '@platform/core';
import type { RiskPoint } from './risk-point.entity';
import { RiskLevel } from './risk-point.enums';

/** Red first (the CASE gives the colours an order the keyset can compare), then by name; the id makes the order total. */
const RED_FIRST: readonly SortKey<RiskPoint>[] = [
  { column: `(CASE t.level WHEN 'RED' THEN 1 WHEN 'ORANGE' THEN 2 WHEN 'YELLOW' THEN 3 ELSE 4 END)`, direction: SortDirection.ASC },
  { column: 't.name', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

/** `riskPoints(orderBy:)`: red first, then by name, by default (`RED_FIRST`). */
export const RiskPointOrder = defineOrder(
  'RiskPoint',
  '风险点',
  {
    LEVEL: { column: rankOf('t.level', [RiskLevel.BLUE, RiskLevel.YELLOW, RiskLevel.ORANGE, RiskLevel.RED]), description: '等级。By colour from low to major: BLUE, YELLOW, ORANGE, RED (descending: red first).' },
    NAME: { column: 't.name', description: '名称。By name.' },
    REVIEW_DUE: { column: 't.review_due', description: '复评日期。By the day the next review is due; without one last ascending.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  RED_FIRST,
);
