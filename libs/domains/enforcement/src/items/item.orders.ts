import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { DiscretionLevel, DiscretionSubject } from './item.enums';

/** `enforcementItemLists(orderBy:)`: the latest effective first by default; then by id, so the order (and the cursor) is total. */
export const EnforcementItemListOrder = defineOrder(
  'EnforcementItemList',
  '执法事项清单',
  {
    EFFECTIVE_FROM: { column: 't.effective_from', description: '生效日期。By the first day in force.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when it was drawn up.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.effective_from', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `enforcementItems(orderBy:)`, a list's `items`: by item code by default. */
export const EnforcementItemOrder = defineOrder(
  'EnforcementItem',
  '执法事项',
  {
    CODE: { column: 't.code', description: '事项编码。By item code.' },
    NAME: { column: 't.name', description: '事项名称。By name.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when it was added.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.code', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** An item's `discretionBands`: the unit's first, then the persons', each from minor to grave. */
export const DiscretionBandOrder = defineOrder(
  'EnforcementDiscretionBand',
  '裁量基准',
  {
    SUBJECT: { column: rankOf('t.subject', Object.values(DiscretionSubject)), description: '处罚对象。Unit first, then person.' },
    LEVEL: { column: rankOf('t.level', Object.values(DiscretionLevel)), description: '裁量阶次。From minor to grave.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when it was added.' },
  },
  [
    { column: rankOf('t.subject', Object.values(DiscretionSubject)), direction: SortDirection.ASC },
    { column: rankOf('t.level', Object.values(DiscretionLevel)), direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
