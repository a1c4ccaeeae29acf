import { registerEnumType } from 'type-graphql';
import { SortDirection, type SortKey } from '@platform/core';
import type { Organization } from './organization.entity';

export enum OrganizationSortField {
  TREE = 'TREE',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}

registerEnumType(OrganizationSortField, {
  name: 'OrganizationSortField',
  description: '组织排序字段。What an organization list can be sorted by.',
  valuesConfig: {
    TREE: { description: '树序。Tree order: each organization before its descendants.' },
    NAME: { description: '名称。By name (Unicode code point order).' },
    CREATED_AT: { description: '创建时间。By when the record was created.' },
  },
});

/** Keyset sort keys over a table alias using column names; the id breaks ties. */
export function organizationSortKeys(alias: string, field = OrganizationSortField.TREE, direction = SortDirection.ASC): SortKey<Organization>[] {
  const id: SortKey<Organization> = { column: `${alias}.id`, direction };
  switch (field) {
    case OrganizationSortField.NAME:
      return [{ column: `${alias}.name`, direction }, id];
    case OrganizationSortField.CREATED_AT:
      return [{ column: `${alias}.created_at`, direction }, id];
    case OrganizationSortField.TREE:
      return [{ column: `${alias}.path`, direction }];
  }
}
