import { defineChildPages, defineReference, SortDirection, type RequestContext, type SortKey } from '@platform/core';
import { Organizations, type Organization } from '@platform/directory';
import type DataLoader from 'dataloader';
import type { Consultation } from './consultation.entity';
import { actionItemSortKeys } from './consultation.orders';
import { ConsultationActionItems, Consultations } from '../community.entities';

/** Departments by name, then id (the order is total). */
const departmentSortKeys = (alias: string): SortKey<Organization>[] => [
  { column: `${alias}.name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Consultations by id, within the caller's read scope (others load as null): one statement per request level. */
export const ConsultationReference = defineReference(Consultations, 'rescue.consultation.byId');
export const consultationById = (ctx: RequestContext): DataLoader<string, Consultation | null> => ConsultationReference.byId(ctx);

/**
 * The departments of a consultation that the caller may read as organizations, by name: the
 * organizations through this module's link table (`consultation_department`), with the directory's
 * declaration (its scope) applied by the kernel.
 */
export const ConsultationDepartmentPages = defineChildPages(Organizations, {
  name: 'rescue.consultation.departments',
  link: { table: 'consultation_department', parentColumn: 'consultation_id', column: 'organization_id' },
  keys: departmentSortKeys('t'),
});

/** The action items of a consultation, earliest due first. */
export const ConsultationActionItemPages = defineChildPages(ConsultationActionItems, { name: 'rescue.consultation.actionItems', parentColumn: 'consultation_id', keys: actionItemSortKeys('t') });
