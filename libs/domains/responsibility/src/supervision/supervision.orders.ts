import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { SupervisionKind, SupervisionStatus } from './supervision.enums';

/** `supervisionActions(orderBy:)`: newest issued first by default; then by id, so the order (and the cursor) is total. */
export const SupervisionActionOrder = defineOrder(
  'SupervisionAction',
  '督办事项',
  {
    ISSUED_ON: { column: 't.issued_on', description: '下发日期。By issue day.' },
    DUE_ON: { column: 't.due_on', description: '办结时限。By the deadline for closing.' },
    KIND: { column: rankOf('t.kind', Object.values(SupervisionKind)), description: '督办形式。By kind: NOTICE, URGING_LETTER, INTERVIEW, LISTED.' },
    STATUS: { column: rankOf('t.status', Object.values(SupervisionStatus)), description: '状态。By status, in the order of the workflow, ESCALATED last.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.issued_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** An action's timeline (`timeline`): in the order written. */
export const SupervisionActionStepOrder = defineOrder(
  'SupervisionActionStep',
  '督办记录',
  {
    CREATED_AT: { column: 't.created_at', description: '记录时间。By when the entry was written.' },
  },
  [
    { column: 't.created_at', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** An action's linked hazards: in the order linked. */
export const SUPERVISION_HAZARD_KEYS = [
  { column: 't.linked_at', direction: SortDirection.ASC },
  { column: 't.hazard_id', direction: SortDirection.ASC },
];
