import { defineChildPages, defineReference, sql, type Sql } from '@platform/core';
import { InspectionPlanEntryArgs } from './plan.inputs';
import { ENTRY_KEYS } from './plan.orders';
import { InspectionPlanEntries, InspectionPlans } from './plans.entities';

/** Plans by id, within the caller's read scope (others load as null): one statement per request level. */
export const InspectionPlanReference = defineReference(InspectionPlans, 'enforcement.inspectionPlan.byId');

/** Entries by id, within the caller's read scope. */
export const InspectionPlanEntryReference = defineReference(InspectionPlanEntries, 'enforcement.inspectionPlanEntry.byId');

/** SQL over alias `t`: the entry matches the filter (class, a month with a planned inspection). */
export function entryFilterSql(filter: InspectionPlanEntryArgs['filter']): Sql[] {
  const conditions: Sql[] = [];
  if (filter?.enterpriseClass) conditions.push(sql`t.enterprise_class = ${filter.enterpriseClass}`);
  if (filter?.month !== undefined && filter.month !== null) conditions.push(sql`CAST(${filter.month} AS int) = ANY(t.planned_months)`);
  return conditions;
}

/** A plan's entries, key enterprises first, then by place in the list; filtered by class and month. */
export const InspectionPlanEntryPages = defineChildPages(InspectionPlanEntries, {
  name: 'enforcement.inspectionPlan.entries',
  parentColumn: 'plan_id',
  keys: ENTRY_KEYS,
  args: InspectionPlanEntryArgs,
  filterArgs: ['filter'],
  where: (args) => entryFilterSql(args.filter),
});
