import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { INCIDENT_STATUS_ORDER } from './incident.enums';

/** `incidents(orderBy:)`: latest happened first by default; then by id, so the order (and the cursor) is total. */
export const IncidentOrder = defineOrder(
  'Incident',
  '灾情',
  {
    OCCURRED_AT: { column: 't.occurred_at', description: '发生时间。By when the incident happened.' },
    STATUS: { column: rankOf('t.status', INCIDENT_STATUS_ORDER), description: '状态。By status in the order of the response: OPEN, RESPONDING, RECOVERING, CLOSED ascending.' },
    TITLE: { column: 't.title', description: '标题。By title.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the incident was reported.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the incident last changed (for syncing).' },
  },
  [
    { column: 't.occurred_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);
