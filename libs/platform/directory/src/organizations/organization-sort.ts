import { SortDirection, defineOrder, type OrderInput } from '@platform/core';

/** `orderBy` of organization lists (`organizations`, `Organization.descendants`); `Organization.children` is by name. */
export const OrganizationOrder = defineOrder(
  'Organization',
  '组织',
  {
    // The materialized path ends in the organization's own label: unique, no id needed after it.
    TREE: { column: 't.path', description: '树序。Tree order: each organization before its descendants.', unique: true },
    NAME: { column: 't.name', description: '名称。By name (Unicode code point order).' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed.' },
  },
  [{ column: 't.path', direction: SortDirection.ASC }],
);

export type OrganizationOrderInput = OrderInput<keyof typeof OrganizationOrder.Field>;

/** Children of an organization: by name. */
export const BY_NAME: readonly OrganizationOrderInput[] = [{ field: 'NAME', direction: SortDirection.ASC }];
