import { ArgsType, InputType } from 'type-graphql';
import { FilterField, ListFilter, OrderByField, PageArgs, SortDirection, defineOrder, type OrderInput } from '@platform/core';

@InputType({ description: '行业类别筛选。Filters for the industry sector code list.' })
export class IndustrySectorFilter extends ListFilter {}

/** `orderBy` of `industrySectors`; sectors are keyed by their code, which breaks ties. */
export const IndustrySectorOrder = defineOrder(
  'IndustrySector',
  '行业类别',
  {
    SORT_ORDER: { column: 't.sort_order', description: '排序。By display order.' },
    CODE: { column: 't.code', description: '代码。By code.', unique: true },
    NAME: { column: 't.name_zh', description: '中文名称。By Chinese name (Unicode code point order).' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the sector was added or last changed.' },
  },
  [
    { column: 't.sort_order', direction: SortDirection.ASC },
    { column: 't.code', direction: SortDirection.ASC },
  ],
  { tieBreak: ['t.code'] },
);

@ArgsType()
export class IndustrySectorListArgs extends PageArgs {
  @FilterField(() => IndustrySectorFilter, '筛选条件。Which sectors to list.')
  filter?: IndustrySectorFilter;

  @OrderByField(IndustrySectorOrder, 'in display order')
  orderBy?: OrderInput<keyof typeof IndustrySectorOrder.Field>[];
}
