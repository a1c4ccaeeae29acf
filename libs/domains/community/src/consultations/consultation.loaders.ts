import { pageKey, records, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import { Organizations, type Organization } from '@platform/directory';
import type DataLoader from 'dataloader';
import type { Consultation, ConsultationActionItem } from './consultation.entity';
import { actionItemSortKeys } from './consultation.orders';
import { ConsultationActionItems, Consultations } from '../community.entities';

/** Departments by name, then id (the order is total). */
const departmentSortKeys = (alias: string): SortKey<Organization>[] => [
  { column: `${alias}.name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Consultations by id, within the caller's read scope (others load as null). */
export function consultationById(ctx: RequestContext): DataLoader<string, Consultation | null> {
  return ctx.loaders.get('rescue.consultation.byId', undefined, (ids: readonly string[]) => records(ctx, Consultations).many(ids));
}

/**
 * The departments of many consultations that the caller may read as organizations, by name, in one
 * statement per request level: the organizations through this module's link table
 * (`consultation_department`), with the directory's declaration (its scope) applied by the kernel.
 */
export function consultationDepartmentPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<Organization>> {
  return ctx.loaders.get('rescue.consultation.departments', pageKey(page), async (ids: readonly string[]) => {
    const pages = await records(ctx, Organizations).byLink({ table: 'consultation_department', parentColumn: 'consultation_id', column: 'organization_id' }, ids, { keys: departmentSortKeys('t'), page });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The action items of many consultations, earliest due first; one statement per request level. */
export function consultationActionItemPages(ctx: RequestContext, page: PageRequest, properties: readonly string[] | null = null): DataLoader<string, ConnectionResult<ConsultationActionItem>> {
  return ctx.loaders.get('rescue.consultation.actionItems', pageKey(page, properties), async (ids: readonly string[]) => {
    const pages = await records(ctx, ConsultationActionItems).byParent('consultation_id', ids, { keys: actionItemSortKeys('t'), page, properties });
    return ids.map((id) => pages.get(id)!);
  });
}
