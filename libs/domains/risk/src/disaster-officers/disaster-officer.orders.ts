import { SortDirection, defineOrder } from '@platform/core';

/** `disasterOfficers(orderBy:)`: newest appointment first by default, ties by id. */
export const DisasterOfficerOrder = defineOrder(
  'DisasterOfficer',
  '灾害信息员',
  {
    APPOINTED_ON: { column: 't.appointed_on', description: '任命日期。By the day of the appointment.' },
    ENDED_ON: { column: 't.ended_on', description: '离任日期。By the day the appointment ended; serving officers last ascending.' },
    ROLE: { column: 't.role', description: '岗位。By post, A (primary) before B (backup).' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.appointed_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);
