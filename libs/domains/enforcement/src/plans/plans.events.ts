import { defineEvents, payload } from '@platform/core';
import { InspectionPlanEntries, InspectionPlans } from './plans.entities';

/** What a plan's events carry: the plan, its legal subject and year. */
type PlanPayload = { id: string; organizationId: string; year: number };
/** What an entry's events carry: the entry, its plan and enterprise. */
type EntryPayload = { id: string; planId: string; enterpriseId: string };

/**
 * Every event of the annual plan (ids only). The workflow's steps emit
 * `enforcement.inspection-plan.approved|superseded`.
 */
export const planEvents = defineEvents({
  'enforcement.inspection-plan.created': payload<PlanPayload>(InspectionPlans),
  'enforcement.inspection-plan.updated': payload<PlanPayload>(InspectionPlans),
  'enforcement.inspection-plan.revised': payload<PlanPayload & { previousId: string }>(InspectionPlans),
  'enforcement.inspection-plan.entries-derived': payload<PlanPayload & { added: number; reclassified: number; removed: number }>(InspectionPlans),
  'enforcement.inspection-plan.approved': payload<PlanPayload>(InspectionPlans),
  'enforcement.inspection-plan.superseded': payload<PlanPayload>(InspectionPlans),
  'enforcement.inspection-plan-entry.updated': payload<EntryPayload>(InspectionPlanEntries),
  // The entry is gone: the record the event is about is its plan.
  'enforcement.inspection-plan-entry.removed': payload<EntryPayload>({ entity: InspectionPlans, field: 'planId' }),
});

export type PlanEvents = typeof planEvents;
