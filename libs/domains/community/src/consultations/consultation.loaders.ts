import { byKeys, pageKey, pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import { DirectoryPermission, Organization, organizationIdInScope, organizationScope } from '@platform/directory';
import type DataLoader from 'dataloader';
import { Consultation, ConsultationActionItem } from './consultation.entity';
import { actionItemSortKeys } from './consultation.service';
import { CommunityPermission } from '../permissions';

/** Departments by name, then id (the order is total). */
const departmentSortKeys = (alias: string): SortKey<Organization>[] => [
  { column: `${alias}.name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Organizations with the consultation they took part in (`consultation_parent_id`; organizations have a `parent_id` of their own), for pages over the link table. */
const DEPARTMENTS_SQL = `(SELECT o.*, cd.consultation_id AS consultation_parent_id FROM consultation_department cd JOIN organization o ON o.id = cd.organization_id)`;

/** Consultations by id, within the caller's read scope (others load as null). */
export function consultationById(ctx: RequestContext): DataLoader<string, Consultation | null> {
  return ctx.loaders.get('rescue.consultation.byId', undefined, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, CommunityPermission.ConsultationRead, 'c.organization_id');
    const rows = await ctx.manager.createQueryBuilder(Consultation, 'c').where('c.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getMany();
    return byKeys(ids, rows, (c) => c.id);
  });
}

/** The departments of many consultations that the caller may read as organizations, by name; one statement per request level. */
export function consultationDepartmentPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<Organization>> {
  return ctx.loaders.get('rescue.consultation.departments', pageKey(page), async (ids: readonly string[]) => {
    const scope = organizationScope(ctx.principal, DirectoryPermission.OrganizationRead, 't.path', 't.id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: Organization,
      table: DEPARTMENTS_SQL,
      parentColumn: 'consultation_parent_id',
      parentIds: ids,
      where: scope.sql,
      params: scope.params,
      keys: departmentSortKeys('t'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The action items of many consultations, earliest due first; one statement per request level. */
export function consultationActionItemPages(ctx: RequestContext, page: PageRequest, properties: readonly string[] | null = null): DataLoader<string, ConnectionResult<ConsultationActionItem>> {
  return ctx.loaders.get('rescue.consultation.actionItems', pageKey(page, properties), async (ids: readonly string[]) => {
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: ConsultationActionItem,
      table: 'consultation_action_item',
      parentColumn: 'consultation_id',
      parentIds: ids,
      properties,
      keys: actionItemSortKeys('t'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}
