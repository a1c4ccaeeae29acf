import { defineChildPages, defineReference, records, sql, SortDirection, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { EmergencyPlan } from './emergency-plan.entity';
import type { Drill } from './drill.entity';
import type { DrillRule } from './drill-rule.entity';
import { DrillProblems, DrillRules, Drills, EmergencyPlans } from '../preparedness.entities';

/** Plan revisions by id within the caller's plan scope; one out of scope loads as null. */
export const PlanReference = defineReference(EmergencyPlans, 'rescue.plan.byId');
export const planById = (ctx: RequestContext): DataLoader<string, EmergencyPlan | null> => PlanReference.byId(ctx);

/** Every revision of a plan chain (the parent's `chainId`), newest first. */
export const PlanRevisions = defineChildPages(EmergencyPlans, {
  name: 'rescue.plan.revisions',
  parentColumn: 'chain_id',
  keys: [
    { column: 't.revision', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
});

/** Drills by id within the caller's plan read scope, else null: one statement per request level. */
export const DrillReference = defineReference(Drills, 'rescue.drill.byId');
export const drillById = (ctx: RequestContext): DataLoader<string, Drill | null> => DrillReference.byId(ctx);

/** The problems a drill found, in the order recorded (in scope with their drill). */
export const DrillProblemsFound = defineChildPages(DrillProblems, {
  name: 'rescue.drill.problems',
  parentColumn: 'drill_id',
  keys: [
    { column: 't.position', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
});

/** Drill rules by id (rules are town-wide data, read by whoever may read plans). */
export const DrillRuleReference = defineReference(DrillRules, 'rescue.drillRule.byId');
export const drillRuleById = (ctx: RequestContext): DataLoader<string, DrillRule | null> => DrillRuleReference.byId(ctx);

/**
 * Day (YYYY-MM-DD) of the latest drill held by each of many organizations, among the drills the
 * caller may read (rescue.plan:read); null when there is none or none is readable. One aggregate
 * statement per request level, grouped by organization (on the (organization_id, held_on) index).
 * Other modules (a rescue team's last drill) read it here instead of querying the drill table.
 */
export function latestDrillOn(ctx: RequestContext): DataLoader<string, string | null> {
  return ctx.loaders.get('rescue.drill.latestOn', undefined, async (ids: readonly string[]) => {
    const rows = await records(ctx, Drills)
      .where(sql`t.organization_id = ANY(CAST(${ids} AS uuid[]))`)
      .aggregate<{ organizationId: string; heldOn: string }>(sql`t.organization_id AS "organizationId", max(t.held_on)::text AS "heldOn"`, { groupBy: sql`t.organization_id` });
    const byOrganization = new Map(rows.map((r) => [r.organizationId, r.heldOn]));
    return ids.map((id) => byOrganization.get(id) ?? null);
  });
}
